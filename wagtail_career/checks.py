"""System checks that turn a missing setup step into a clear message at start-up.

Each message says what to change; ids are stable so a site can silence one on purpose.
"""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.urls import URLResolver, get_resolver

from .conf import get_setting

# Apps the core needs; each feature app checks its own (see its checks.py).
REQUIRED_APPS = [
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.snippets",
    "wagtail.images",
    "wagtail",
    "modelcluster",
    "taggit",
]


def missing_apps(required, check_id, feature="wagtail-career"):
    """An error for each app of ``required`` missing from ``INSTALLED_APPS``."""
    installed = set(settings.INSTALLED_APPS)
    return [
        Error(
            f"'{app}' is missing from INSTALLED_APPS.",
            hint=f"Add '{app}' to INSTALLED_APPS; {feature} needs it.",
            id=check_id,
        )
        for app in required
        if app not in installed
    ]


@register(Tags.compatibility)
def check_installed_apps(app_configs=None, **kwargs):
    return missing_apps(REQUIRED_APPS, "wagtail_career.E001")


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


def includes(module_name):
    """Whether the root URLconf includes ``module_name`` (at any depth)."""
    return module_name in _includes_in_order(get_resolver(), [])


@register(Tags.caches)
def check_rate_limit_cache(app_configs=None, **kwargs):
    alias = get_setting("RATE_LIMIT_CACHE_ALIAS")
    backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
    if backend.endswith("DummyCache"):
        return [
            Error(
                f"The rate-limit cache ({alias!r}) is DummyCache, so rate limits count nothing.",
                hint=f"Use a real cache (Redis or Memcached, shared by every worker) as "
                f"CACHES[{alias!r}].",
                id="wagtail_career.E020",
            )
        ]
    if not settings.DEBUG and (not backend or backend.endswith("LocMemCache")):
        return [
            Warning(
                f"Rate limits are counted per process: CACHES has no shared {alias!r} cache.",
                hint=f"In production, define CACHES[{alias!r}] on Redis or Memcached (its own "
                "alias, so that cached pages can never evict the counters).",
                id="wagtail_career.W020",
            )
        ]
    return []


@register(Tags.caches)
def check_shared_cache(app_configs=None, **kwargs):
    alias = get_setting("CACHE_ALIAS")
    if alias not in settings.CACHES:
        return [
            Error(
                f"WAGTAIL_CAREER_CACHE_ALIAS is {alias!r}, which CACHES does not define.",
                hint="Define that cache, or set WAGTAIL_CAREER_CACHE_ALIAS to one of CACHES.",
                id="wagtail_career.E021",
            )
        ]
    return []
