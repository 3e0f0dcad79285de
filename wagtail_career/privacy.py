"""Personal data: who sends the mail (identification), keyed hashes of addresses, retention
and the export of what the package holds about one person.

- **Identification** (Canada's anti-spam law, CASL): every commercial mail and every consent
  request names its sender, their postal address and a way to reach them. Editors give them
  per site (and per language) in Settings → Career settings; :func:`sender_identification`
  reads them for a site, ``{% career_sender %}`` (``wagtail_career_privacy``) for templates.
- **Keyed hashes**: an address that must never be mailed again (an erased subscriber, a
  bounce) is remembered only as :func:`email_hash`, an HMAC-SHA256 of the normalised address
  with a key derived from ``SECRET_KEY`` (``salted_hmac`` with its own salt). Hashes made
  with a key of ``SECRET_KEY_FALLBACKS`` still match (:func:`email_hashes`); rotating the
  key out of the fallbacks forgets them.
- **Retention**: features register :class:`RetentionRule` objects with
  ``parts.RETENTION_HOOK``; :func:`apply_retention` (``manage.py career_retention``, the
  task :func:`career_retention`) applies each rule with its ``WAGTAIL_CAREER_RETENTION_*``
  period. The core knows no feature.
- **Export**: features answer ``parts.PERSONAL_DATA_HOOK`` with what they hold about an
  address; :func:`personal_data` gathers it as one JSON-serialisable dict.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from django_tasks import task
from wagtail import hooks
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from .conf import get_setting
from .inputs import email_key, normalize_email
from .links import safe_link
from .models import CareerSettings
from .parts import PERSONAL_DATA_HOOK, RETENTION_HOOK

# The salt of the address hashes: never change it, or every suppression is forgotten.
EMAIL_HASH_SALT = "wagtail_career.privacy.email"

# Where the settings read for a site are kept on its Site object (one query per request).
_SETTINGS_ATTR = "_career_privacy_settings"


# Keyed hashes ----------------------------------------------------------------------------


def email_hash(email, secret=None):
    """The HMAC-SHA256 (hex) of ``email`` in its one spelling per mailbox (IDNA domain,
    case-insensitive), keyed from ``secret`` (default: ``SECRET_KEY``)."""
    return salted_hmac(
        EMAIL_HASH_SALT, email_key(email), secret=secret, algorithm="sha256"
    ).hexdigest()


def email_hashes(email):
    """``email``'s hash with ``SECRET_KEY`` first, then with each of ``SECRET_KEY_FALLBACKS``."""
    fallbacks = getattr(settings, "SECRET_KEY_FALLBACKS", None) or []
    return [email_hash(email), *(email_hash(email, key) for key in fallbacks)]


# Identification --------------------------------------------------------------------------


@dataclass(frozen=True)
class Sender:
    """Who sends a site's mail: what CASL asks every commercial mail to say."""

    name: str
    address_lines: tuple = ()
    email: str = ""
    # Absolute URLs (a site-relative path is joined to the site's root URL).
    contact_url: str = ""
    privacy_url: str = ""

    @property
    def address(self):
        """The postal address on one line ("1 rue X, Montréal QC  H2X 1Y4")."""
        return ", ".join(self.address_lines)

    @property
    def has_contact(self):
        return bool(self.email or self.contact_url)


def career_settings(site, request=None):
    """``site``'s CareerSettings: the request's (read once per request) when it is for that
    site, else read once per Site object; ``None`` without a site."""
    if site is None:
        return None
    found = site.__dict__.get(_SETTINGS_ATTR)
    if found is None:
        if request is not None:
            found = CareerSettings.for_request(request)
        if found is None or found.site_id != site.pk:
            found = CareerSettings.for_site(site)
        site.__dict__[_SETTINGS_ATTR] = found
    return found


