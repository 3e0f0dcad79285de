"""The newsletter's personal data: the proof of consent, erasure, the suppression list,
retention and the export (registered with the core's hooks, see ``wagtail_career.privacy``).

- Every consent, confirmation, withdrawal and erasure is a dated :class:`ConsentRecord`
  with the exact text shown and how it happened (IP address only with
  ``WAGTAIL_CAREER_NEWSLETTER_STORE_IP``).
- :func:`erase` anonymises every subscription of an address (address, IP, consent page;
  the digest's record of their mailings is deleted) and keeps the dated records, stripped
  of page and IP, and a :class:`Suppression`: the address's keyed hash. A later signup of
  the address is a new pending subscription that needs its own confirmation, which lifts
  the suppression.
- :func:`suppress` / :func:`is_suppressed`: for bounces and complaints. A suppressed
  address has no confirmed subscription (``suppress`` unsubscribes them) until it confirms
  a new signup, so the digest, which mails confirmed subscriptions only, never mails it.
"""

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .. import outbox
from ..conf import get_setting
from ..parts import PERSONAL_DATA_HOOK, RETENTION_HOOK
from ..privacy import RetentionRule, email_hash, email_hashes
from .models import ConsentRecord, NewsletterDelivery, Subscription, Suppression

Kind = ConsentRecord.Kind
Method = ConsentRecord.Method
Status = Subscription.Status

# An erased subscription's address: reserved (RFC 2606), never delivered, unique per row.
ERASED_DOMAIN = "erased.invalid"
# The body an RFC 8058 one-click unsubscribe POST carries.
ONE_CLICK_BODY = "List-Unsubscribe=One-Click"


def stored_ip(ip_address):
    """``ip_address`` when the site keeps IP addresses with consent, else ``None``."""
    return (ip_address or None) if get_setting("NEWSLETTER_STORE_IP") else None


def record(subscription, kind, method, *, text="", page="", ip_address=None, note="", when=None):
    """Keep one dated event of ``subscription``'s consent (its address must be real)."""
    return ConsentRecord.objects.create(
        subscription=subscription,
        site_id=subscription.site_id,
        email_hash=email_hash(subscription.email),
        kind=kind,
        method=method,
        text=text,
        page=(page or "")[:2048],
        ip_address=stored_ip(ip_address),
        note=(note or "")[:255],
        created_at=when or timezone.now(),
    )


# Suppressions ----------------------------------------------------------------------------


def is_suppressed(email):
    """Whether ``email`` is on the suppression list (erased, bounced, complained…)."""
    return Suppression.objects.filter(email_hash__in=email_hashes(email)).exists()


def withdraw(subscription, method, *, text="", ip_address=None, note="", when=None):
    """Unsubscribe ``subscription`` unless it already is, recording the withdrawal; return
    whether it changed (a conditional UPDATE: a replay or a double click records once)."""
    when = when or timezone.now()
    changed = (
        Subscription.objects.filter(pk=subscription.pk)
        .exclude(status=Status.UNSUBSCRIBED)
        .update(status=Status.UNSUBSCRIBED, unsubscribed_at=when)
    )
    if changed:
        record(
            subscription,
            Kind.WITHDRAWAL,
            method,
            text=text,
            ip_address=ip_address,
            note=note,
            when=when,
        )
    return bool(changed)


def suppress(email, reason=Suppression.Reason.MANUAL, *, note=""):
    """Never mail ``email`` again until it confirms a new signup: keep its hash on the
    suppression list and unsubscribe its subscriptions (each withdrawal recorded with
    ``reason``). For bounce and complaint webhooks; return the :class:`Suppression`."""
    hashes = email_hashes(email)
    with transaction.atomic():
        suppression = Suppression.objects.filter(email_hash__in=hashes).first()
        if suppression is None:
            suppression, _created = Suppression.objects.get_or_create(
                email_hash=hashes[0], defaults={"reason": str(reason)[:20]}
            )
        for subscription in Subscription.objects.filter(
            email__iexact=email, erased_at__isnull=True
        ).exclude(status=Status.UNSUBSCRIBED):
            withdraw(subscription, Method.SUPPRESSION, note=note or str(reason))
    return suppression


def lift_suppression(email):
    """Take ``email`` off the suppression list; return the suppressions lifted."""
    lifted = list(Suppression.objects.filter(email_hash__in=email_hashes(email)))
    if lifted:
        Suppression.objects.filter(pk__in=[item.pk for item in lifted]).delete()
    return lifted


