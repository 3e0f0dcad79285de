"""The package's public endpoints, under one include placed before Wagtail's own::

    path("career/", include("wagtail_career.urls")),
"""

app_name = "wagtail_career"

urlpatterns = []
