"""``make lighthouse``: what a phone downloads on a first visit of the demo, and Lighthouse's
mobile scores, against the example site served as in production.

    python -m benchmarks.lighthouse [--runs N] [--no-lighthouse] [--output PATH]

The site: the demo content (``load_career_demo``) in a temporary SQLite database and media
folder, the production settings (``example_site.settings.production``: DEBUG off, WhiteNoise
serving the compressed, hashed files that ``collectstatic`` writes into the temporary folder)
with only what plain HTTP on loopback needs changed (no redirect to HTTPS, cookies not
``Secure``) and a file cache instead of Redis, served by gunicorn (the ``bench`` extra) on a
free 127.0.0.1 port. The media folder is served by WhiteNoise too, with a year's cache, as
the web server or CDN in front of a real site does. Each page is requested once before it is
measured: renditions are made on a page's first render, and a visitor's first visit is
rarely the server's.

Then, for the demo article (one with a hero, an inline image and an author's photo) and for
the career index:

(a) Playwright with Debian's Chromium, a phone 390x844 CSS pixels wide (3 device pixels per
    CSS pixel, touch; ``--dpr`` to change), empty cache: the bytes of every response of the
    first visit (headers and encoded body, until the network is idle), by resource type;
(b) Lighthouse (npm's, in .ci/tools: ``make lighthouse`` installs it) with its default mobile
    preset, ``CHROME_PATH=/usr/bin/chromium``: the performance and best-practices scores,
    the median of ``--runs`` runs, with the metrics and the failing audits.

Targets: the article's first visit ≤ 150 KB, with no response an error (a favicon's 404
included; ``/favicon.ico`` is checked too), the pages, stylesheets and scripts compressed and
the static files cached for good; performance ≥ 98 and best practices 100 on both pages.
Exits 1 when one is missed.
"""

import argparse
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE_SITE = ROOT / "example_site"
CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = ROOT / ".ci" / "tools" / "node_modules" / ".bin" / "lighthouse"
PHONE = {"width": 390, "height": 844}

TARGET_ARTICLE_BYTES = 150 * 1024
TARGET_PERFORMANCE = 98
TARGET_BEST_PRACTICES = 100
YEAR = 365 * 24 * 3600

# The production settings, with what plain HTTP on loopback needs: HTTPS is the proxy's in
# production (SECURE_PROXY_SSL_HEADER), and a browser refuses Secure cookies over HTTP.
SETTINGS_MODULE = "lighthouse_settings"
SETTINGS = """\
from example_site.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STATIC_ROOT = {static_root!r}
CACHES = {{
    alias: {{
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": {cache!r} + "/" + alias,
    }}
    for alias in ("default", "wagtail_career_ratelimit")
}}
"""

# What the measured pages are: (name, shell code printing its path).
DEMO_PAGES = """\
from wagtail.models import Locale, Site
from wagtail_career.pages.models import ArticlePage, CareerIndexPage

Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port={port})
french = Locale.objects.get(language_code="fr")
index = CareerIndexPage.objects.live().filter(locale=french).first()
articles = ArticlePage.objects.live().filter(locale=french).exclude(hero_image=None)
article = next(
    page
    for page in articles.order_by("path")
    if any(block.block_type == "image" for block in page.body) and page.article_authors.exists()
)
print(article.get_url())
print(index.get_url())
"""