def confirm(subscription, method=Method.CONFIRMATION_LINK, *, ip_address=None):
    """Confirm a pending ``subscription`` (a conditional UPDATE: a replay confirms once),
    recording the confirmation of the consent text it carries. A confirmed signup is the
    person's new, explicit consent: it lifts a suppression of the address (recorded too).
    Return whether it was confirmed now."""
    now = timezone.now()
    with transaction.atomic():
        confirmed = Subscription.objects.filter(
            pk=subscription.pk, status=Status.PENDING, erased_at__isnull=True
        ).update(status=Status.CONFIRMED, confirmed_at=now)
        if not confirmed:
            return False
        lifted = lift_suppression(subscription.email)
        note = "; ".join(
            gettext("Lifted the suppression of %(date)s (%(reason)s).")
            % {
                "date": date_format(timezone.localtime(item.created_at), "SHORT_DATE_FORMAT"),
                "reason": item.get_reason_display(),
            }
            for item in lifted
        )
        record(
            subscription,
            Kind.CONFIRMATION,
            method,
            text=subscription.consent_text,
            ip_address=ip_address,
            note=note,
            when=now,
        )
    return True


# Erasure ---------------------------------------------------------------------------------


def _has_withdrawal(subscription):
    return subscription.consent_records.filter(kind=Kind.WITHDRAWAL).exists()


def _erase_row(subscription, method, now, text):
    """Anonymise one subscription (its address must still be real), keeping its dated
    withdrawal (recorded now if missing) and an erasure record."""
    if subscription.status != Status.UNSUBSCRIBED:
        record(subscription, Kind.WITHDRAWAL, method, text=text, when=now)
    elif not _has_withdrawal(subscription):
        # Unsubscribed before consent records existed: its date is the withdrawal's.
        record(
            subscription,
            Kind.WITHDRAWAL,
            method,
            note=gettext("Recorded from the subscription's unsubscribe date."),
            when=subscription.unsubscribed_at or now,
        )
    record(subscription, Kind.ERASURE, method, text=text, when=now)
    subscription.consent_records.update(page="", ip_address=None)
    NewsletterDelivery.objects.filter(subscription=subscription).delete()
    Subscription.objects.filter(pk=subscription.pk).update(
        email=f"erased-{subscription.pk}@{ERASED_DOMAIN}",
        ip_address=None,
        consent_url="",
        status=Status.UNSUBSCRIBED,
        unsubscribed_at=Coalesce("unsubscribed_at", now),
        confirmation_sent_at=None,
        erased_at=now,
    )


def erase_text(method):
    if method == Method.RETENTION:
        return gettext("Anonymised at the end of the retention period.")
    return gettext("Erased at the person's request.")


def erase(email, method=Method.ADMIN, reason=Suppression.Reason.ERASURE):
    """Erase what the newsletter holds about ``email`` on every site: each subscription is
    anonymised, every record of the address loses its page and IP address, and the address
    goes on the suppression list. Return how many subscriptions were erased."""
    now = timezone.now()
    hashes = email_hashes(email)
    with transaction.atomic():
        subscriptions = list(
            Subscription.objects.select_for_update().filter(
                email__iexact=email, erased_at__isnull=True
            )
        )
        for subscription in subscriptions:
            _erase_row(subscription, method, now, erase_text(method))
        ConsentRecord.objects.filter(email_hash__in=hashes).update(page="", ip_address=None)
        if not Suppression.objects.filter(email_hash__in=hashes).exists():
            Suppression.objects.get_or_create(email_hash=hashes[0], defaults={"reason": reason})
        outbox.forget_recipient(email)
    return len(subscriptions)


def erase_subscription(subscription, method=Method.ADMIN):
    """Erase the person behind ``subscription`` (every subscription of their address)."""
    if subscription.erased_at is not None:
        return 0
    return erase(subscription.email, method=method)


# Retention -------------------------------------------------------------------------------


def _with_history():
    """Subscriptions that were confirmed or withdrawn once: their proof is kept."""
    return (
        Q(confirmed_at__isnull=False)
        | Q(unsubscribed_at__isnull=False)
        | Exists(
            ConsentRecord.objects.filter(
                subscription=OuterRef("pk"), kind__in=[Kind.CONFIRMATION, Kind.WITHDRAWAL]
            )
        )
    )


def delete_unconfirmed(cutoff, dry_run=False):
    """Signups still pending, made before ``cutoff``: deleted with their records (nothing
    personal kept). One that restarted an earlier subscription is anonymised instead, so
    that the earlier withdrawal stays on record."""
    expired = Subscription.objects.filter(
        status=Status.PENDING, erased_at__isnull=True, consent_given_at__lt=cutoff
    )
    if dry_run:
        return expired.count()
    count = 0
    for subscription in expired.filter(_with_history()).order_by("pk"):
        with transaction.atomic():
            _erase_row(subscription, Method.RETENTION, timezone.now(), erase_text(Method.RETENTION))
        count += 1
    with transaction.atomic():
        never = list(expired.exclude(_with_history()).values_list("pk", flat=True))
        ConsentRecord.objects.filter(subscription_id__in=never).delete()
        Subscription.objects.filter(pk__in=never).delete()
    return count + len(never)


