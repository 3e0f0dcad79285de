"""Settings of the benchmark's fixture site (``make bench``).

Its own database: a temporary SQLite file by default, or a temporary database on the server
of ``DATABASE_URL``; the runner names it in ``BENCH_DATABASE_NAME``. ``BENCH_PAGE_CACHE=1``
adds the package's page cache middleware (the "cached" HTTP runs); ``BENCH_REDIS_URL`` puts
every cache on Django's Redis backend, shared by the workers; ``BENCH_WAGTAIL_CACHE=1`` adds
wagtail-cache's middleware (the comparison of ``benchmarks/page_cache.py``).
"""

import os

import dj_database_url

from tests.settings import *  # noqa: F403  (the test site's apps, templates and languages)
from tests.settings import INSTALLED_APPS, MIDDLEWARE, TEMPLATES

BASE_DIR = os.path.dirname(os.path.abspath(__file__))
DEBUG = False
ROOT_URLCONF = "benchmarks.urls"

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "tests.testapp"] + [
    "benchmarks.plainpage"
]
# The bench measures the page cache itself, not a CDN's.
INSTALLED_APPS.remove("wagtail.contrib.frontend_cache")
WAGTAILFRONTENDCACHE = {}

MIDDLEWARE = list(MIDDLEWARE)
if os.environ.get("BENCH_PAGE_CACHE") == "1":
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.common.CommonMiddleware") + 1,
        "wagtail_career.cache.CareerPageCacheMiddleware",
    )

if os.environ.get("BENCH_WAGTAIL_CACHE") == "1":
    # As its documentation says: the update middleware first, the fetch middleware last.
    INSTALLED_APPS.append("wagtailcache")
    MIDDLEWARE = [
        "wagtailcache.cache.UpdateCacheMiddleware",
        *MIDDLEWARE,
        "wagtailcache.cache.FetchFromCacheMiddleware",
    ]
if os.environ.get("BENCH_REDIS_URL"):
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["BENCH_REDIS_URL"],
            "KEY_PREFIX": f"bench-{alias}",
        }
        for alias in ("default", "wagtail_career_ratelimit")
    }

TEMPLATES = [{**TEMPLATES[0], "DIRS": [os.path.join(BASE_DIR, "templates")]}]

_database = dj_database_url.config(default="sqlite:///bench.sqlite3", conn_max_age=600)
_database["NAME"] = os.environ.get("BENCH_DATABASE_NAME", _database["NAME"])
if _database["ENGINE"].endswith("sqlite3"):
    # Two gunicorn workers write (comments, signups): wait for the lock instead of failing.
    # IMMEDIATE: a writing transaction takes the lock at BEGIN and waits for it, instead of
    # failing at once when it must upgrade a read lock another writer blocks.
    _database["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
DATABASES = {"default": _database}

MEDIA_ROOT = os.environ.get("BENCH_MEDIA_ROOT", "/tmp/wagtail-career-bench-media")

# A queue backend: mail is enqueued, as in production, and never sent during the bench.
TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
# The signup and comment benches post thousands of times from one client and one reader:
# they measure the endpoints, not the rate limits (which would answer 429 after ten).
WAGTAIL_CAREER_NEWSLETTER_RATE_LIMIT = 10**9
WAGTAIL_CAREER_COMMENTS_RATE_LIMIT = 10**9
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Per-process rate-limit counters are fine here (the bench lifts the limits): no W020 noise.
SILENCED_SYSTEM_CHECKS = ["wagtail_career.W020"]

if _database["ENGINE"].endswith("postgresql"):
    # As the README advises on PostgreSQL: each article indexed with its language's stemming
    # and accent folding (wagtail_career.search_backends.postgres), read by query-only aliases.
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail_career.search_backends.postgres",
            "SEARCH_CONFIG": "simple",
        },
        **{
            language: {
                "BACKEND": "wagtail_career.search_backends.postgres.LanguageQueryBackend",
                "LANGUAGE": language,
                "AUTO_UPDATE": False,
            }
            for language in ("fr", "en")
        },
    }
    WAGTAIL_CAREER_SEARCH_BACKENDS = {"fr": "fr", "en": "en"}
