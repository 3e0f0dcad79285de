"""Page cache hits with Redis, against a bare Django view and against wagtail-cache.

Runs on the ``make bench`` fixture site (``benchmarks/fixture.py``, already built in the
bench's database): its render article (no comment, two authors) is the page. Two gunicorn
servers (2 sync workers each), both with every cache on Django's Redis backend
(``BENCH_REDIS_URL``, default ``redis://127.0.0.1:6379/5``, emptied first):

- the package's middleware (``BENCH_PAGE_CACHE=1``), serving (a) the article from the page
  cache and (b) ``/bench/bare/``, a view returning a small ``HttpResponse`` behind the very
  same middleware stack;
- wagtail-cache's middleware instead (``BENCH_WAGTAIL_CACHE=1``), serving (c) the same
  article from its cache.

wrk runs of (a), (b), (c) in turn, ``ROUNDS`` times; each figure is the median requests/s.
Only one server is under load at a time. wagtail-cache 3.0 declares ``wagtail<8.0``, so
the ``bench`` extra cannot require it: ``make bench`` installs it with ``--no-deps`` (it
runs on Wagtail 8).
"""

import statistics
import urllib.request

from django.core.cache.backends.redis import RedisCache

from benchmarks import timing
from benchmarks.http import Server, wrk
from wagtail_career.cache import STATUS_HEADER
from wagtail_career.pages.models import ArticlePage

REDIS_URL = "redis://127.0.0.1:6379/5"
ROUNDS = 3
CONNECTIONS = 8
WAGTAIL_CACHE_HEADER = "X-Wagtail-Cache"
# The fixture's render article: no comment, two authors (benchmarks/fixture.py).
ARTICLE_SLUG = "article-n0-k2"
TARGET_BARE = 0.7
TARGET_WAGTAIL_CACHE = 1.0


def warm(url, header):
    """Request ``url`` until ``header`` says hit (each worker stores or finds the entry)."""
    for _ in range(10):
        with urllib.request.urlopen(url) as response:  # noqa: S310  (loopback only)
            if response.headers.get(header) == "hit":
                return
    raise RuntimeError(f"{url} is never served from the cache ({header})")


def measure(workdir, duration, redis_url=None):
    redis_url = redis_url or REDIS_URL
    RedisCache(redis_url, {}).clear()
    path = ArticlePage.objects.live().get(slug=ARTICLE_SLUG).url
    ours = Server(page_cache=True, workdir=workdir, env={"BENCH_REDIS_URL": redis_url})
    try:
        theirs = Server(
            page_cache=False,
            workdir=workdir,
            env={"BENCH_REDIS_URL": redis_url, "BENCH_WAGTAIL_CACHE": "1"},
        )
    except RuntimeError:
        ours.stop()
        raise
    runs = {"page cache hit": [], "bare view": [], "wagtail-cache hit": []}
    try:
        warm(ours.base + path, STATUS_HEADER)
        warm(theirs.base + path, WAGTAIL_CACHE_HEADER)
        urls = {
            "page cache hit": ours.base + path,
            "bare view": ours.base + "/bench/bare/",
            "wagtail-cache hit": theirs.base + path,
        }
        for _ in range(ROUNDS):
            for name, url in urls.items():
                runs[name].append(wrk(url, duration, CONNECTIONS))
    finally:
        ours.stop()
        theirs.stop()
    rates = {
        name: statistics.median(run["requests_per_s"] for run in values)
        for name, values in runs.items()
    }
    details = {
        "requests_per_s": {name: round(rate) for name, rate in rates.items()},
        "failed": sum(run["failed"] for values in runs.values() for run in values),
        "page": path,
    }
    return [
        {
            **timing.target(
                "page cache hit (Redis) / bare Django view, requests/s",
                round(rates["page cache hit"] / rates["bare view"], 2),
                TARGET_BARE,
                at_most=False,
            ),
            **details,
        },
        {
            **timing.target(
                "page cache hit / wagtail-cache hit (same article, Redis), requests/s",
                round(rates["page cache hit"] / rates["wagtail-cache hit"], 2),
                TARGET_WAGTAIL_CACHE,
                at_most=False,
            ),
            **details,
        },
    ]
