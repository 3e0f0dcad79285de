"""The test settings on a SQLite file (CAREER_SQLITE_FILE) instead of an in-memory
database: for tests/test_hardening2_sqlite_file.py, whose server runs in a subprocess."""

import os

from tests.settings import *  # noqa: F403

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["CAREER_SQLITE_FILE"],
    }
}
CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
    for alias in ("default", "wagtail_career_ratelimit")
}
