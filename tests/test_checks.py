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
