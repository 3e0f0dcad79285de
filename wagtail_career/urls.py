"""The package's public endpoints, under one include placed before Wagtail's own::

    path("career/", include("wagtail_career.urls")),

The core has no endpoint of its own: each installed feature adds its patterns through the
``parts.URLS_HOOK`` hook (comment posting, newsletter signup…).
"""

from .parts import feature_urls

app_name = "wagtail_career"

urlpatterns = feature_urls()
