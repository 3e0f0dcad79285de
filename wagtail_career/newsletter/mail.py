"""Building newsletter mail: confirmation and digest, as plain text and HTML.

A digest is rendered once for every subscriber who gets the same content (site, language,
sections and pages): :func:`digest_content` renders it for a stand-in subscriber whose own
parts (address, unsubscribe and preferences links) are placeholders, and
:func:`digest_substitutions` gives each subscriber's values for them (the outbox fills
them in when it sends).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.text import capfirst

from ..conf import get_setting
from ..inputs import one_line
from .forms import site_name
from .sections import describe
from .tokens import make_confirmation_token, make_preferences_token, make_unsubscribe_token

# The parts of a digest that differ between its recipients.
PERSONAL = ("email", "unsubscribe_url", "preferences_url")


def absolute_url(site, viewname, language, token):
    with translation.override(language):
        return site.root_url + reverse(viewname, kwargs={"token": token})


def unsubscribe_url(subscription):
    return absolute_url(
        subscription.site,
        "wagtail_career:newsletter_unsubscribe",
        subscription.language,
        make_unsubscribe_token(subscription),
    )


def preferences_url(subscription):
    return absolute_url(
        subscription.site,
        "wagtail_career:newsletter_preferences",
        subscription.language,
        make_preferences_token(subscription),
    )


def from_email():
    return get_setting("NEWSLETTER_FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL


def list_headers(url):
    return {
        "List-Unsubscribe": f"<{url}>",
        # RFC 8058: mail clients may unsubscribe with one POST to the link.
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def render(subscription, template, context, preferences=None):
    """``(subject, text, html)`` of ``template`` for ``subscription``, in its language."""
    context = {
        "subscription": subscription,
        "site_name": site_name(subscription.site),
        # Every mail lets its reader choose what the digest brings them.
        "preferences_url": preferences or preferences_url(subscription),
        **context,
    }
    with translation.override(subscription.language):
        prefix = f"wagtail_career/newsletter/email/{template}"
        # Plain text (autoescape off in the template), on one line.
        subject = one_line(render_to_string(f"{prefix}_subject.txt", context))
        text = render_to_string(f"{prefix}.txt", context)
        html = render_to_string(f"{prefix}.html", context)
    return subject, text, html


def _message(subscription, rendered, headers=None, connection=None):
    subject, text, html = rendered
    message = EmailMultiAlternatives(
        subject, text, from_email(), [subscription.email], headers=headers, connection=connection
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(subscription):
    confirm_url = absolute_url(
        subscription.site,
        "wagtail_career:newsletter_confirm",
        subscription.language,
        make_confirmation_token(subscription),
    )
    days = max(1, get_setting("NEWSLETTER_CONFIRM_MAX_AGE") // 86400)
    rendered = render(subscription, "confirmation", {"confirm_url": confirm_url, "days": days})
    return _message(subscription, rendered)


def _summary(parts, language):
    # "New career articles and new job offers", for the subject and the heading.
    with translation.override(language):
        return capfirst(describe([section for section, _items in parts]))


def digest_message(subscription, parts, connection=None):
    """The digest of ``parts``, ``[(section, items)]``, for one subscriber (each section
    under its heading)."""
    url = unsubscribe_url(subscription)
    context = {"parts": parts, "summary": _summary(parts, subscription.language)}
    rendered = render(subscription, "digest", {**context, "unsubscribe_url": url})
    return _message(subscription, rendered, headers=list_headers(url), connection=connection)


class Recipient:
    """Every subscriber of one site, language and choice of sections at once: what differs
    between them is a placeholder."""

    def __init__(self, site, language, sections, placeholders):
        self.site = site
        self.site_id = site.pk
        self.language = language
        self.sections = list(sections)
        self.email = placeholders["email"]
        self.status = "confirmed"

    def __str__(self):
        return self.email


def placeholders(seed):
    """The placeholders of the personal parts in the rendering named ``seed``: letters and
    digits only, so that escaping and URL quoting leave them as they are, and keyed with the
    site's secret, so that no content can hold them (any worker finds them again)."""
    nonce = salted_hmac("wagtail_career.newsletter.placeholders", seed).hexdigest()[:20]
    return {name: f"careerph{nonce}{name.replace('_', '')}" for name in PERSONAL}


def digest_content(seed, site, language, sections, parts):
    """``(subject, text, html, placeholders)``: the digest of ``parts`` rendered once (as
    ``seed``) for every subscriber of ``site`` and ``language`` who chose ``sections``."""
    marks = placeholders(seed)
    recipient = Recipient(site, language, sections, marks)
    context = {
        "parts": parts,
        "summary": _summary(parts, language),
        "unsubscribe_url": marks["unsubscribe_url"],
    }
    subject, text, html = render(recipient, "digest", context, preferences=marks["preferences_url"])
    return subject, text, html, marks


def digest_substitutions(subscription, marks):
    """``(substitutions, headers)`` of one subscriber for a digest rendered with ``marks``."""
    url = unsubscribe_url(subscription)
    values = {
        "email": subscription.email,
        "unsubscribe_url": url,
        "preferences_url": preferences_url(subscription),
    }
    return {marks[name]: values[name] for name in PERSONAL}, list_headers(url)
