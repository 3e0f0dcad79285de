"""Recording a signup: one insert-or-get on the unique (site, lower(email)) key, and the
consent record of what the visitor agreed to (privacy.py)."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..conf import get_setting
from .models import ConsentRecord, Subscription
from .privacy import record


def subscribe(*, site, email, language, consent_text, sections, consent_url="", ip_address=None):
    """Record a signup request; return the subscription if a confirmation mail is due.

    ``sections``: the names of the digest sections chosen; ``consent_text`` records the
    consent sentence and that choice. A new address is created pending. A pending address
    takes the new choice (the link already mailed confirms it) and gets a new mail at most
    once per ``NEWSLETTER_RESEND_INTERVAL``; an unsubscribed one (an erased address is a new
    one: its old row keeps no address) starts over with the new consent, pending its
    confirmation; a confirmed one is left alone (its choices change on the preferences page).
    Each change is a conditional UPDATE, so concurrent requests cannot both win, and each
    consent taken is kept as a ``ConsentRecord`` with the text, page and (with
    ``NEWSLETTER_STORE_IP``) IP address.
    """
    with transaction.atomic():
        return _subscribe(site, email, language, consent_text, sections, consent_url, ip_address)


def _subscribe(site, email, language, consent_text, sections, consent_url, ip_address):
    now = timezone.now()
    choice = {"sections": list(sections), "consent_text": consent_text}
    consent = {
        "language": language,
        "consent_given_at": now,
        "consent_url": consent_url,
        "ip_address": ip_address if get_setting("NEWSLETTER_STORE_IP") else None,
        **choice,
    }
    subscription, created = Subscription.objects.get_or_create(
        site=site,
        email__iexact=email,
        defaults={"email": email, "confirmation_sent_at": now, **consent},
    )
    proof = {
        "text": consent_text,
        "page": consent_url,
        "ip_address": ip_address,
        "when": now,
    }
    if created:
        record(subscription, ConsentRecord.Kind.CONSENT, ConsentRecord.Method.SIGNUP_FORM, **proof)
        return subscription
    if subscription.erased_at is not None:
        return None  # someone typed an erased row's placeholder address (erased-N@…)
    due = Q(confirmation_sent_at__isnull=True) | Q(
        confirmation_sent_at__lt=now - timedelta(seconds=get_setting("NEWSLETTER_RESEND_INTERVAL"))
    )
    candidates = Subscription.objects.filter(due, pk=subscription.pk)
    if subscription.status == Subscription.Status.PENDING:
        if Subscription.objects.filter(
            pk=subscription.pk, status=Subscription.Status.PENDING
        ).update(**choice):
            record(
                subscription, ConsentRecord.Kind.CONSENT, ConsentRecord.Method.SIGNUP_FORM, **proof
            )
        updated = candidates.filter(status=Subscription.Status.PENDING).update(
            confirmation_sent_at=now
        )
    elif subscription.status == Subscription.Status.UNSUBSCRIBED:
        updated = candidates.filter(status=Subscription.Status.UNSUBSCRIBED).update(
            status=Subscription.Status.PENDING,
            confirmed_at=None,
            confirmation_sent_at=now,
            **consent,
        )
        if updated:
            record(
                subscription, ConsentRecord.Kind.CONSENT, ConsentRecord.Method.SIGNUP_FORM, **proof
            )
    else:
        updated = 0
    if updated:
        subscription.refresh_from_db()
        return subscription
    return None


def allow_resend(subscription_id):
    """Let the visitor ask again right away (the mail could not be sent or queued) instead
    of waiting out ``NEWSLETTER_RESEND_INTERVAL``."""
    Subscription.objects.filter(pk=subscription_id).update(confirmation_sent_at=None)
