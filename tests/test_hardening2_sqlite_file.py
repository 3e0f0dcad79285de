"""Concurrent clicks on one comment confirmation link against a threaded server on a SQLite
*file* (the in-memory test database cannot show SQLite's "database is locked"): no 5xx, one
comment stored.

The server is this module run as a subprocess (``python -m tests.test_hardening2_sqlite_file``
with ``tests.settings_sqlite_file``): it migrates a fresh file, adds an article, prints a
confirmation token and the port it listens on, then serves."""

import http.client
import os
import re
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
READY = "READY "
CLICKS = 6


def _prepare_and_serve():
    import django

    django.setup()
    from socketserver import ThreadingMixIn
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from django.utils import timezone
    from django_comments_xtd.models import XtdComment
    from wagtail.models import Site
    from wagtail.rich_text import RichText

    from tests.comments_helpers import set_policy
    from tests.pages import ArticlePage, CareerIndexPage
    from wagtail_career.comments.models import CommentModeration, WhoCanComment
    from wagtail_career.comments.tokens import confirmation_token

    call_command("migrate", verbosity=0, interactive=False)
    home = Site.objects.get(is_default_site=True).root_page
    index = home.add_child(instance=CareerIndexPage(title="Carrière", slug="carriere"))
    index.save_revision().publish()
    article = index.add_child(
        instance=ArticlePage(
            title="Article",
            slug="article",
            intro="Intro.",
            body=[("paragraph", RichText("<p>Texte</p>"))],
        )
    )
    article.save_revision().publish()
    set_policy(who_can_comment=WhoCanComment.ANYONE, comment_moderation=CommentModeration.NONE)
    token = confirmation_token(
        XtdComment(
            content_type_id=article.content_type_id,
            object_pk=str(article.pk),
            site_id=1,
            user_name="Léa",
            user_email="lea@example.com",
            comment="Un seul commentaire, six clics.",
            submit_date=timezone.now(),
            ip_address="127.0.0.1",
            parent_id=0,
            followup=False,
        )
    )

    class Server(ThreadingMixIn, WSGIServer):
        daemon_threads = True

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = make_server("127.0.0.1", 0, get_wsgi_application(), Server, Quiet)
    print(f"{READY}{server.server_port} {token}", flush=True)
    server.serve_forever()


@pytest.fixture
def sqlite_file_server(tmp_path):
    db = tmp_path / "career.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings_sqlite_file",
        "CAREER_SQLITE_FILE": str(db),
        "WAGTAIL_CAREER_TEST_MEDIA": str(tmp_path / "media"),
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.test_hardening2_sqlite_file"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        timer = threading.Timer(60, process.kill)
        timer.start()
        line = process.stdout.readline()
        timer.cancel()
        assert line.startswith(READY), f"server did not start: {line!r}"
        port, token = line[len(READY) :].split()
        yield int(port), token, db
    finally:
        process.kill()
        process.wait(10)


def _request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read().decode()
    finally:
        connection.close()


def test_six_parallel_confirmation_clicks_store_one_comment(sqlite_file_server):
    port, token, db = sqlite_file_server
    path = f"/career/comments/confirm/{token}/"
    # Each "browser" opens the confirmation page first: its CSRF cookie and form token.
    browsers = []
    for _n in range(CLICKS):
        status, headers, html = _request(port, "GET", path)
        assert status == 200
        cookie = next(v for k, v in headers if k.lower() == "set-cookie" and "csrftoken" in v)
        form_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        browsers.append((cookie.split(";")[0], form_token))

    barrier = threading.Barrier(CLICKS)
    statuses, errors = [], []

    def click(n):
        cookie, form_token = browsers[n]
        try:
            barrier.wait()
            status, _headers, _html = _request(
                port,
                "POST",
                path,
                body=f"csrfmiddlewaretoken={form_token}",
                headers={
                    "Cookie": cookie,
                    "Content-Type": "application/x-www-form-urlencoded",
                },
            )
            statuses.append(status)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=click, args=(n,)) for n in range(CLICKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert sorted(statuses) and all(status in (200, 302) for status in statuses), statuses
    with sqlite3.connect(db) as connection:
        (count,) = connection.execute("SELECT COUNT(*) FROM django_comments").fetchone()
    assert count == 1


if __name__ == "__main__":
    _prepare_and_serve()
