"""The outbox: mail is written to the database first, then delivered, so that none is lost.

Every mail the package sends goes through here; the outbox knows nothing of what the mail
is about (``kind`` is a label for the admin)::

    from wagtail_career import outbox

    with transaction.atomic():
        subscription.save()
        outbox.add(message, kind="newsletter-confirmation")

- :func:`add` writes an :class:`~wagtail_career.models.OutgoingMail` row in the *current*
  transaction (the mail exists exactly when the change that calls for it does) and, once
  that transaction commits, queues the django-tasks task :func:`deliver_mail` for it. If the
  task backend refuses it (broker down), the failure is logged and the row stays pending.
- :func:`deliver` sends pending rows over one SMTP connection. Each row is locked while it
  is sent (``select_for_update(skip_locked=True)`` on PostgreSQL), so concurrent deliverers
  never send one row twice, and marked sent right after the server accepted it. A refused
  or failed attempt leaves it pending for a retry after ``WAGTAIL_CAREER_MAIL_RETRY_DELAY``
  seconds, doubling with each attempt; after ``WAGTAIL_CAREER_MAIL_MAX_ATTEMPTS`` attempts it
  is ``failed``, with the error kept.
- :func:`deliver_due` (the ``deliver_career_mail`` command, the task
  :func:`deliver_due_mail`) sends every pending row whose time has come: run it from cron
  every few minutes, and pending mail is never stranded.

A row either has its own subject and bodies, or takes them from a shared
:class:`~wagtail_career.models.MailContent` (one rendering for thousands of recipients) with
``substitutions`` for its own parts (placeholders replaced by values, HTML-escaped in the
HTML body).

Exactly once: a row is sent at most once by concurrent deliverers (its lock) and again only
if the sender died in the instant between the SMTP server accepting the message and the row
being marked sent. ``key`` (unique) keeps a mail from being written twice.
"""

import logging
import smtplib
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape
from django_tasks import task

from . import queue
from .conf import get_setting
from .models import MailContent, OutgoingMail

logger = logging.getLogger(__name__)

# Rows read at once by deliver_due.
CHUNK = 500
ERROR_LENGTH = 2000

PENDING = OutgoingMail.Status.PENDING
SENT = OutgoingMail.Status.SENT
FAILED = OutgoingMail.Status.FAILED


@dataclass
class Delivery:
    """What one :func:`deliver` call did."""

    sent: int = 0
    # Attempts that failed and will be retried (the rows stay pending).
    retrying: int = 0
    # Rows given up on (their last attempt failed).
    failed: int = 0
    # The SMTP connection could not be made or was lost: the rows after it were not tried.
    stopped: bool = False

    def __add__(self, other):
        return Delivery(
            self.sent + other.sent,
            self.retrying + other.retrying,
            self.failed + other.failed,
            self.stopped or other.stopped,
        )


def _message_fields(message):
    if not isinstance(message, EmailMessage):
        raise TypeError("The outbox takes django.core.mail.EmailMessage instances.")
    if message.attachments or message.cc or message.bcc:
        raise ValueError("The outbox sends no attachments, Cc or Bcc.")
    html = ""
    for alternative in getattr(message, "alternatives", ()):
        content, mimetype = alternative[0], alternative[1]
        if mimetype != "text/html" or html:
            raise ValueError("The outbox sends one text/html alternative at most.")
        html = content
    headers = {str(name): str(value) for name, value in message.extra_headers.items()}
    if message.reply_to:
        headers.setdefault("Reply-To", ", ".join(message.reply_to))
    return {
        "to": [str(address) for address in message.to],
        "from_email": message.from_email or settings.DEFAULT_FROM_EMAIL,
        "subject": message.subject,
        "text": message.body,
        "html": html,
        "headers": headers,
    }


def mail_row(message, kind, key=None, group=""):
    """An unsaved row for ``message`` (for :func:`add_many`)."""
    return OutgoingMail(kind=kind, key=key, group=group, **_message_fields(message))


