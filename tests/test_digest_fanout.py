"""The digest fans out over task workers: batches, one rendering per distinct digest, a
cost that follows what is sent, and exactly one mail per subscriber even when a worker is
killed mid-batch and two runs start together (PostgreSQL, django-tasks-db, real worker
processes, real SMTP servers of tests/smtp.py)."""

import asyncio
import collections
import importlib.util
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from tests.smtp import Mailbox, SMTPServer, use_smtp
from wagtail_career.models import MailContent, OutgoingMail
from wagtail_career.newsletter.digest import send_digest
from wagtail_career.newsletter.models import DigestBatch, DigestRun, Subscription

ROOT = Path(__file__).resolve().parent.parent
# Each mail's lock: FOR UPDATE SKIP LOCKED on PostgreSQL (SQLite has no row locks).
ROW_LOCK = re.compile(r'^SELECT .* FROM "wagtail_career_outgoingmail" WHERE .* LIMIT 1')
OUTBOX_INSERT = re.compile(r'INSERT (OR IGNORE )?INTO "wagtail_career_outgoingmail"')
SAVEPOINT = re.compile(r"(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT) ")


@pytest.fixture
def smtp(settings):
    with SMTPServer() as server:
        use_smtp(settings, server.port, timeout=5)
        yield server.mailbox


def _subscribers(count, prefix="abonne", when=None, **fields):
    when = when or timezone.now() - timedelta(days=1)
    site = Site.objects.get(is_default_site=True)
    Subscription.objects.bulk_create(
        Subscription(
            site=site,
            email=f"{prefix}{n}@example.com",
            language=fields.get("language", "fr"),
            status="confirmed",
            consent_text="…",
            consent_given_at=when,
            confirmed_at=when,
        )
        for n in range(count)
    )


def test_one_rendering_per_distinct_digest_with_each_subscribers_own_parts(smtp, make_article):
    _subscribers(3)
    Subscription.objects.filter(email="abonne2@example.com").update(email="o'neil@example.com")
    article = make_article(title="Négocier & gagner")
    assert send_digest() == 3
    assert MailContent.objects.count() == 1  # rendered once for the three
    bodies = {
        m["To"]: (smtp.body(m), smtp.body(m, "html"), m["List-Unsubscribe"]) for m in smtp.messages
    }
    assert set(bodies) == {"abonne0@example.com", "abonne1@example.com", "o'neil@example.com"}
    links = {unsubscribe for _text, _html, unsubscribe in bodies.values()}
    assert len(links) == 3  # each subscriber's own link
    for text, html, unsubscribe in bodies.values():
        assert article.title in text and "Négocier &amp; gagner" in html
        assert unsubscribe.strip().strip("<>") in text and "careerph" not in text + html


def test_a_run_with_nothing_new_costs_the_same_whatever_the_subscribers(smtp, make_article):
    def nothing_new():
        with CaptureQueriesContext(connection) as queries:
            assert send_digest() == 0
        return len(queries)

    _subscribers(10, prefix="a")
    make_article(title="Déjà envoyé")
    assert send_digest() == 10
    few = nothing_new()
    _subscribers(290, prefix="b")
    Subscription.objects.filter(email__startswith="b").update(
        confirmed_at=timezone.now() - timedelta(days=2)
    )
    assert send_digest() == 290
    many = nothing_new()
    assert few == many
    assert DigestRun.objects.filter(recipients=0).count() == 2


def test_a_batch_costs_the_same_queries_for_10_and_200_subscribers(smtp, make_article, settings):
    """Fixed queries per batch, plus each mail's two (its lock and its new state, committed
    right after the SMTP server took it, so that a crash re-sends nothing)."""
    settings.WAGTAIL_CAREER_DIGEST_BATCH_SIZE = 200

    def run(new_subscribers, prefix):
        # They get what the earlier ones get: one rendering each time.
        _subscribers(new_subscribers, prefix=prefix, when=timezone.now())
        make_article()
        with CaptureQueriesContext(connection) as queries:
            sent = send_digest()
        work = [q["sql"] for q in queries.captured_queries if not SAVEPOINT.match(q["sql"])]
        # One bulk insert of the batch's mail (SQLite's parameter limit cuts it in chunks).
        inserts = [sql for sql in work if OUTBOX_INSERT.match(sql)]
        work = [sql for sql in work if not OUTBOX_INSERT.match(sql)] + inserts[:1]
        locks = [sql for sql in work if ROW_LOCK.search(sql)]
        assert len(locks) == sent
        return len(work) - 2 * sent, sent

    run(10, "a")  # warms Wagtail's caches
    small = run(0, "c")
    large = run(190, "b")
    assert (small[1], large[1]) == (10, 200)
    assert small[0] == large[0]


