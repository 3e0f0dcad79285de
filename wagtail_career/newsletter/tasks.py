"""Newsletter mail as Django tasks, so that with a queue backend no request waits for SMTP."""

import logging

from django_tasks import task

from .digest import send_digest
from .mail import confirmation_message
from .models import Subscription
from .signup import allow_resend

logger = logging.getLogger(__name__)


@task()
def send_confirmation(subscription_id):
    subscription = (
        Subscription.objects.select_related("site")
        .filter(pk=subscription_id, status=Subscription.Status.PENDING)
        .first()
    )
    if subscription is None:
        return
    try:
        confirmation_message(subscription).send()
    except Exception:
        logger.exception(
            "Could not send the newsletter confirmation to subscription %s.", subscription_id
        )
        allow_resend(subscription_id)
        raise


@task()
def send_career_digest():
    return send_digest()