def add(message, kind, key=None):
    """Write ``message`` to the outbox in the current transaction; queue its delivery once
    the transaction commits. With a ``key`` already in the outbox, nothing is written and
    the row of that key is returned."""
    mail = mail_row(message, kind, key=key)
    if key is None:
        mail.save()
    else:
        try:
            with transaction.atomic():
                mail.save()
        except IntegrityError:
            existing = OutgoingMail.objects.filter(key=key).first()
            if existing is None:
                raise
            return existing
    transaction.on_commit(partial(queue.enqueue, deliver_mail, mail.pk))
    return mail


def deliver_soon(mail):
    """Queue the delivery of ``mail`` now, for a caller whose own transaction has just
    committed (in a request with ATOMIC_REQUESTS the task queued by :func:`add` on the
    outer commit finds it sent, or sends it then); ``False`` if the backend refused."""
    return queue.enqueue(deliver_mail, mail.pk)


def add_many(rows):
    """Write unsaved rows that all have a ``key``, skipping keys already in the outbox;
    return the pending rows of those keys. Nothing is queued: the caller delivers them (a
    task already out of any request), or :func:`deliver_due` does."""
    rows = list(rows)
    if any(row.key is None for row in rows):
        raise ValueError("add_many needs a key for every row.")
    OutgoingMail.objects.bulk_create(rows, ignore_conflicts=True, batch_size=CHUNK)
    keys = [row.key for row in rows]
    found = []
    for start in range(0, len(keys), CHUNK):
        found.extend(
            OutgoingMail.objects.filter(key__in=keys[start : start + CHUNK], status=PENDING)
            .only("pk")
            .order_by("pk")
        )
    return found


def _substitute(template, substitutions, html):
    for placeholder, value in substitutions.items():
        template = template.replace(placeholder, escape(value) if html else str(value))
    return template


def build_message(mail, connection=None, contents=None):
    """The ``EmailMultiAlternatives`` of a row, its shared content filled in."""
    subject, text, html = mail.subject, mail.text, mail.html
    if mail.content_id is not None:
        contents = {} if contents is None else contents
        content = contents.get(mail.content_id)
        if content is None:
            content = contents[mail.content_id] = MailContent.objects.get(pk=mail.content_id)
        subs = mail.substitutions
        subject = _substitute(content.subject, subs, html=False)
        text = _substitute(content.text, subs, html=False)
        html = _substitute(content.html, subs, html=True)
    message = EmailMultiAlternatives(
        subject, text, mail.from_email, mail.to, headers=mail.headers, connection=connection
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message


def _connection_lost(error):
    """Whether ``error`` means the SMTP connection itself is gone (not this one message)."""
    if isinstance(error, (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)):
        return True
    return isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException)


def retry_delay(attempts):
    """Seconds to wait after the ``attempts``-th failed attempt."""
    return get_setting("MAIL_RETRY_DELAY") * 2 ** max(0, attempts - 1)


def _record_failure(mail, error, now):
    attempts = mail.attempts + 1
    maximum = get_setting("MAIL_MAX_ATTEMPTS")
    text = f"{type(error).__name__}: {error}"[:ERROR_LENGTH]
    if attempts >= maximum:
        OutgoingMail.objects.filter(pk=mail.pk).update(
            status=FAILED, attempts=attempts, last_error=text
        )
        logger.error(
            "Gave up on mail %s (%s) to %s after %s attempts: %s",
            mail.pk,
            mail.kind,
            mail.recipients,
            attempts,
            text,
        )
        return False
    retry_at = now + timedelta(seconds=retry_delay(attempts))
    OutgoingMail.objects.filter(pk=mail.pk).update(
        attempts=attempts, last_error=text, next_attempt_at=retry_at
    )
    logger.warning(
        "Could not send mail %s (%s) to %s, attempt %s of %s: %s. Next attempt at %s.",
        mail.pk,
        mail.kind,
        mail.recipients,
        attempts,
        maximum,
        text,
        retry_at.isoformat(),
    )
    return True


def _ids(mails):
    if hasattr(mails, "values_list"):
        return list(mails.values_list("pk", flat=True))
    return [mail.pk if isinstance(mail, OutgoingMail) else int(mail) for mail in mails]


