"""The example site's production settings (required hosts, admin base URL from the first
host) and its URLs (/favicon.ico, /sitemap.xml), each in a subprocess: the example site is a
separate Django project."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_SITE = REPO / "example_site"


def _run(code, settings, **env):
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "WAGTAILADMIN_", "CAREER_")) and key != "DATABASE_URL"
    }
    environ.update(DJANGO_SETTINGS_MODULE=settings, **env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=EXAMPLE_SITE,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


SHOW_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "hosts": settings.ALLOWED_HOSTS,
    "base": settings.WAGTAILADMIN_BASE_URL,
    "origins": settings.CSRF_TRUSTED_ORIGINS,
    "header": getattr(settings, "WAGTAIL_CAREER_CLIENT_IP_HEADER", "REMOTE_ADDR"),
    "proxies": getattr(settings, "WAGTAIL_CAREER_TRUSTED_PROXIES", 0),
}))
"""
PRODUCTION = "example_site.settings.production"


@pytest.mark.parametrize("hosts", [None, "", " , ,"])
def test_production_settings_require_allowed_hosts(hosts):
    env = {"DJANGO_SECRET_KEY": "x"}
    if hosts is not None:
        env["DJANGO_ALLOWED_HOSTS"] = hosts
    result = _run(SHOW_SETTINGS, PRODUCTION, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_settings_derive_the_admin_base_url_from_the_first_host():
    result = _run(
        SHOW_SETTINGS,
        PRODUCTION,
        DJANGO_SECRET_KEY="x",
        DJANGO_ALLOWED_HOSTS=" career.example , www.career.example",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["hosts"] == ["career.example", "www.career.example"]
    assert values["base"] == "https://career.example"
    assert values["origins"] == ["https://career.example", "https://www.career.example"]
    assert values["header"] == "REMOTE_ADDR"  # no proxy unless told
    result = _run(
        SHOW_SETTINGS,
        PRODUCTION,
        DJANGO_SECRET_KEY="x",
        DJANGO_ALLOWED_HOSTS="career.example",
        WAGTAILADMIN_BASE_URL="https://admin.career.example",
        CAREER_TRUSTED_PROXIES="2",
    )
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["base"] == "https://admin.career.example"
    assert (values["header"], values["proxies"]) == ("HTTP_X_FORWARDED_FOR", 2)


FETCH_URLS = """
import json, django
django.setup()
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment
call_command("migrate", verbosity=0, interactive=False)
setup_test_environment()
client = Client()
favicon = client.get("/favicon.ico")
sitemap = client.get("/sitemap.xml")
print(json.dumps({
    "favicon": [favicon.status_code, favicon.get("Location", "")],
    "sitemap": [sitemap.status_code, sitemap.get("Content-Type", "")],
}))
"""


def test_example_site_serves_a_favicon_redirect_and_a_sitemap(tmp_path):
    result = _run(
        FETCH_URLS,
        "example_site.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    values = json.loads(result.stdout.strip().splitlines()[-1])
    status, location = values["favicon"]
    # Temporary: in production the file's hashed name changes with the file.
    assert status == 302
    assert location.endswith("/img/favicon.svg")
    assert values["sitemap"][0] == 200
    assert "xml" in values["sitemap"][1]
