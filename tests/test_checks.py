"""System checks tell a site builder exactly which setup step is missing."""

from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from wagtail_career import checks
from wagtail_career.comments import checks as comment_checks


def error_ids(errors):
    return [error.id for error in errors]


def test_the_test_project_passes_every_check():
    call_command("check", fail_level="ERROR")


@pytest.mark.parametrize(
    ("check_module", "app"),
    [(checks, app) for app in checks.REQUIRED_APPS]
    + [(comment_checks, app) for app in comment_checks.REQUIRED_APPS],
)
def test_each_missing_app_is_reported(monkeypatch, check_module, app):
    apps = [a for a in django_settings.INSTALLED_APPS if a != app]
    # missing_apps() reads the core checks' settings; the comment checks read their own too.
    monkeypatch.setattr(checks, "settings", SimpleNamespace(INSTALLED_APPS=apps))
    monkeypatch.setattr(comment_checks, "settings", SimpleNamespace(INSTALLED_APPS=apps))
    errors = check_module.check_installed_apps()
    assert error_ids(errors) == ["wagtail_career.E001"]
    assert f"'{app}'" in errors[0].msg
    assert f"Add '{app}' to INSTALLED_APPS" in errors[0].hint


def test_comments_apps_in_the_wrong_order(monkeypatch):
    apps = [a for a in django_settings.INSTALLED_APPS if a != "django_comments_xtd"]
    apps.append("django_comments_xtd")
    monkeypatch.setattr(checks, "settings", SimpleNamespace(INSTALLED_APPS=apps))
    monkeypatch.setattr(comment_checks, "settings", SimpleNamespace(INSTALLED_APPS=apps))
    errors = comment_checks.check_installed_apps()
    assert error_ids(errors) == ["wagtail_career.E002"]
    assert "above 'django_comments'" in errors[0].hint


@pytest.mark.parametrize(
    ("configured", "expected"),
    [
        ({"COMMENTS_APP": "django_comments_xtd"}, ["wagtail_career.E003"]),
        ({"SITE_ID": 1}, ["wagtail_career.E004"]),
        ({"SITE_ID": 1, "COMMENTS_APP": "django_comments"}, ["wagtail_career.E004"]),
        ({}, ["wagtail_career.E003", "wagtail_career.E004"]),
    ],
)
def test_site_id_and_comments_app(monkeypatch, configured, expected):
    monkeypatch.setattr(comment_checks, "settings", SimpleNamespace(**configured))
    assert error_ids(comment_checks.check_sites_and_comments()) == expected


def test_missing_url_include(settings):
    settings.ROOT_URLCONF = "tests.urlconf_missing_include"
    errors = checks.check_url_include()
    assert error_ids(errors) == ["wagtail_career.E005"]
    assert 'path("career/", include("wagtail_career.urls"))' in errors[0].hint


def test_url_include_after_wagtail(settings):
    settings.ROOT_URLCONF = "tests.urlconf_wrong_order"
    errors = checks.check_url_include()
    assert error_ids(errors) == ["wagtail_career.E006"]


def test_url_include_inside_i18n_patterns_is_found():
    assert checks.check_url_include() == []


# The cache checks: the rate-limit alias (W020, E020) and the page cache's alias (E021).

LOCMEM = "django.core.cache.backends.locmem.LocMemCache"
RATE_LIMIT_ALIAS = "wagtail_career_ratelimit"


def _caches(**aliases):
    return {alias: {"BACKEND": backend, "LOCATION": alias} for alias, backend in aliases.items()}


@pytest.mark.parametrize(
    "caches",
    [
        pytest.param(_caches(default=LOCMEM), id="alias-missing"),
        pytest.param(_caches(default=LOCMEM, **{RATE_LIMIT_ALIAS: LOCMEM}), id="alias-locmem"),
    ],
)
def test_w020_without_a_shared_rate_limit_cache_in_production(settings, caches):
    settings.DEBUG = False
    settings.CACHES = caches
    warnings = checks.check_rate_limit_cache()
    assert error_ids(warnings) == ["wagtail_career.W020"]
    assert RATE_LIMIT_ALIAS in warnings[0].msg and "Redis or Memcached" in warnings[0].hint
    # In development a per-process cache is fine.
    settings.DEBUG = True
    assert checks.check_rate_limit_cache() == []


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.redis.RedisCache",
        "django.core.cache.backends.memcached.PyMemcacheCache",
        "django.core.cache.backends.db.DatabaseCache",
    ],
)
def test_no_w020_with_a_shared_rate_limit_cache(settings, backend):
    settings.DEBUG = False
    settings.CACHES = _caches(default=LOCMEM, **{RATE_LIMIT_ALIAS: backend})
    assert checks.check_rate_limit_cache() == []


