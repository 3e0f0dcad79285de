"""The newsletter's system checks."""

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.db import DatabaseError
from wagtail.models import Site

from ..checks import missing_apps
from ..models import CareerSettings

REQUIRED_APPS = ["wagtail_modeladmin"]

WHERE = "Settings → Career settings → Identification and privacy"


@register(Tags.compatibility)
def check_installed_apps(app_configs=None, **kwargs):
    return missing_apps(REQUIRED_APPS, "wagtail_career.E001", "wagtail_career.newsletter")


@register(Tags.database)
def check_sender_identification(app_configs=None, databases=None, **kwargs):
    """Canada's anti-spam law (CASL) asks every newsletter mail to give the sender's postal
    address and a way to reach them: warn for each site whose Career settings lack them.

    A database check: run by ``migrate`` and ``manage.py check --database default``."""
    if not databases:
        return []
    try:
        sites = list(Site.objects.order_by("hostname", "port"))
        identified = {
            values["site_id"]: values
            for values in CareerSettings.objects.values(
                "site_id", "sender_postal_address", "sender_email", "sender_contact_url"
            )
        }
    except DatabaseError:  # not migrated yet
        return []
    messages = []
    for site in sites:
        values = identified.get(site.pk, {})
        name = f"{site.site_name or site.hostname} ({site.hostname}:{site.port})"
        if not (values.get("sender_postal_address") or "").strip():
            messages.append(
                Warning(
                    f"The site {name} has no postal address: its newsletter mail does not "
                    "identify its sender as anti-spam law (CASL) requires.",
                    hint=f"Fill in “Postal address” in {WHERE}, for that site.",
                    obj=site,
                    id="wagtail_career.W040",
                )
            )
        if not (values.get("sender_email") or values.get("sender_contact_url")):
            messages.append(
                Warning(
                    f"The site {name} gives no contact: its newsletter mail does not say how "
                    "to reach the sender, as anti-spam law (CASL) requires.",
                    hint=f"Fill in “Contact email” or “Contact page” in {WHERE}, for that site.",
                    obj=site,
                    id="wagtail_career.W041",
                )
            )
    return messages


@register(Tags.database)
def check_https_links(app_configs=None, databases=None, **kwargs):
    """RFC 8058 asks the one-click unsubscribe link of ``List-Unsubscribe`` to be HTTPS, and
    the newsletter builds its links from the Wagtail Site's root URL, which is ``https://``
    only on port 443: with ``DEBUG = False``, warn for each site whose links would be
    ``http://``.

    A database check: run by ``migrate`` and ``manage.py check --database default``."""
    if not databases or settings.DEBUG:
        return []
    try:
        sites = list(Site.objects.order_by("hostname", "port"))
    except DatabaseError:  # not migrated yet
        return []
    return [
        Warning(
            f"The site {site.site_name or site.hostname} ({site.hostname}:{site.port}) has the "
            f"root URL {site.root_url}: its newsletter and comment mail carry http:// "
            "unsubscribe links, which mail clients do not offer as one-click unsubscribe "
            "(RFC 8058 requires HTTPS).",
            hint="Serve the site over HTTPS and set its port to 443 in Settings → Sites "
            "(Wagtail writes https:// links for port 443 only).",
            obj=site,
            id="wagtail_career.W046",
        )
        for site in sites
        if not site.root_url.startswith("https://")
    ]
