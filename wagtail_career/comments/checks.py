"""The comment feature's system checks: what django-comments-xtd needs, in order."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from ..checks import includes, missing_apps

REQUIRED_APPS = [
    "wagtail_modeladmin",
    "django.contrib.sites",
    "django_comments_xtd",
    "django_comments",
    "rest_framework",
]


@register(Tags.compatibility)
def check_installed_apps(app_configs=None, **kwargs):
    errors = missing_apps(REQUIRED_APPS, "wagtail_career.E001", "wagtail_career.comments")
    installed = list(settings.INSTALLED_APPS)
    if {"django_comments_xtd", "django_comments"} <= set(installed) and installed.index(
        "django_comments_xtd"
    ) > installed.index("django_comments"):
        errors.append(
            Error(
                "'django_comments_xtd' is listed after 'django_comments' in INSTALLED_APPS.",
                hint="Move 'django_comments_xtd' above 'django_comments' so its templates "
                "and models take precedence.",
                id="wagtail_career.E002",
            )
        )
    return errors


@register(Tags.compatibility)
def check_sites_and_comments(app_configs=None, **kwargs):
    errors = []
    if getattr(settings, "SITE_ID", None) is None:
        errors.append(
            Error(
                "SITE_ID is not set.",
                hint="Set SITE_ID = 1 in your settings (django.contrib.sites needs it for "
                "comments).",
                id="wagtail_career.E003",
            )
        )
    if getattr(settings, "COMMENTS_APP", None) != "django_comments_xtd":
        errors.append(
            Error(
                "COMMENTS_APP is not 'django_comments_xtd'.",
                hint='Set COMMENTS_APP = "django_comments_xtd" in your settings.',
                id="wagtail_career.E004",
            )
        )
    return errors


@register(Tags.urls, Tags.security)
def check_comments_xtd_urls_not_included(app_configs=None, **kwargs):
    if includes("django_comments_xtd.urls"):
        return [
            Warning(
                "django_comments_xtd.urls is included in the root URLconf.",
                hint="Remove it: its REST API accepts anonymous comments without CSRF and "
                "bypasses the career comment policy. wagtail_career.urls has the comment "
                "endpoints the package needs.",
                id="wagtail_career.W001",
            )
        ]
    return []
