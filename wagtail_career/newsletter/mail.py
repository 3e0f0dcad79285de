"""Building newsletter mail: confirmation and digest, as plain text and HTML."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from ..conf import get_setting
from ..inputs import one_line
from .forms import site_name
from .sections import describe
from .tokens import make_confirmation_token, make_preferences_token, make_unsubscribe_token


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


def _message(subscription, template, context, headers=None, connection=None):
    context = {
        "subscription": subscription,
        "site_name": site_name(subscription.site),
        # Every mail lets its reader choose what the digest brings them.
        "preferences_url": preferences_url(subscription),
        **context,
    }
    with translation.override(subscription.language):
        prefix = f"wagtail_career/newsletter/email/{template}"
        # Plain text (autoescape off in the template), on one line.
        subject = one_line(render_to_string(f"{prefix}_subject.txt", context))
        text = render_to_string(f"{prefix}.txt", context)
        html = render_to_string(f"{prefix}.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        get_setting("NEWSLETTER_FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL,
        [subscription.email],
        headers=headers,
        connection=connection,
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
    return _message(subscription, "confirmation", {"confirm_url": confirm_url, "days": days})


def digest_message(subscription, parts, connection=None):
    """The digest of ``parts``, ``[(section, items)]``: each section under its heading."""
    url = unsubscribe_url(subscription)
    with translation.override(subscription.language):
        # "New career articles and new job offers", for the subject and the heading.
        summary = capfirst(describe([section for section, _items in parts]))
    headers = {
        "List-Unsubscribe": f"<{url}>",
        # RFC 8058: mail clients may unsubscribe with one POST to the link.
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return _message(
        subscription,
        "digest",
        {"parts": parts, "summary": summary, "unsubscribe_url": url},
        headers=headers,
        connection=connection,
    )
