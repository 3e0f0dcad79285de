"""Faults lose nothing and say so in the log: the task backend down, a slow SMTP server,
a database error in the middle of a digest. Re-running finishes the job without doubles."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection
from django.utils import timezone
from wagtail.models import Site

from tests.comments_helpers import POST_URL, comments_of, form_data, set_policy
from tests.newsletter_utils import SIGNUP_URL, signup_data
from tests.smtp import Mailbox, SMTPServer, use_smtp
from wagtail_career.comments.models import WhoCanComment
from wagtail_career.newsletter.models import NewsletterDelivery, Subscription

DOWN = {"default": {"BACKEND": "tests.testapp.task_backends.UnavailableBackend"}}
UP = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


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
    assert subscription.status == "pending" and subscription.confirmation_sent_at is None
    assert (
        "Could not queue the task wagtail_career.newsletter.tasks.send_confirmation" in caplog.text
    )

    settings.TASKS = UP
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP_URL, signup_data())
    assert len(mail.outbox) == 1
    assert Subscription.objects.count() == 1


def test_anonymous_comment_with_the_task_backend_down_keeps_the_text(
    client, article, settings, caplog
):
    set_policy(who_can_comment=WhoCanComment.ANYONE)
    settings.TASKS = DOWN
    data = form_data(article, name="Léa", email="lea@example.com", comment="Mon texte précieux")
    with caplog.at_level(logging.ERROR):
        response = client.post(POST_URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mon texte précieux</textarea>" in html
    assert "Nous n’avons pas pu envoyer le courriel de confirmation" in html
    assert "send_confirmation_request" in caplog.text
    assert not comments_of(article).exists()

    settings.TASKS = UP
    assert client.post(POST_URL, data).status_code == 302
    assert len(mail.outbox) == 1


def test_slow_smtp_times_out_logs_and_the_next_signup_resends(
    client, article, smtp_server, caplog, django_capture_on_commit_callbacks
):
    slow = smtp_server(delay=3)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        assert client.post(SIGNUP_URL, signup_data()).status_code == 200
    assert "Could not send the newsletter confirmation" in caplog.text
    assert Subscription.objects.get().confirmation_sent_at is None  # may ask again at once
    assert slow.messages == []

    fast = smtp_server()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(SIGNUP_URL, signup_data()).status_code == 200
    assert len(fast.messages) == 1
    assert Subscription.objects.count() == 1


def _confirmed(address):
    when = timezone.now() - timedelta(days=1)
    return Subscription.objects.create(
        site=Site.objects.get(),
        email=address,
        language="fr",
        status="confirmed",
        consent_text="…",
        consent_given_at=when,
        confirmed_at=when,
    )


def test_database_error_in_the_middle_of_a_digest(make_article, smtp_server, caplog):
    mailbox = smtp_server()
    subscriptions = [_confirmed(f"abonne{n}@example.com") for n in range(3)]
    make_article(title="Nouvel article")
    inserts = []

    def fail_second_insert(execute, sql, params, many, context):
        if (
            "wagtail_career_newsletter_newsletterdelivery" in sql
            and sql.lstrip().upper().startswith("INSERT")
        ):
            inserts.append(sql)
            if len(inserts) == 2:
                raise DatabaseError("connection lost")
        return execute(sql, params, many, context)

    with (
        caplog.at_level(logging.ERROR),
        connection.execute_wrapper(fail_second_insert),
        pytest.raises(CommandError, match="Run the command again"),
    ):
        call_command("send_career_digest")
    assert f"Career digest stopped at subscription {subscriptions[1].pk}" in caplog.text
    assert len(mailbox.messages) == 1
    assert NewsletterDelivery.objects.count() == 1

    call_command("send_career_digest")
    call_command("send_career_digest")  # a third run has nothing left to do
    recipients = sorted(message["To"] for message in mailbox.messages)
    assert recipients == [f"abonne{n}@example.com" for n in range(3)]
    assert NewsletterDelivery.objects.count() == 3
