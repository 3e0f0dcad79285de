"""A root URLconf with the career include after Wagtail's catch-all (for the check tests)."""

from django.urls import include, path

urlpatterns = [
    path("", include("wagtail.urls")),
    path("career/", include("wagtail_career.urls")),
]
