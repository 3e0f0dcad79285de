"""Identification and privacy in templates (see ``wagtail_career.privacy``).

``{% career_sender as sender %}`` gives the :class:`~wagtail_career.privacy.Sender` of the
site (name, ``address_lines``, ``email``, ``contact_url``, ``privacy_url``) for
``includes/sender_identification.html`` / ``.txt``. It works in mail, where there is no
request: the site is the one given (``{% career_sender site as sender %}``), else that of
an absolute ``url=`` of ours (``{% career_sender url=confirm_url as sender %}``), else the
context's ``site``, ``subscription.site``, ``article``'s or ``page``'s site, else the
request's. ``{% career_privacy_link %}`` shows the privacy policy's link
(``includes/privacy_link.html``) when the site gives one.
"""

from django import template
from wagtail.models import Site

from ..privacy import privacy_policy_url, sender_identification, site_for_url

register = template.Library()


def _context_site(context):
    site = context.get("site")
    if isinstance(site, Site):
        return site
    subscription = context.get("subscription")
    if getattr(subscription, "site_id", None):
        return subscription.site
    request = context.get("request")
    if request is not None and hasattr(request, "get_host"):
        return Site.find_for_request(request)
    for name in ("article", "page"):
        page = context.get(name)
        if hasattr(page, "get_site"):
            return page.get_site()
    return None


@register.simple_tag(takes_context=True)
def career_sender(context, site=None, url=None):
    """The sender identification of ``site`` (see the module's docstring)."""
    if not isinstance(site, Site):
        site = (site_for_url(url) if url else None) or _context_site(context)
    return sender_identification(site, context.get("request"))


@register.inclusion_tag("wagtail_career/includes/privacy_link.html", takes_context=True)
def career_privacy_link(context, site=None):
    """The privacy policy's link for a form that collects personal data (none if unset)."""
    request = context.get("request")
    if not isinstance(site, Site):
        site = _context_site(context)
    return {
        "privacy_url": privacy_policy_url(site, request if hasattr(request, "get_host") else None)
    }
