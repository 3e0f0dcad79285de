"""What mail providers report back: hard bounces, complaints and unsubscribes suppress the
address (``wagtail-career[anymail]``).

The package sends through Django's mail backends only (``get_connection``, see
``wagtail_career.outbox``), so any django-anymail backend (Brevo, Mailjet, Mailgun,
Postmark, Amazon SES…) sends its mail unchanged. With django-anymail installed, the
receiver :func:`on_tracking_event` of anymail's ``tracking`` signal (sent by the webhook
views of ``anymail.urls`` once they have checked the provider's signature) handles:

- a hard bounce: ``bounced`` whose reason is about the address (none given, ``bounced``,
  ``invalid``) and that its provider does not mark as soft (Postmark's ``SoftBounce``,
  Brevo's ``soft_bounce``, Mailjet's ``hard_bounce: false``, which anymail also reports as
  ``bounced``), and ``rejected`` for a permanent reason (invalid address, an earlier
  bounce) → :attr:`Suppression.Reason.BOUNCE`;
- ``complained`` (the person marked the mail as spam), and ``rejected`` because of an
  earlier complaint → :attr:`Suppression.Reason.COMPLAINT`;
- ``unsubscribed`` (the provider's own unsubscribe link or list header), and ``rejected``
  because of an earlier one → :attr:`Suppression.Reason.UNSUBSCRIBE`.

Such an address goes on the suppression list (``privacy.suppress``): its subscriptions are
unsubscribed, each with a dated withdrawal record, and the digest's mail to it still
waiting in the outbox is not sent. It is mailed again only once it signs up and confirms
anew. Other events (delivered, opened, a temporary ``deferred``, a soft bounce, a refusal
for the provider's own policy, ``blocked``, or after retries, ``timed_out``…) change
nothing.
"""

import logging
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from ..models import OutgoingMail
from . import privacy
from .digest import MAIL_KIND
from .models import Suppression

try:  # the optional extra: wagtail-career[anymail]
    from anymail.signals import tracking
except ImportError:  # pragma: no cover - exercised only without the extra
    tracking = None

logger = logging.getLogger(__name__)

Reason = Suppression.Reason

# anymail.signals.EventType values, and what each says about the address.
EVENT_REASONS = {
    "bounced": Reason.BOUNCE,
    "complained": Reason.COMPLAINT,
    "unsubscribed": Reason.UNSUBSCRIBE,
}
# anymail.signals.RejectReason values of a "rejected" event that are permanent. Others
# ("timed_out", "blocked": the provider's own policy, "other") may pass: they change nothing.
REJECT_REASONS = {
    "invalid": Reason.BOUNCE,
    "bounced": Reason.BOUNCE,
    "spam": Reason.COMPLAINT,
    "unsubscribed": Reason.UNSUBSCRIBE,
}
# The reasons of a "bounced" event that are about the address itself.
HARD_BOUNCE_REASONS = {None, "bounced", "invalid"}
# The outbox kinds of mail a suppressed address must not get (the digest's).
SUPPRESSED_KINDS = (MAIL_KIND,)
NOTE_LENGTH = 255
DISPATCH_UID = "wagtail_career.newsletter.tracking"


def _marked_soft(raw):
    """Whether the provider's own event (``esp_event``) says a "bounced" one is soft."""
    if not isinstance(raw, Mapping):
        return False
    return (
        str(raw.get("Type", "")) == "SoftBounce"  # Postmark
        or raw.get("event") == "soft_bounce"  # Brevo
        or raw.get("hard_bounce") is False  # Mailjet
    )


def suppression_reason(event):
    """The :class:`Suppression.Reason` an anymail tracking ``event`` calls for, or ``None``."""
    event_type = getattr(event, "event_type", None)
    reject_reason = getattr(event, "reject_reason", None)
    if event_type == "rejected":
        return REJECT_REASONS.get(reject_reason)
    if event_type == "bounced" and (
        reject_reason not in HARD_BOUNCE_REASONS or _marked_soft(getattr(event, "esp_event", None))
    ):
        return None
    return EVENT_REASONS.get(event_type)


def cancel_pending_mail(email, reason):
    """Mark the digest mail to ``email`` still waiting in the outbox as failed (never
    sent); return how many."""
    email = email.strip().lower()
    candidates = OutgoingMail.objects.filter(
        status=OutgoingMail.Status.PENDING, kind__in=SUPPRESSED_KINDS, to__icontains=email
    ).only("pk", "to")
    pks = [mail.pk for mail in candidates if email in (str(to).lower() for to in mail.to)]
    if not pks:
        return 0
    return OutgoingMail.objects.filter(pk__in=pks, status=OutgoingMail.Status.PENDING).update(
        status=OutgoingMail.Status.FAILED,
        last_error=f"Not sent: the address is on the suppression list ({reason}).",
    )


def handle_event(event, esp_name=""):
    """Apply one tracking ``event``; return the :class:`Suppression` it made or found, or
    ``None`` when the event says nothing lasting about the address."""
    reason = suppression_reason(event)
    email = str(getattr(event, "recipient", None) or "").strip()
    if reason is None or not email:
        return None
    timestamp = getattr(event, "timestamp", None) or timezone.now()
    note = f"{esp_name or 'provider'} {event.event_type}"
    if getattr(event, "reject_reason", None):
        note += f" ({event.reject_reason})"
    note = f"{note}, {timestamp:%Y-%m-%d %H:%M %Z}".strip()[:NOTE_LENGTH]
    with transaction.atomic():
        suppression = privacy.suppress(email, reason, note=note)
        cancelled = cancel_pending_mail(email, reason)
    logger.info(
        "Suppressed a newsletter address after a %s event from %s (%s digest mails cancelled).",
        event.event_type,
        esp_name or "the mail provider",
        cancelled,
    )
    return suppression


def on_tracking_event(sender, event, esp_name="", **kwargs):
    """The receiver of ``anymail.signals.tracking``. A database error propagates: the
    webhook then answers 500 and the provider sends the event again later."""
    handle_event(event, esp_name)


def connect():
    """Connect :func:`on_tracking_event` when django-anymail is installed; return whether."""
    if tracking is None:
        return False
    tracking.connect(on_tracking_event, dispatch_uid=DISPATCH_UID)
    return True
