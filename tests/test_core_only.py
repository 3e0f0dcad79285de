"""A site with the core alone (no xtd, no django_comments, no rest_framework, no sites)
checks, migrates and renders articles, with no trace of a feature."""

import os
import subprocess
import sys


def _run(args, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.core_only.settings",
        "CORE_ONLY_DB": str(tmp_path / "core.sqlite3"),
        "PYTHONPATH": os.getcwd(),
    }
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=300
    )


def test_core_alone_checks_migrates_and_renders_articles(tmp_path):
    check = _run(["-m", "django", "check", "--fail-level", "WARNING"], tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    migrate = _run(["-m", "django", "migrate", "--noinput"], tmp_path)
    assert migrate.returncode == 0, migrate.stderr
    assert "django_comments" not in migrate.stdout
    scenario = _run(["-m", "tests.core_only.scenario"], tmp_path)
    assert scenario.returncode == 0, scenario.stdout + scenario.stderr
    assert "CORE ONLY OK" in scenario.stdout
