"""The digest's fan-out: mails per second to a loopback SMTP server, with one and with two
task workers, queries per mail and peak memory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/localdev python -m benchmarks.digest \
        [--subscribers 2000] [--workers 1 2]

It makes a temporary database next to DATABASE_URL's (dropped at the end), migrates it with
the test settings plus django-tasks-db, builds a site with three career articles and the
subscribers, then for each number of workers starts that many ``db_worker`` processes and
an aiosmtpd server (tests/smtp.py) on 127.0.0.1, runs ``send_career_digest`` and times the
run from the command's start to the last mail received. Queries per mail and the peak memory
of a run come from one run in a single process (the immediate task backend). Target: at
least 150 mails/s with one worker.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
import tracemalloc
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET_MAILS_PER_SECOND = 150

SETTINGS = """
import os

from tests.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]  # noqa: F405
TASKS = {"default": {"BACKEND": os.environ.get(
    "BENCH_TASKS", "django_tasks_db.DatabaseBackend")}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ.get("BENCH_SMTP_PORT", "25"))
EMAIL_TIMEOUT = 10
DEBUG = False
CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
    for alias in ("default", "wagtail_career_ratelimit")
}
LOGGING = {"version": 1, "disable_existing_loggers": False}
"""


def _django(env, *args, check=True, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "django", *args], env=env, cwd=ROOT, check=check, **kwargs
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--subscribers", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--setup", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--inline", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.setup is not None:
        return _setup(args.setup)
    if args.inline:
        return _inline()

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL server (the workers share its database).")
    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'postgres'}_digestbench"
    workdir = Path(tempfile.mkdtemp(prefix="wagtail-career-digest-bench-"))
    (workdir / "digest_bench_settings.py").write_text(textwrap.dedent(SETTINGS))
    env = {
        **os.environ,
        "DATABASE_URL": urlunsplit(parts._replace(path=f"/{name}")),
        "DJANGO_SETTINGS_MODULE": "digest_bench_settings",
        "PYTHONPATH": os.pathsep.join([str(workdir), str(ROOT)]),
    }
    import psycopg

    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        print("Migrating a temporary database…", flush=True)
        _django(env, "migrate", "--noinput", "-v0")
        print(f"Building the site and {args.subscribers} subscribers…", flush=True)
        subprocess.run(
            [sys.executable, "-m", "benchmarks.digest", "--setup", str(args.subscribers)],
            env=env,
            cwd=ROOT,
            check=True,
        )
        results = {"subscribers": args.subscribers, "runs": []}
        inline = subprocess.run(
            [sys.executable, "-m", "benchmarks.digest", "--inline"],
            env={**env, "BENCH_TASKS": "django_tasks.backends.immediate.ImmediateBackend"},
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        results["inline"] = json.loads(inline.stdout.strip().splitlines()[-1])
        for workers in args.workers:
            results["runs"].append(_run(env, workers, args.subscribers))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    inline = results["inline"]
    print(f"\nDigest to {args.subscribers} subscribers (loopback SMTP, PostgreSQL):")
    print(
        f"  one process, immediate backend: {inline['mails_per_second']:.0f} mails/s, "
        f"{inline['queries_per_mail']:.2f} queries per mail, peak Python memory "
        f"{inline['peak_mib']:.1f} MiB"
    )
    for run in results["runs"]:
        print(
            f"  {run['workers']} worker(s): {run['mails_per_second']:.0f} mails/s "
            f"({run['mails']} mails in {run['seconds']:.2f} s), worker peak RSS "
            f"{run['worker_peak_rss_mib']:.0f} MiB"
        )
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "digest.json").write_text(json.dumps(results, indent=2) + "\n")
    one = next((run for run in results["runs"] if run["workers"] == 1), None)
    met = one is None or one["mails_per_second"] >= TARGET_MAILS_PER_SECOND
    verdict = "met" if met else "MISSED"
    print(f"  target ≥ {TARGET_MAILS_PER_SECOND} mails/s with one worker: {verdict}")
    return 0 if met else 1


def _reset():
    from wagtail_career.models import MailContent, OutgoingMail
    from wagtail_career.newsletter.models import DigestRun, NewsletterDelivery

    OutgoingMail.objects.all().delete()
    MailContent.objects.all().delete()
    NewsletterDelivery.objects.all().delete()
    DigestRun.objects.all().delete()


def _run(env, workers, subscribers):
    from tests.smtp import Mailbox, SMTPServer

    subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from benchmarks.digest import _reset; _reset()",
        ],
        env=env,
        cwd=ROOT,
        check=True,
    )
    mailbox = Mailbox()
    with SMTPServer(mailbox) as server:
        worker_env = {**env, "BENCH_SMTP_PORT": str(server.port)}
        processes = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "django",
                    "db_worker",
                    "--interval",
                    "0.05",
                    "--no-startup-delay",
                    "--worker-id",
                    f"bench{n}",
                    "-v0",
                ],
                env=worker_env,
                cwd=ROOT,
            )
            for n in range(workers)
        ]
        try:
            time.sleep(3)  # the workers are up
            start = time.perf_counter()
            _django(worker_env, "send_career_digest", stdout=subprocess.DEVNULL)
            deadline = time.monotonic() + 600
            while len(mailbox.messages) < subscribers and time.monotonic() < deadline:
                time.sleep(0.01)
            seconds = time.perf_counter() - start
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=60)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "workers": workers,
        "mails": len(mailbox.messages),
        "seconds": seconds,
        "mails_per_second": len(mailbox.messages) / seconds,
        "worker_peak_rss_mib": peak,
    }


def _inline():
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.smtp import SMTPServer
    from wagtail_career.newsletter.digest import send_digest

    _reset()
    with SMTPServer() as server:
        from django.conf import settings

        settings.EMAIL_PORT = server.port
        tracemalloc.start()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            sent = send_digest()
            seconds = time.perf_counter() - start
        _current, peak = tracemalloc.get_traced_memory()
    print(
        json.dumps(
            {
                "mails": sent,
                "seconds": seconds,
                "mails_per_second": sent / seconds if seconds else 0,
                "queries": len(queries),
                "queries_per_mail": len(queries) / sent if sent else 0,
                "peak_mib": peak / 2**20,
            }
        )
    )
    return 0


def _setup(count):
    import django

    django.setup()
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import Site
    from wagtail.rich_text import RichText

    from tests.pages import ArticlePage, CareerIndexPage
    from tests.test_digest_fanout import _subscribers

    home = Site.objects.get(is_default_site=True).root_page
    index = CareerIndexPage(title="Carrière", slug="carriere", intro="<p>Conseils</p>")
    home.add_child(instance=index)
    index.save_revision().publish()
    for n in range(3):
        page = ArticlePage(
            title=f"Article {n} : réussir son entrevue",
            slug=f"article-{n}",
            intro="Une introduction courte.",
            body=[("paragraph", RichText("<p>" + "mot " * 200 + "</p>"))],
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    _subscribers(count, when=timezone.now() - timedelta(days=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
