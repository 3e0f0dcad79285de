"""Signed tokens for the confirmation, unsubscribe and preferences links.

A confirmation token carries its own timestamp (for expiry) and is bound to the consent it
confirms, so a link from an older signup cannot confirm a newer one. An unsubscribe token
never expires: a subscriber can always leave. A preferences token never expires either (it
is in every digest, and choosing less is always allowed); its own salt makes it no key to
anything else, nor another link a key to it.
"""

import time

from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import base36_to_int, int_to_base36

from ..conf import get_setting
from ..inputs import parse_int
from .models import Subscription

SALT = "wagtail_career.newsletter"


def _signature(purpose, *parts):
    value = ":".join(str(part) for part in parts)
    return salted_hmac(f"{SALT}.{purpose}", value, algorithm="sha256").hexdigest()[:32]


def _confirmation_signature(subscription, timestamp):
    return _signature(
        "confirm",
        subscription.pk,
        subscription.email.lower(),
        subscription.consent_given_at.timestamp(),
        timestamp,
    )


def make_confirmation_token(subscription):
    timestamp = int(time.time())
    signature = _confirmation_signature(subscription, timestamp)
    return f"{subscription.pk}-{int_to_base36(timestamp)}-{signature}"


def check_confirmation_token(token):
    """Return ``(subscription, expired)``; ``subscription`` is None for an invalid token."""
    try:
        pk, timestamp, signature = token.split("-")
        timestamp = base36_to_int(timestamp)
        subscription = Subscription.objects.select_related("site").get(pk=parse_int(pk))
    except (ValueError, Subscription.DoesNotExist):
        return None, False
    if not constant_time_compare(signature, _confirmation_signature(subscription, timestamp)):
        return None, False
    expired = time.time() - timestamp > get_setting("NEWSLETTER_CONFIRM_MAX_AGE")
    return subscription, expired


def _subscription_token(purpose, subscription):
    signature = _signature(purpose, subscription.pk, subscription.email.lower())
    return f"{subscription.pk}-{signature}"


def _check_subscription_token(purpose, token):
    try:
        pk, signature = token.split("-")
        subscription = Subscription.objects.get(pk=parse_int(pk))
    except (ValueError, Subscription.DoesNotExist):
        return None
    expected = _signature(purpose, subscription.pk, subscription.email.lower())
    return subscription if constant_time_compare(signature, expected) else None


def make_unsubscribe_token(subscription):
    return _subscription_token("unsubscribe", subscription)


def check_unsubscribe_token(token):
    """Return the subscription ``token`` unsubscribes, or None."""
    return _check_subscription_token("unsubscribe", token)


def make_preferences_token(subscription):
    return _subscription_token("preferences", subscription)


def check_preferences_token(token):
    """Return the subscription whose choices ``token`` may change, or None."""
    return _check_subscription_token("preferences", token)