def deliver(mails, connection=None):
    """Send the pending, due rows among ``mails`` (rows, ids or a queryset), in order, over
    one SMTP connection (``connection``, or a new one closed at the end); return a
    :class:`Delivery`. Each row costs two queries: its lock, and its new state."""
    result = Delivery()
    ids = _ids(mails)
    if not ids:
        return result
    smtp = connection or get_connection()
    opened = False
    contents = {}
    try:
        for pk in ids:
            with transaction.atomic():
                now = timezone.now()
                mail = (
                    OutgoingMail.objects.select_for_update(skip_locked=True)
                    .filter(pk=pk, status=PENDING, next_attempt_at__lte=now)
                    .first()
                )
                if mail is None:
                    continue  # sent, failed, not due, or being sent by someone else
                try:
                    message = build_message(mail, smtp, contents)
                    if not opened:
                        smtp.open()
                        opened = True
                    if not smtp.send_messages([message]):
                        raise ValueError("the mail has no recipient")
                except Exception as error:  # noqa: BLE001 - recorded on the row, logged
                    if _record_failure(mail, error, now):
                        result.retrying += 1
                    else:
                        result.failed += 1
                    if _connection_lost(error):
                        result.stopped = True
                        break
                    continue
                OutgoingMail.objects.filter(pk=mail.pk).update(
                    status=SENT, sent_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
                )
                result.sent += 1
    finally:
        if opened and connection is None:
            try:
                smtp.close()
            except Exception:  # noqa: BLE001 - the mail is sent; a failed QUIT changes nothing
                logger.warning("Could not close the SMTP connection cleanly.", exc_info=True)
    return result


def due():
    """Pending rows whose next attempt is due, the oldest first."""
    return OutgoingMail.objects.filter(status=PENDING, next_attempt_at__lte=timezone.now())


def deliver_due(connection=None):
    """Send every due pending row, in chunks over one connection, until none is due or the
    SMTP connection fails; return the :class:`Delivery`."""
    result = Delivery()
    seen = set()
    while True:
        ids = [
            pk
            for pk in due().order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:CHUNK]
            if pk not in seen
        ]
        if not ids:
            return result
        seen.update(ids)
        result += deliver(ids, connection=connection)
        if result.stopped:
            return result


def retry(mails):
    """Make pending and failed rows due now (failed ones with a fresh set of attempts) and
    queue their delivery once the transaction commits; return how many."""
    now = timezone.now()
    rows = OutgoingMail.objects.filter(pk__in=_ids(mails))
    failed = list(rows.filter(status=FAILED).values_list("pk", flat=True))
    pending = list(rows.filter(status=PENDING).values_list("pk", flat=True))
    OutgoingMail.objects.filter(pk__in=failed, status=FAILED).update(
        status=PENDING, attempts=0, next_attempt_at=now
    )
    OutgoingMail.objects.filter(pk__in=pending, status=PENDING).update(next_attempt_at=now)
    ids = failed + pending
    if ids:
        transaction.on_commit(partial(queue.enqueue, deliver_mail, *ids))
    return len(ids)


def prune(now=None):
    """Delete sent rows older than ``WAGTAIL_CAREER_MAIL_KEEP_SENT`` seconds and the shared
    contents no row uses any more; return how many rows were deleted."""
    now = now or timezone.now()
    limit = now - timedelta(seconds=get_setting("MAIL_KEEP_SENT"))
    deleted, _by_model = OutgoingMail.objects.filter(status=SENT, sent_at__lt=limit).delete()
    MailContent.objects.filter(created_at__lt=limit, mails__isnull=True).delete()
    return deleted


@task()
def deliver_mail(mail_id, *more_ids):
    """Send the outbox rows ``mail_id`` (and ``more_ids``) if they are still pending."""
    return deliver([mail_id, *more_ids]).sent


@task()
def deliver_due_mail():
    """Send every due pending row (for a task scheduler; cron can run the command)."""
    return deliver_due().sent


def forget_recipient(email):
    """Delete every mail of the outbox addressed to ``email`` (sent or not): an erased
    person's address and mail leave no copy here. Return how many."""
    email = email.strip().lower()
    # A text match narrows the rows on every database; the exact recipient is checked here.
    candidates = OutgoingMail.objects.filter(to__icontains=email).only("pk", "to")
    pks = [mail.pk for mail in candidates if email in (str(to).lower() for to in mail.to)]
    OutgoingMail.objects.filter(pk__in=pks).delete()
    return len(pks)
