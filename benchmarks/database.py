"""The benchmarks' own database: a temporary SQLite file, or with ``DATABASE_URL`` a
temporary database on that server (made and dropped as the test runner does)."""

import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def bench_database(prefix):
    """Set up Django on ``benchmarks.settings`` with a fresh, migrated database; yields the
    working directory (media, logs) and removes everything afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    os.environ["BENCH_MEDIA_ROOT"] = str(workdir / "media")
    if not os.environ.get("DATABASE_URL"):
        os.environ["BENCH_DATABASE_NAME"] = str(workdir / "bench.sqlite3")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    postgres = connection.vendor == "postgresql"
    name = None
    if postgres:
        connection.settings_dict["TEST"]["NAME"] = f"{connection.settings_dict['NAME']}_{prefix}"
        name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        os.environ["BENCH_DATABASE_NAME"] = name
    else:
        call_command("migrate", verbosity=0)
    try:
        yield workdir
    finally:
        connection.close()
        if postgres:
            connection.creation.destroy_test_db(name, verbosity=0)
        shutil.rmtree(workdir, ignore_errors=True)
