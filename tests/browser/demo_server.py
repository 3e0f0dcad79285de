"""The example site, with its demo content, served on loopback for the browser.

``DemoServer`` prepares a throwaway copy of the demo (a temporary SQLite database and media
folder, ``migrate`` and ``load_career_demo``), then starts this module as a subprocess: a
threaded ``wsgiref`` server on a free 127.0.0.1 port, which prints its URL once it listens.
The test fixtures and the screenshot script share it.

Run directly (``python tests/browser/demo_server.py``) it serves whatever database the
environment points at; ``DemoServer`` sets that environment, and passes ``--throwaway`` so
that the server also points the database's default Wagtail site at its own address.
"""

import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_SITE = REPO / "example_site"
SETTINGS = "example_site.settings.dev"
READY = "serving "
# Migrating and loading the demo take a few seconds; a server that has not said it listens
# after this long is broken, not slow.
START_TIMEOUT = 60
# A management command (migrate, loading the demo, a shell snippet) that runs this long hangs.
MANAGE_TIMEOUT = 180


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    # A page load asks for the page, its stylesheets and images at once.
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        # One line per request would bury the test output; errors still reach stderr.
        pass


def answer_at(host, port):
    """Point the default Wagtail site at the address being served, so that the absolute links
    the site builds (share links, the links in its mails) lead back to this server."""
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname=host, port=port)


def serve(throwaway=False):
    import django
    from django.core.wsgi import get_wsgi_application

    sys.path.insert(0, str(EXAMPLE_SITE))
    django.setup()
    # Port 0: the kernel picks a free port, so parallel runs never collide.
    server = make_server("127.0.0.1", 0, get_wsgi_application(), ThreadingWSGIServer, QuietHandler)
    host, port = server.server_address
    if throwaway:
        answer_at(host, port)
    print(f"{READY}http://{host}:{port}", flush=True)
    server.serve_forever()


class DemoServer:
    """Context manager: prepare the demo, serve it, and clean everything up on exit."""

    def __init__(self, env=None):
        # In memory when the system has a tmpfs: SQLite's fsyncs on a busy disk otherwise
        # make migrating the throwaway database several times slower.
        scratch = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
        self.workdir = Path(tempfile.mkdtemp(prefix="wagtail-career-browser-", dir=scratch))
        self.env = {
            **os.environ,
            # Extra settings for the demo's dev settings, e.g. EMAIL_HOST / EMAIL_PORT.
            **(env or {}),
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "DATABASE_URL": f"sqlite:///{self.workdir / 'demo.sqlite3'}",
            "DJANGO_MEDIA_ROOT": str(self.workdir / "media"),
            "PYTHONPATH": os.pathsep.join([str(EXAMPLE_SITE), str(REPO)]),
        }
        self.process = None
        self.url = None

    def manage(self, *args, timeout=MANAGE_TIMEOUT):
        """Run a management command against the demo's database; return what it printed."""
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=EXAMPLE_SITE,
            env=self.env,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
            timeout=timeout,
        ).stdout

    def shell(self, code):
        """Run Python ``code`` in the demo's Django; return what it printed."""
        return self.manage("shell", "--no-imports", "-c", code)

    def start(self):
        self.manage("migrate", "--noinput")
        self.manage("load_career_demo", "--quiet")
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--throwaway"],
            cwd=EXAMPLE_SITE,
            env=self.env,
            stdout=subprocess.PIPE,
            text=True,
        )
        line = self._read_ready_line()
        if not line.startswith(READY):
            self.stop()
            raise RuntimeError(f"the demo server did not start (it said {line!r})")
        self.url = line[len(READY) :].strip()
        return self

    def _read_ready_line(self):
        # readline() blocks, so read it in a thread that a timeout can abandon.

        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            future = pool.submit(self.process.stdout.readline)
            try:
                return future.result(timeout=START_TIMEOUT)
            except concurrent.futures.TimeoutError:
                self.process.kill()
                return ""

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process.stdout.close()
            self.process = None
        shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc_info):
        self.stop()


if __name__ == "__main__":
    serve(throwaway="--throwaway" in sys.argv)