def anonymise_unsubscribed(cutoff, dry_run=False):
    """Subscriptions unsubscribed before ``cutoff``: anonymised, keeping the dated
    withdrawal and, unless the address is subscribed elsewhere, a suppression."""
    old = Subscription.objects.filter(status=Status.UNSUBSCRIBED, erased_at__isnull=True).filter(
        Q(unsubscribed_at__lt=cutoff) | Q(unsubscribed_at__isnull=True, consent_given_at__lt=cutoff)
    )
    if dry_run:
        return old.count()
    count = 0
    for subscription in old.order_by("pk"):
        with transaction.atomic():
            hashes = email_hashes(subscription.email)
            active = (
                Subscription.objects.filter(
                    email__iexact=subscription.email, erased_at__isnull=True
                )
                .exclude(pk=subscription.pk)
                .exclude(status=Status.UNSUBSCRIBED)
                .exists()
            )
            _erase_row(subscription, Method.RETENTION, timezone.now(), erase_text(Method.RETENTION))
            if not active and not Suppression.objects.filter(email_hash__in=hashes).exists():
                Suppression.objects.get_or_create(
                    email_hash=hashes[0], defaults={"reason": Suppression.Reason.RETENTION}
                )
        count += 1
    return count


@hooks.register(RETENTION_HOOK)
def newsletter_retention_rules():
    return [
        RetentionRule(
            name="newsletter_pending",
            label=_("unconfirmed newsletter signups deleted"),
            setting="RETENTION_PENDING",
            apply=delete_unconfirmed,
            order=10,
        ),
        RetentionRule(
            name="newsletter_unsubscribed",
            label=_("unsubscribed newsletter addresses anonymised"),
            setting="RETENTION_UNSUBSCRIBED",
            apply=anonymise_unsubscribed,
            order=20,
        ),
    ]


# Export ----------------------------------------------------------------------------------


def _site(site):
    return {"hostname": site.hostname, "name": site.site_name} if site else None


@hooks.register(PERSONAL_DATA_HOOK)
def newsletter_personal_data(email):
    """The newsletter's data about ``email``: subscriptions (with the digest's record of
    what it mailed them), consent records and suppression, in four queries whatever their
    number."""
    hashes = email_hashes(email)
    subscriptions = list(
        Subscription.objects.filter(email__iexact=email).select_related("site").order_by("pk")
    )
    ids = [subscription.pk for subscription in subscriptions]
    # What the digest recorded of its mailings to them, whatever fields that record has.
    fields = [
        field.attname
        for field in NewsletterDelivery._meta.concrete_fields
        if field.name not in ("id", "subscription")
    ]
    deliveries = {}
    for delivery in (
        NewsletterDelivery.objects.filter(subscription_id__in=ids)
        .order_by("pk")
        .values("subscription_id", *fields)
    ):
        deliveries.setdefault(delivery.pop("subscription_id"), []).append(delivery)
    records = (
        ConsentRecord.objects.filter(Q(subscription_id__in=ids) | Q(email_hash__in=hashes))
        .select_related("site")
        .order_by("created_at", "pk")
    )
    suppression = Suppression.objects.filter(email_hash__in=hashes).first()
    return {
        "newsletter": {
            "subscriptions": [
                {
                    "id": subscription.pk,
                    "site": _site(subscription.site),
                    "email": subscription.email,
                    "status": subscription.status,
                    "language": subscription.language,
                    "sections": subscription.sections,
                    "consent_text": subscription.consent_text,
                    "consent_given_at": subscription.consent_given_at,
                    "consent_url": subscription.consent_url,
                    "ip_address": subscription.ip_address,
                    "confirmed_at": subscription.confirmed_at,
                    "unsubscribed_at": subscription.unsubscribed_at,
                    "confirmation_sent_at": subscription.confirmation_sent_at,
                    "digest_deliveries": deliveries.get(subscription.pk, []),
                }
                for subscription in subscriptions
            ],
            "consent_records": [
                {
                    "subscription_id": item.subscription_id,
                    "site": _site(item.site),
                    "kind": item.kind,
                    "method": item.method,
                    "text": item.text,
                    "page": item.page,
                    "ip_address": item.ip_address,
                    "note": item.note,
                    "created_at": item.created_at,
                }
                for item in records
            ],
            "suppression": (
                {"reason": suppression.reason, "since": suppression.created_at}
                if suppression
                else None
            ),
        }
    }