def test_w020_follows_the_configured_alias(settings):
    settings.DEBUG = False
    settings.WAGTAIL_CAREER_RATE_LIMIT_CACHE_ALIAS = "counters"
    settings.CACHES = _caches(
        default=LOCMEM, counters="django.core.cache.backends.redis.RedisCache"
    )
    assert checks.check_rate_limit_cache() == []
    settings.CACHES = _caches(
        default=LOCMEM, **{RATE_LIMIT_ALIAS: "django.core.cache.backends.redis.RedisCache"}
    )
    assert error_ids(checks.check_rate_limit_cache()) == ["wagtail_career.W020"]


@pytest.mark.parametrize("debug", [True, False])
def test_e020_for_a_dummy_rate_limit_cache(settings, debug):
    settings.DEBUG = debug
    settings.CACHES = _caches(
        default=LOCMEM, **{RATE_LIMIT_ALIAS: "django.core.cache.backends.dummy.DummyCache"}
    )
    errors = checks.check_rate_limit_cache()
    assert error_ids(errors) == ["wagtail_career.E020"]
    assert "DummyCache" in errors[0].msg


def test_e021_for_a_cache_alias_not_in_caches(settings):
    settings.CACHES = _caches(default=LOCMEM, **{RATE_LIMIT_ALIAS: LOCMEM})
    assert checks.check_shared_cache() == []
    settings.WAGTAIL_CAREER_CACHE_ALIAS = "pages"
    errors = checks.check_shared_cache()
    assert error_ids(errors) == ["wagtail_career.E021"]
    assert "'pages'" in errors[0].msg
    settings.CACHES = _caches(default=LOCMEM, pages=LOCMEM)
    assert checks.check_shared_cache() == []


# The comment feature's checks are registered by its app, only when it is installed.

COMMENT_CHECK_IDS = {
    "wagtail_career.E002",
    "wagtail_career.E003",
    "wagtail_career.E004",
    "wagtail_career.W001",
}


def test_the_comment_checks_are_registered_with_the_comments_app(settings, monkeypatch):
    from django.core.checks import registry, run_checks

    registered = registry.registry.get_checks()
    for check in (
        comment_checks.check_installed_apps,
        comment_checks.check_sites_and_comments,
        comment_checks.check_comments_xtd_urls_not_included,
    ):
        assert check in registered
    # The test project is set up right: none of them fires.
    assert not COMMENT_CHECK_IDS & {message.id for message in run_checks()}

    # Break each setup step they guard: run_checks() (every registered check) reports them.
    apps = [a for a in django_settings.INSTALLED_APPS if a != "django_comments_xtd"]
    apps.append("django_comments_xtd")
    monkeypatch.setattr(
        comment_checks,
        "settings",
        SimpleNamespace(INSTALLED_APPS=apps, COMMENTS_APP="django_comments"),  # no SITE_ID
    )
    settings.ROOT_URLCONF = "tests.urls_with_xtd"
    ids = {message.id for message in run_checks()}
    assert ids >= COMMENT_CHECK_IDS


def test_the_core_only_site_has_none_of_the_comment_checks(tmp_path):
    """Without wagtail_career.comments (and with no SITE_ID, COMMENTS_APP nor xtd), no
    comment check is registered, so none of their ids can appear."""
    import os
    import subprocess
    import sys

    script = (
        "import django; django.setup()\n"
        "from django.core.checks import registry, run_checks\n"
        "print('MODULES', sorted({c.__module__ for c in registry.registry.get_checks()"
        " if c.__module__.startswith('wagtail_career')}))\n"
        "print('IDS', sorted({m.id for m in run_checks()}))\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.core_only.settings",
        "CORE_ONLY_DB": str(tmp_path / "core.sqlite3"),
        "PYTHONPATH": os.getcwd(),
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    modules = next(line for line in result.stdout.splitlines() if line.startswith("MODULES"))
    ids = next(line for line in result.stdout.splitlines() if line.startswith("IDS"))
    assert "wagtail_career.checks" in modules  # the core's checks are there
    assert "wagtail_career.comments" not in modules
    for check_id in COMMENT_CHECK_IDS:
        assert check_id not in ids
