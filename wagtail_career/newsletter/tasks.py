"""Newsletter mail as Django tasks. Every mail is written to the outbox
(``wagtail_career.outbox``) first, so a task that cannot be queued or a mail that cannot be
sent loses nothing: ``deliver_career_mail`` sends what is left."""

from django.db import transaction
from django_tasks import task

from .. import outbox
from .digest import send_digest, send_digest_batch
from .mail import confirmation_message
from .models import Subscription

__all__ = ["send_career_digest", "send_confirmation", "send_digest_batch"]

CONFIRMATION_KIND = "newsletter-confirmation"


def queue_confirmation(subscription):
    """Write the confirmation mail of ``subscription`` to the outbox in the current
    transaction (the signup's); it leaves once that transaction commits."""
    return outbox.add(confirmation_message(subscription), kind=CONFIRMATION_KIND)


@task()
def send_confirmation(subscription_id):
    """Mail the confirmation link to a pending subscription (through the outbox)."""
    subscription = (
        Subscription.objects.select_related("site")
        .filter(pk=subscription_id, status=Subscription.Status.PENDING)
        .first()
    )
    if subscription is None:
        return 0
    with transaction.atomic():
        mail = queue_confirmation(subscription)
    return outbox.deliver([mail]).sent


@task()
def send_career_digest():
    return send_digest()
