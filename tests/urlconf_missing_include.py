"""A root URLconf that forgot the career include (for the system check tests)."""

from django.urls import include, path

urlpatterns = [path("", include("wagtail.urls"))]