def wsgi():
    """gunicorn's application factory (``benchmarks.lighthouse:wsgi()``): the site, with the
    media folder served as a web server would (files made after start-up included)."""
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from whitenoise import WhiteNoise

    application = WhiteNoise(get_wsgi_application(), autorefresh=True, max_age=YEAR)
    application.add_files(settings.MEDIA_ROOT, prefix=settings.MEDIA_URL)
    return application


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Site:
    """The demo, prepared in ``workdir`` and served by gunicorn; a context manager."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        (workdir / f"{SETTINGS_MODULE}.py").write_text(
            SETTINGS.format(static_root=str(workdir / "static"), cache=str(workdir / "cache"))
        )
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"sqlite:///{workdir / 'demo.sqlite3'}",
            "DJANGO_MEDIA_ROOT": str(workdir / "media"),
            "PYTHONPATH": os.pathsep.join([str(workdir), str(EXAMPLE_SITE), str(ROOT)]),
        }
        self.process = None

    def manage(self, *args, settings=SETTINGS_MODULE):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=EXAMPLE_SITE,
            env={**self.env, "DJANGO_SETTINGS_MODULE": settings},
            check=True,
            stdout=subprocess.PIPE,
            text=True,
            timeout=300,
        ).stdout

    def __enter__(self):
        self.manage("migrate", "--noinput")
        # The demo's own settings load it (mail to the console, tasks run at once).
        self.manage("load_career_demo", "--quiet", settings="example_site.settings.dev")
        self.manage("collectstatic", "--noinput", "--verbosity=0")
        paths = self.manage("shell", "--no-imports", "-c", DEMO_PAGES.format(port=self.port))
        self.article, self.index = paths.split()
        self.log = open(self.workdir / "gunicorn.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "benchmarks.lighthouse:wsgi()",
                "--workers=2",
                f"--bind=127.0.0.1:{self.port}",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=self.env,
            stderr=self.log,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                for path in (self.article, self.index):  # renditions made, pages cached
                    urllib.request.urlopen(self.base + path, timeout=60).read()  # noqa: S310
                return self
            except urllib.error.HTTPError:
                self.__exit__()
                raise
            except OSError:
                if time.monotonic() > deadline:
                    self.__exit__()
                    raise RuntimeError(f"gunicorn did not start: see {self.log.name}") from None
                time.sleep(0.2)

    def __exit__(self, *exc_info):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
            self.log.close()


def status(url):
    """The status of ``url``, redirects followed."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


# --- (a) bytes of a first visit ---------------------------------------------------------