def test_the_watermark_sends_no_page_twice_and_skips_none(smtp, make_article):
    _subscribers(2)
    first = make_article(title="Premier")
    assert send_digest() == 2
    second = make_article(title="Deuxième")
    third = make_article(title="Troisième")
    assert send_digest() == 2
    assert send_digest() == 0
    later = [smtp.body(m) for m in smtp.messages[2:]]
    for text in later:
        assert second.title in text and third.title in text and first.title not in text
    assert Subscription.objects.get(email="abonne0@example.com").digest_delivery.sent_until == (
        third.first_published_at
    )


# -- Real workers on PostgreSQL --------------------------------------------------------------

WORKER_SETTINGS = """
import os

from tests.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
DATABASES["default"]["NAME"] = os.environ["FANOUT_DATABASE"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ.get("FANOUT_SMTP_PORT", "25"))
EMAIL_TIMEOUT = 10
WAGTAIL_CAREER_DIGEST_BATCH_SIZE = 40
CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
    for alias in ("default", "wagtail_career_ratelimit")
}
LOGGING = {"version": 1, "disable_existing_loggers": False}
"""


class StallingMailbox(Mailbox):
    """Holds its ``stall_at``-th message unanswered (``stalled`` is set) until ``release``,
    then refuses it: the worker is killed while it waits, the message never delivered."""

    def __init__(self, stall_at):
        super().__init__()
        self.stall_at = stall_at
        self.seen = 0
        self.stalled = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.seen += 1
        if self.seen == self.stall_at:
            self.stalled.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "451 Try again later"
        return await super().handle_DATA(server, session, envelope)


def _queue_backend_missing():
    return importlib.util.find_spec("django_tasks_db") is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL and real worker processes: run with DATABASE_URL",
)
def test_two_workers_one_killed_two_runs_every_subscriber_gets_one_mail(
    make_article, tmp_path, transactional_db
):
    if _queue_backend_missing():
        message = "django-tasks-db is not installed (pip install -e '.[testing]')"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    count = 300
    _subscribers(count)
    make_article(title="Un article pour tous")
    (tmp_path / "fanout_settings.py").write_text(textwrap.dedent(WORKER_SETTINGS))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "DJANGO_SETTINGS_MODULE": "fanout_settings",
        "FANOUT_DATABASE": connection.settings_dict["NAME"],
    }
    manage = [sys.executable, "-m", "django"]
    subprocess.run(
        [*manage, "migrate", "django_tasks_database", "--noinput", "-v0"],
        env=env,
        check=True,
        cwd=ROOT,
    )
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_tasks_database_dbtaskresult")

    stalling, steady = StallingMailbox(stall_at=15), Mailbox()
    workers = {}
    with SMTPServer(stalling) as server_a, SMTPServer(steady) as server_b:
        try:
            for name, server in (("a", server_a), ("b", server_b)):
                workers[name] = subprocess.Popen(
                    [
                        *manage,
                        "db_worker",
                        "--interval",
                        "0.05",
                        "--no-startup-delay",
                        "--worker-id",
                        name,
                        "-v0",
                    ],
                    env={**env, "FANOUT_SMTP_PORT": str(server.port)},
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )
            # Two runs at once.
            runs = [
                subprocess.Popen(
                    [*manage, "send_career_digest"],
                    env=env,
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )
                for _ in range(2)
            ]
            for run in runs:
                assert run.wait(timeout=120) == 0, run.stderr.read().decode()
            # Worker a is killed while the SMTP server holds one of its batch's messages.
            assert stalling.stalled.wait(timeout=120), "worker a never reached its 15th mail"
            workers["a"].send_signal(signal.SIGKILL)
            workers["a"].wait(timeout=30)
            stalling.release.set()

            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                if len(stalling.messages) + len(steady.messages) >= count and not (
                    OutgoingMail.objects.filter(status="pending").exists()
                ):
                    break
                time.sleep(0.2)
            time.sleep(1)  # anything sent twice would arrive by now
        finally:
            for worker in workers.values():
                if worker.poll() is None:
                    worker.terminate()
                    worker.wait(timeout=30)
    received = collections.Counter(str(m["To"]) for m in [*stalling.messages, *steady.messages])
    assert len(received) == count, f"{count - len(received)} subscriber(s) got no mail"
    assert set(received.values()) == {1}, [to for to, n in received.items() if n > 1]
    assert stalling.messages and steady.messages  # both workers sent mail
    assert OutgoingMail.objects.filter(kind="digest", status="sent").count() == count
    assert MailContent.objects.count() <= 2  # one rendering per run
    assert set(DigestRun.objects.values_list("status", flat=True)) == {"finished"}
    assert not DigestBatch.objects.exclude(status="done").exists()
