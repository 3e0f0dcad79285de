"""Faults lose nothing and say so in the log: the task backend down, a slow SMTP server,
a database error in the middle of a digest. Re-running finishes the job without doubles."""

import io
import logging

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import DatabaseError, connection
from django_comments_xtd.models import XtdComment

from tests.comments_helpers import POST_URL, form_data, set_policy
from tests.newsletter_utils import SIGNUP_URL, confirmed_subscriber, signup_data
from tests.smtp import Mailbox, SMTPServer, use_smtp
from wagtail_career.comments.models import WhoCanComment
from wagtail_career.models import OutgoingMail
from wagtail_career.newsletter.models import DigestRun, NewsletterDelivery, Subscription

DOWN = {"default": {"BACKEND": "tests.testapp.task_backends.UnavailableBackend"}}
UP = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def stored(article):
    """Every comment stored for ``article``, unconfirmed ones included."""
    return XtdComment.norel_objects.filter(
        content_type_id=article.content_type_id, object_pk=str(article.pk)
    )


@pytest.fixture
def smtp_server(settings):
    """Start a loopback SMTP server with ``make(delay)``; EMAIL_TIMEOUT is one second."""
    servers = []

    def make(delay=0):
        server = SMTPServer(Mailbox(delay)).__enter__()
        servers.append(server)
        use_smtp(settings, server.port, timeout=1)
        return server.mailbox

    yield make
    for server in servers:
        server.__exit__(None, None, None)


def test_signup_with_the_task_backend_down(
    client, article, settings, caplog, django_capture_on_commit_callbacks
):
    settings.TASKS = DOWN
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP_URL, signup_data())
    assert response.status_code == 200  # same answer as always: never reveal anything
    subscription = Subscription.objects.get()
    assert subscription.status == "pending"
    # The mail is in the outbox: only its task could not be queued.
    assert "Could not queue the task wagtail_career.outbox.deliver_mail" in caplog.text
    assert OutgoingMail.objects.get().status == "pending"
    assert mail.outbox == []

    settings.TASKS = UP
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP_URL, signup_data())  # no second mail: the first is on its way
    call_command("deliver_career_mail", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    assert Subscription.objects.count() == 1
    assert OutgoingMail.objects.get().status == "sent"


def test_anonymous_comment_with_the_task_backend_down_keeps_the_text(
    client, article, settings, caplog
):
    set_policy(who_can_comment=WhoCanComment.ANYONE)
    settings.TASKS = DOWN
    data = form_data(article, name="Léa", email="lea@example.com", comment="Mon texte précieux")
    with caplog.at_level(logging.ERROR):
        response = client.post(POST_URL, data)
    # Stored unconfirmed with its mail in the outbox: only the mail's task was refused.
    assert response.status_code == 302
    assert "Could not queue the task wagtail_career.outbox.deliver_mail" in caplog.text
    assert stored(article).get().comment == "Mon texte précieux"
    assert mail.outbox == []

    settings.TASKS = UP
    call_command("deliver_career_mail", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["lea@example.com"]]


def test_anonymous_comment_when_nothing_can_be_written_keeps_the_text(client, article, caplog):
    set_policy(who_can_comment=WhoCanComment.ANYONE)

    def refuse_outbox(execute, sql, params, many, context):
        if "wagtail_career_outgoingmail" in sql and sql.lstrip().upper().startswith("INSERT"):
            raise DatabaseError("disk full")
        return execute(sql, params, many, context)

    data = form_data(article, name="Léa", email="lea@example.com", comment="Mon texte précieux")
    with caplog.at_level(logging.ERROR), connection.execute_wrapper(refuse_outbox):
        response = client.post(POST_URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mon texte précieux</textarea>" in html
    assert "Nous n’avons pas pu envoyer le courriel de confirmation" in html
    assert not stored(article).exists()  # rolled back with its mail
    assert client.post(POST_URL, data).status_code == 302  # and may be sent again at once


def test_slow_smtp_times_out_logs_and_the_mail_is_retried(
    client, article, smtp_server, settings, caplog, django_capture_on_commit_callbacks
):
    settings.WAGTAIL_CAREER_MAIL_RETRY_DELAY = 0
    slow = smtp_server(delay=3)
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        assert client.post(SIGNUP_URL, signup_data()).status_code == 200
    assert "Could not send mail" in caplog.text and "timed out" in caplog.text
    waiting = OutgoingMail.objects.get()
    assert (waiting.status, waiting.attempts) == ("pending", 1)
    assert slow.messages == []

    fast = smtp_server()
    call_command("deliver_career_mail", stdout=io.StringIO())
    assert len(fast.messages) == 1
    assert Subscription.objects.count() == 1


def test_database_error_in_the_middle_of_a_digest(make_article, smtp_server, settings, caplog):
    settings.WAGTAIL_CAREER_DIGEST_BATCH_SIZE = 1  # one batch per subscriber
    mailbox = smtp_server()
    subscriptions = [confirmed_subscriber(f"abonne{n}@example.com") for n in range(3)]
    make_article(title="Nouvel article")
    inserts = []

    def fail_second_insert(execute, sql, params, many, context):
        if "wagtail_career_outgoingmail" in sql and sql.lstrip().upper().startswith("INSERT"):
            inserts.append(sql)
            if len(inserts) == 2:
                raise DatabaseError("connection lost")
        return execute(sql, params, many, context)

    with caplog.at_level(logging.ERROR), connection.execute_wrapper(fail_second_insert):
        call_command("send_career_digest", stdout=io.StringIO())
    # The second batch rolled back (no mail written, no watermark moved) and was tried again
    # by the run's next task: everyone got one mail.
    assert "Career digest stopped at batch" in caplog.text
    recipients = sorted(message["To"] for message in mailbox.messages)
    assert recipients == [f"abonne{n}@example.com" for n in range(3)]
    assert NewsletterDelivery.objects.count() == 3
    assert DigestRun.objects.get().status == "finished"

    call_command("send_career_digest", stdout=io.StringIO())  # nothing left to do
    assert len(mailbox.messages) == 3
    assert {row.to[0] for row in OutgoingMail.objects.all()} == {s.email for s in subscriptions}