def site_name(site):
    """The site's name (the Wagtail site's, else ``WAGTAIL_SITE_NAME``)."""
    return (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", "")


def absolute_link(site, value):
    """``value`` if it is a safe link (see ``links.py``), a site-relative path joined to
    ``site``'s root URL (mail has no current page); ``""`` otherwise."""
    value = safe_link(value)
    if value.startswith("/") and site is not None:
        return site.root_url + value
    return value


def sender_identification(site, request=None):
    """The :class:`Sender` of ``site``'s mail, in the active language (its translation rows),
    with the site's name when no sender name is given."""
    found = career_settings(site, request)
    if found is None:
        return Sender(name=site_name(site))
    address = found.translated("sender_postal_address") or ""
    return Sender(
        name=found.translated("sender_name") or site_name(site),
        address_lines=tuple(line.strip() for line in address.splitlines() if line.strip()),
        email=found.sender_email,
        contact_url=absolute_link(site, found.translated("sender_contact_url")),
        privacy_url=absolute_link(site, found.translated("privacy_policy_url")),
    )


def identification_text(sender):
    """``sender`` in one line for a sentence: "Name, address; contact: email or page"."""
    text = sender.name
    if sender.address:
        text = gettext("%(name)s, %(address)s") % {"name": text, "address": sender.address}
    contacts = [value for value in (sender.email, sender.contact_url) if value]
    if contacts:
        text = gettext("%(sender)s; contact: %(contact)s") % {
            "sender": text,
            "contact": gettext(" or ").join(contacts),
        }
    return text


def privacy_policy_url(site, request=None):
    """The privacy policy's link for ``site`` in the active language, or ``""``. On a page
    (``request`` given) a site-relative path stays relative."""
    found = career_settings(site, request)
    if found is None:
        return ""
    value = found.translated("privacy_policy_url")
    return safe_link(value) if request is not None else absolute_link(site, value)


def site_for_url(url):
    """The Wagtail site an absolute ``url`` of ours belongs to (as a request to it would
    find it: host and port, else the default site), or ``None``."""
    try:
        parts = urlsplit(str(url or ""))
        hostname, port = parts.hostname, parts.port
    except ValueError:
        return None
    if not hostname:
        return Site.objects.filter(is_default_site=True).first()
    port = port or (443 if parts.scheme == "https" else 80)
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


# Retention -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetentionRule:
    """What a feature deletes or anonymises once a retention period is over.

    ``apply(cutoff, dry_run)`` handles the data older than ``cutoff`` (an aware datetime)
    and returns how many items it changed (with ``dry_run``: would change, changing
    nothing). ``setting``: the name of the period in ``conf.DEFAULTS`` (``"RETENTION_…"``,
    seconds; ``None`` keeps the data forever).
    """

    name: str
    # What is done, for the command's output ("unconfirmed newsletter signups deleted").
    label: str
    setting: str
    apply: Callable
    order: int = 100


@dataclass(frozen=True)
class RetentionResult:
    rule: RetentionRule
    period: int | None  # seconds; None: the rule is off
    count: int


def retention_rules():
    """The registered retention rules, in their order."""
    rules = [rule for hook in hooks.get_hooks(RETENTION_HOOK) for rule in (hook() or [])]
    return sorted(rules, key=lambda rule: (rule.order, rule.name))


def retention_period(rule):
    period = get_setting(rule.setting)
    if period is None:
        return None
    if isinstance(period, bool) or not isinstance(period, int | float) or period < 0:
        raise ImproperlyConfigured(
            f"WAGTAIL_CAREER_{rule.setting} must be a number of seconds (or None), not {period!r}."
        )
    return period


def apply_retention(dry_run=False, now=None):
    """Apply every retention rule; return a :class:`RetentionResult` per rule."""
    now = now or timezone.now()
    results = []
    for rule in retention_rules():
        period = retention_period(rule)
        count = 0 if period is None else rule.apply(now - timedelta(seconds=period), dry_run)
        results.append(RetentionResult(rule, period, count))
    return results


@task()
def career_retention(dry_run=False):
    """``manage.py career_retention`` as a task: ``{rule name: count}``."""
    return {result.rule.name: result.count for result in apply_retention(dry_run=dry_run)}


# Export ----------------------------------------------------------------------------------


def personal_data(email):
    """Everything the package holds about ``email``: ``{"email", "exported_at", **each
    feature's data}``. For an unknown address, each feature's data is empty."""
    address = normalize_email(email)
    data = {"email": address, "exported_at": timezone.now()}
    for hook in hooks.get_hooks(PERSONAL_DATA_HOOK):
        data.update(hook(address) or {})
    return data


def personal_data_json(email):
    """:func:`personal_data` as JSON text (dates in ISO 8601)."""
    return json.dumps(personal_data(email), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