def first_visit(url, dpr):
    """``{"total": bytes, "requests": n, "by_type": {type: bytes}, "responses": [...]}``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            context = browser.new_context(
                viewport=PHONE, device_scale_factor=dpr, is_mobile=True, has_touch=True
            )
            page = context.new_page()
            finished = []
            page.on("requestfinished", lambda request: finished.append(request))
            page.goto(url, wait_until="networkidle")
            responses = []
            for request in finished:
                sizes = request.sizes()
                response = request.response()
                responses.append(
                    {
                        "url": request.url,
                        "type": request.resource_type,
                        "status": response.status if response else None,
                        "bytes": sizes["responseHeadersSize"] + sizes["responseBodySize"],
                        "encoding": response.headers.get("content-encoding", "")
                        if response
                        else "",
                        "cache_control": response.headers.get("cache-control", "")
                        if response
                        else "",
                    }
                )
        finally:
            browser.close()
    by_type = {}
    for response in responses:
        by_type[response["type"]] = by_type.get(response["type"], 0) + response["bytes"]
    return {
        "total": sum(response["bytes"] for response in responses),
        "requests": len(responses),
        "by_type": by_type,
        "responses": responses,
    }


# --- (b) Lighthouse ---------------------------------------------------------------------

METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")
METRICS += ("cumulative-layout-shift", "speed-index")


def lighthouse(url, runs, workdir):
    """The median scores of ``runs`` Lighthouse runs, and the last run's metrics and failed
    audits (those that count in a score)."""
    reports = []
    for number in range(runs):
        output = workdir / f"lighthouse-{number}.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--only-categories=performance,best-practices",
                "--chrome-flags=--headless=new --no-sandbox",
                "--output=json",
                f"--output-path={output}",
                "--quiet",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            check=True,
            timeout=300,
        )
        reports.append(json.loads(output.read_text()))
    last = reports[-1]
    scores = {
        category: statistics.median(
            round(report["categories"][category]["score"] * 100) for report in reports
        )
        for category in ("performance", "best-practices")
    }
    failed = sorted(
        {
            audit_ref["id"]
            for category in last["categories"].values()
            for audit_ref in category["auditRefs"]
            if audit_ref["weight"] > 0
            and (last["audits"][audit_ref["id"]].get("score") or 0) < 1
            and last["audits"][audit_ref["id"]].get("scoreDisplayMode") in ("binary", "numeric")
        }
    )
    return {
        **scores,
        "runs": [{c: round(r["categories"][c]["score"] * 100) for c in scores} for r in reports],
        "metrics": {name: last["audits"][name]["displayValue"] for name in METRICS},
        "failed_audits": {name: last["audits"][name]["title"] for name in failed},
    }


# --- report -----------------------------------------------------------------------------


def kilobytes(count):
    return f"{count / 1024:.1f} KB"


def report(results):
    lines = []
    for name, page in results["pages"].items():
        visit = page["first_visit"]
        lines.append(
            f"\n{name} ({page['path']}), first visit at {PHONE['width']}x{PHONE['height']}, "
            f"DPR {results['dpr']}: {visit['requests']} responses, {kilobytes(visit['total'])}"
        )
        for kind, count in sorted(visit["by_type"].items(), key=lambda item: -item[1]):
            lines.append(f"  {kind:<12} {kilobytes(count):>10}")
        for response in visit["responses"]:
            lines.append(
                f"    {response['status']} {kilobytes(response['bytes']):>10}  {response['url']}"
                f"  [{response['encoding'] or 'identity'}; {response['cache_control'] or '-'}]"
            )
        if "lighthouse" in page:
            score = page["lighthouse"]
            lines.append(
                f"  Lighthouse (mobile, median of {len(score['runs'])}): performance "
                f"{score['performance']}, best practices {score['best-practices']} "
                f"(runs: {score['runs']})"
            )
            lines.append("  " + ", ".join(f"{k}: {v}" for k, v in score["metrics"].items()))
            for audit, title in score["failed_audits"].items():
                lines.append(f"  failed: {audit} — {title}")
    lines.append("\nTargets")
    for target in results["targets"]:
        verdict = "met   " if target["met"] else "MISSED"
        lines.append(f"  {verdict}  {target['what']}: {target['value']}")
    return "\n".join(lines)


def targets(results):
    article = results["pages"]["article"]["first_visit"]["total"]
    responses = [
        response
        for page in results["pages"].values()
        for response in page["first_visit"]["responses"]
    ]
    errors = [
        f"{r['status']} {r['url']}" for r in responses if not r["status"] or r["status"] >= 400
    ]
    if results["favicon_ico"] != 200:
        errors.append(f"{results['favicon_ico']} /favicon.ico")
    static = [response for response in responses if "/static/" in response["url"]]
    short_lived = [r["url"] for r in static if "immutable" not in r["cache_control"]]
    uncompressed = [
        r["url"]
        for r in responses
        if r["type"] in ("document", "stylesheet", "script") and not r["encoding"]
    ]
    items = [
        {
            "what": "article's first visit ≤ 150 KB",
            "value": kilobytes(article),
            "met": article <= TARGET_ARTICLE_BYTES,
        },
        {
            "what": "no error response (the favicon's included)",
            "value": ", ".join(errors) or "none",
            "met": not errors,
        },
        {
            "what": "static files cached for good (hashed names, immutable)",
            "value": ", ".join(short_lived) or f"all {len(static)}",
            "met": bool(static) and not short_lived,
        },
        {
            "what": "pages, stylesheets and scripts compressed",
            "value": ", ".join(uncompressed) or "all",
            "met": not uncompressed,
        },
    ]
    for name, page in results["pages"].items():
        if "lighthouse" not in page:
            continue
        score = page["lighthouse"]
        items.append(
            {
                "what": f"{name}: performance ≥ {TARGET_PERFORMANCE}",
                "value": score["performance"],
                "met": score["performance"] >= TARGET_PERFORMANCE,
            }
        )
        items.append(
            {
                "what": f"{name}: best practices = {TARGET_BEST_PRACTICES}",
                "value": score["best-practices"],
                "met": score["best-practices"] >= TARGET_BEST_PRACTICES,
            }
        )
    return items


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page")
    parser.add_argument("--dpr", type=float, default=3, help="device pixels per CSS pixel")
    parser.add_argument("--no-lighthouse", action="store_true", help="bytes only")
    parser.add_argument("--output", help="also write the results as JSON to this file")
    args = parser.parse_args()
    if not os.access(CHROMIUM, os.X_OK):
        sys.exit(f"{CHROMIUM} is missing: apt-get install chromium")
    if not args.no_lighthouse and not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: make lighthouse installs it")

    workdir = Path(tempfile.mkdtemp(prefix="wagtail-career-lighthouse-"))
    try:
        print("Preparing the demo (migrate, load_career_demo, collectstatic)…", flush=True)
        with Site(workdir) as site:
            results = {
                "dpr": args.dpr,
                "pages": {},
                "favicon_ico": status(site.base + "/favicon.ico"),
            }
            for name, path in (("article", site.article), ("index", site.index)):
                print(f"Measuring the {name}…", flush=True)
                page = {"path": path, "first_visit": first_visit(site.base + path, args.dpr)}
                if not args.no_lighthouse:
                    page["lighthouse"] = lighthouse(site.base + path, args.runs, workdir)
                results["pages"][name] = page
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    results["targets"] = targets(results)
    print(report(results))
    if args.output:
        Path(args.output).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0 if all(target["met"] for target in results["targets"]) else 1


if __name__ == "__main__":
    sys.exit(main())
