"""The outbox: every mail is a row first, delivered after the commit, retried with backoff,
never lost when the task queue or the SMTP server is down (tests/smtp.py's real server)."""

import io
import logging
import re
import statistics
import threading
import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.db import DatabaseError, connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from wagtail.models import Site

from tests.comments_helpers import POST_URL, form_data, make_user, set_policy
from tests.newsletter_utils import SIGNUP_URL, THANKS_FR, signup_data
from tests.smtp import Mailbox, SMTPServer, free_port, use_smtp
from wagtail_career import outbox
from wagtail_career.comments.models import WhoCanComment
from wagtail_career.comments.queries import UNCONFIRMED
from wagtail_career.models import OutgoingMail
from wagtail_career.newsletter.models import Subscription

SAVEPOINT = re.compile(r"(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT) ")
DOWN = {"default": {"BACKEND": "tests.testapp.task_backends.UnavailableBackend"}}


@pytest.fixture
def smtp(settings):
    with SMTPServer() as server:
        use_smtp(settings, server.port, timeout=5)
        yield server.mailbox


def _message(to="lea@example.com", subject="Bonjour", html="<p>Bonjour</p>"):
    message = EmailMultiAlternatives(subject, "Bonjour", "site@example.com", [to])
    if html:
        message.attach_alternative(html, "text/html")
    return message


