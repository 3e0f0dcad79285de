"""System checks that turn a missing setup step into a clear message at start-up.

Each message says what to change; ids are stable so a site can silence one on purpose.
"""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.urls import URLResolver, get_resolver

# Apps the package needs, in the order INSTALLED_APPS must list them when order matters.
REQUIRED_APPS = [
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail_modeladmin",
    "wagtail.snippets",
    "wagtail.images",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.sites",
    "django_comments_xtd",
    "django_comments",
    "rest_framework",
]


@register(Tags.compatibility)
def check_installed_apps(app_configs=None, **kwargs):
    installed = list(settings.INSTALLED_APPS)
    errors = [
        Error(
            f"'{app}' is missing from INSTALLED_APPS.",
            hint=f"Add '{app}' to INSTALLED_APPS; wagtail-career needs it.",
            id="wagtail_career.E001",
        )
        for app in REQUIRED_APPS
        if app not in installed
    ]
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


def _includes_in_order(resolver, found):
    """Append the module names of every URLconf included under ``resolver``, depth first."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            module = pattern.urlconf_name
            found.append(module if isinstance(module, str) else getattr(module, "__name__", ""))
            _includes_in_order(pattern, found)
    return found


@register(Tags.urls)
def check_url_include(app_configs=None, **kwargs):
    includes = _includes_in_order(get_resolver(), [])
    if "wagtail_career.urls" not in includes:
        return [
            Error(
                "wagtail_career.urls is not included in the root URLconf.",
                hint='Add path("career/", include("wagtail_career.urls")) to your urlpatterns, '
                "before Wagtail's own include.",
                id="wagtail_career.E005",
            )
        ]
    if "wagtail.urls" in includes and includes.index("wagtail.urls") < includes.index(
        "wagtail_career.urls"
    ):
        return [
            Error(
                "wagtail_career.urls is included after wagtail.urls, whose catch-all pattern "
                "hides it.",
                hint='Move path("career/", include("wagtail_career.urls")) above '
                'path("", include(wagtail_urls)).',
                id="wagtail_career.E006",
            )
        ]
    return []


@register(Tags.urls, Tags.security)
def check_comments_xtd_urls_not_included(app_configs=None, **kwargs):
    if "django_comments_xtd.urls" in _includes_in_order(get_resolver(), []):
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


@register(Tags.caches)
def check_rate_limit_cache(app_configs=None, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend.endswith("DummyCache"):
        return [
            Error(
                "The default cache is DummyCache, so the newsletter signup rate limit "
                "counts nothing.",
                hint="Use a real cache (Redis or Memcached, shared by every worker) as "
                "CACHES['default'].",
                id="wagtail_career.E020",
            )
        ]
    return []