def _deliver_due():
    out = io.StringIO()
    call_command("deliver_career_mail", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_a_mail_is_a_row_of_the_transaction_and_leaves_once_it_commits(
    smtp, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        row = outbox.add(_message(), kind="test")
        assert smtp.messages == []  # nothing leaves before the commit
    [received] = smtp.messages
    assert received["To"] == "lea@example.com" and received["Subject"] == "Bonjour"
    assert smtp.body(received, "html").strip() == "<p>Bonjour</p>"
    row.refresh_from_db()
    assert (row.status, row.attempts, row.sent_at is not None) == ("sent", 1, True)

    # A transaction that rolls back takes its mail with it.
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        outbox.add(_message(to="sam@example.com"), kind="test")
        raise RuntimeError
    assert OutgoingMail.objects.count() == 1 and len(smtp.messages) == 1


def test_a_key_is_written_once(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = outbox.add(_message(), kind="test", key="once")
        second = outbox.add(_message(subject="Encore"), kind="test", key="once")
    assert first.pk == second.pk and OutgoingMail.objects.count() == 1
    assert [m.subject for m in mail.outbox] == ["Bonjour"]


def test_a_refused_enqueue_loses_nothing(settings, db, caplog, django_capture_on_commit_callbacks):
    settings.TASKS = DOWN
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        row = outbox.add(_message(), kind="test")
    assert "Could not queue the task wagtail_career.outbox.deliver_mail" in caplog.text
    assert OutgoingMail.objects.get(pk=row.pk).status == "pending" and mail.outbox == []
    assert _deliver_due().startswith("1 mail(s) sent")
    assert OutgoingMail.objects.get(pk=row.pk).status == "sent" and len(mail.outbox) == 1
    assert _deliver_due().startswith("0 mail(s) sent")  # sent once


def test_retries_back_off_then_give_up_keeping_the_error(settings, db, caplog):
    settings.WAGTAIL_CAREER_MAIL_MAX_ATTEMPTS = 3
    settings.WAGTAIL_CAREER_MAIL_RETRY_DELAY = 60
    mailbox = Mailbox()
    mailbox.refuse = 99
    with SMTPServer(mailbox) as server:
        use_smtp(settings, server.port, timeout=5)
        row = outbox.add(_message(), kind="test")
        delays = []
        for _attempt in range(3):
            before = timezone.now()
            with caplog.at_level(logging.WARNING):
                outbox.deliver([row])
            row.refresh_from_db()
            if row.status == "pending":
                delays.append(round((row.next_attempt_at - before).total_seconds()))
                # The retry is not due yet: delivering again changes nothing.
                assert outbox.deliver([row]).sent == 0
                OutgoingMail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    assert delays == [60, 120]  # doubling
    assert (row.status, row.attempts) == ("failed", 3)
    assert "451" in row.last_error and "Try again later" in row.last_error
    assert "Gave up on mail" in caplog.text
    assert mailbox.messages == []


def test_smtp_down_then_up_loses_nothing_and_sends_once(
    client, article, make_article, settings, caplog, django_capture_on_commit_callbacks
):
    """Signup, an anonymous comment and a digest while SMTP is down: all kept, and sent
    exactly once by deliver_career_mail when the server is back."""
    settings.WAGTAIL_CAREER_MAIL_RETRY_DELAY = 0
    port = free_port()
    use_smtp(settings, port, timeout=2)  # nothing listens there yet
    set_policy(who_can_comment=WhoCanComment.ANYONE)
    when = timezone.now() - timedelta(days=1)
    Subscription.objects.create(
        site=Site.objects.get(),
        email="abonne@example.com",
        language="fr",
        status="confirmed",
        consent_text="…",
        consent_given_at=when,
        confirmed_at=when,
    )
    make_article(title="Nouvel article")
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        signup = client.post(SIGNUP_URL, signup_data(email="lea@example.com"))
        comment = client.post(
            POST_URL,
            form_data(article, name="Zoé", email="zoe@example.com", comment="Mon texte"),
        )
    call_command("send_career_digest", stdout=io.StringIO(), stderr=io.StringIO())
    assert signup.status_code == 200 and THANKS_FR in signup.content.decode()
    assert comment.status_code == 302
    held = XtdComment.objects.get(comment="Mon texte")
    assert held.user_url == UNCONFIRMED and not held.is_public  # its text is kept
    assert "Could not send mail" in caplog.text
    assert set(OutgoingMail.objects.values_list("kind", "status")) == {
        ("newsletter-confirmation", "pending"),
        ("comment-confirmation", "pending"),
        ("digest", "pending"),
    }

    with SMTPServer(port=port) as server:
        _deliver_due()
        _deliver_due()
        call_command("send_career_digest", stdout=io.StringIO())
        body = server.mailbox.body(server.mailbox.wait_for("zoe@example.com", ""))
        confirm = re.search(r"https?://[^/\s]+(/career/comments/confirm/\S+)", body).group(1)
    assert sorted(m["To"] for m in server.mailbox.messages) == [
        "abonne@example.com",
        "lea@example.com",
        "zoe@example.com",
    ]
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {"sent"}
    assert client.post(confirm).status_code == 302  # the kept comment is confirmed
    held.refresh_from_db()
    assert held.user_url == "" and not held.is_removed


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs real concurrent deliverers: run with DATABASE_URL pointing at PostgreSQL",
)
def test_concurrent_deliverers_send_each_mail_once(settings):
    mailbox = Mailbox(delay=0.005)
    with SMTPServer(mailbox) as server:
        use_smtp(settings, server.port, timeout=5)
        rows = outbox.add_many(
            outbox.mail_row(_message(to=f"s{n}@example.com"), "test", key=f"c{n}")
            for n in range(40)
        )
        barrier = threading.Barrier(3)
        results, errors = [], []

        def deliver():
            try:
                barrier.wait()
                results.append(outbox.deliver(rows))
            except Exception as error:  # noqa: BLE001 - fails the test below
                errors.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=deliver) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert sum(result.sent for result in results) == 40
    assert sorted(m["To"] for m in mailbox.messages) == sorted(
        f"s{n}@example.com" for n in range(40)
    )


# -- The signup: the truth, the same work for every address ----------------------------------


def test_signup_that_cannot_write_its_mail_says_so_and_keeps_the_input(client, article, caplog):
    def refuse_outbox(execute, sql, params, many, context):
        if "wagtail_career_outgoingmail" in sql and sql.lstrip().upper().startswith("INSERT"):
            raise DatabaseError("disk full")
        return execute(sql, params, many, context)

    with caplog.at_level(logging.ERROR), connection.execute_wrapper(refuse_outbox):
        response = client.post(SIGNUP_URL, signup_data(email="lea@example.com"))
    assert response.status_code == 503
    html = response.content.decode()
    assert 'value="lea@example.com"' in html and THANKS_FR not in html
    assert "We could not send the confirmation email right now" in html or "pas pu" in html
    assert not Subscription.objects.exists()  # rolled back with its mail
    assert "Could not record a newsletter signup" in caplog.text
    # A known address gets the same answer (the stand-in row fails alike).
    Subscription.objects.create(
        site=Site.objects.get(),
        email="sam@example.com",
        language="fr",
        status="confirmed",
        consent_text="…",
        consent_given_at=timezone.now(),
        confirmed_at=timezone.now(),
    )
    with connection.execute_wrapper(refuse_outbox):
        known = client.post(SIGNUP_URL, signup_data(email="sam@example.com"))
    assert known.status_code == 503


def test_signup_costs_the_same_for_a_new_and_a_known_address(
    client, article, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAIL_CAREER_NEWSLETTER_RATE_LIMIT = 1000
    site = Site.objects.get()
    now = timezone.now()
    for n in range(16):
        Subscription.objects.create(
            site=site,
            email=f"known{n}@example.com",
            language="fr",
            status="confirmed",
            consent_text="…",
            consent_given_at=now,
            confirmed_at=now,
        )

    def post(address):
        # The mail's task is captured, not run: it leaves after the request.
        with (
            django_capture_on_commit_callbacks() as callbacks,
            CaptureQueriesContext(connection) as queries,
        ):
            start = time.perf_counter()
            response = client.post(SIGNUP_URL, signup_data(email=address))
            elapsed = time.perf_counter() - start
        assert response.status_code == 200 and THANKS_FR in response.content.decode()
        # The statements that do work (savepoint markers aside).
        work = [q for q in queries.captured_queries if not SAVEPOINT.match(q["sql"])]
        return elapsed, len(work), len(callbacks)

    post("warmup@example.com")
    post("known15@example.com")
    new, known = [], []
    for n in range(15):  # interleaved, so that the machine's noise hits both alike
        new.append(post(f"new{n}@example.com"))
        known.append(post(f"known{n}@example.com"))
    ratio = statistics.median(t for t, _q, _c in known) / statistics.median(t for t, _q, _c in new)
    assert 0.5 <= ratio <= 2.0, ratio
    new_queries = {q for _t, q, _c in new}
    known_queries = {q for _t, q, _c in known}
    assert len(new_queries) == len(known_queries) == 1
    assert abs(new_queries.pop() - known_queries.pop()) <= 1
    assert {c for _t, _q, c in new} == {1} and {c for _t, _q, c in known} == {0}
    assert mail.outbox == []  # no request sends SMTP
    assert OutgoingMail.objects.filter(to__icontains="known").count() == 0


# -- The admin -------------------------------------------------------------------------------

INDEX = "/admin/career/outbox/"


@pytest.fixture
def admin(client, db):
    client.force_login(make_user("admin", is_superuser=True, is_staff=True))
    return client


def test_the_admin_lists_filters_inspects_and_retries(
    admin, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAIL_CAREER_MAIL_MAX_ATTEMPTS = 1
    settings.TASKS = DOWN
    with django_capture_on_commit_callbacks(execute=True):
        failing = outbox.add(_message(to="echec@example.com", subject="<b>Échec</b>"), "test")
        outbox.add(_message(to="ok@example.com"), "newsletter-confirmation")
    use_smtp(settings, free_port(), timeout=1)
    outbox.deliver([failing])
    failing.refresh_from_db()
    assert failing.status == "failed"

    html = admin.get(INDEX).content.decode()
    assert "echec@example.com" in html and "ok@example.com" in html
    assert "ConnectionRefusedError" in html and "Réessayer maintenant" in html
    filtered = admin.get(INDEX, {"status": "failed"}).content.decode()
    assert "echec@example.com" in filtered and "ok@example.com" not in filtered
    by_kind = admin.get(INDEX, {"kind": "newsletter-confirmation"}).content.decode()
    assert "ok@example.com" in by_kind and "echec@example.com" not in by_kind
    assert "echec@example.com" in admin.get(INDEX, {"q": "echec"}).content.decode()
    inspect = admin.get(f"{INDEX}inspect/{failing.pk}/")
    assert inspect.status_code == 200 and "&lt;b&gt;Échec&lt;/b&gt;" in inspect.content.decode()
    # No way to add, edit or delete a row.
    assert admin.get(f"{INDEX}new/").status_code == 404
    assert admin.get(f"{INDEX}edit/{failing.pk}/").status_code == 404

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with SMTPServer() as server:
        use_smtp(settings, server.port, timeout=5)
        assert admin.get(f"{INDEX}retry/{failing.pk}/").status_code == 405
        with django_capture_on_commit_callbacks(execute=True):
            response = admin.post(f"{INDEX}retry/{failing.pk}/")
        assert response.status_code == 302
        assert [m["To"] for m in server.mailbox.messages] == ["echec@example.com"]
    failing.refresh_from_db()
    assert failing.status == "sent"


@pytest.mark.parametrize(
    "query",
    [
        "status=zzz",
        "kind=%00",
        "created_at_after=2026-99-99&created_at_before=x",
        "ordering=-nope",
        "ordering=to__secret",
        "p=abc",
        "p=99999999999999999999",
        "q=%27%22%3Cscript%3E",
        "status=sent&status=failed",
        "created_at_after=" + "9" * 40,
    ],
)
def test_the_admin_list_answers_any_query_string_without_a_500(admin, query):
    outbox.add(_message(), "test")
    response = admin.get(f"{INDEX}?{query}")
    assert response.status_code in (200, 400, 404), response.status_code


def test_the_outbox_needs_its_permissions(client, db):
    outbox.add(_message(), "test")
    editor = make_user("editor", is_staff=True)
    editor.user_permissions.add(*Permission.objects.filter(codename="access_admin"))
    client.force_login(editor)
    assert client.get(INDEX).status_code == 302  # Wagtail's "permission denied"
    row = OutgoingMail.objects.get()
    assert client.post(f"{INDEX}retry/{row.pk}/").status_code in (302, 403)
