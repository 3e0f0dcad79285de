"""A URLconf that (wrongly) includes django_comments_xtd.urls, for the system check test."""

from django.urls import include, path

from tests.urls import urlpatterns as base

urlpatterns = [path("comments/", include("django_comments_xtd.urls")), *base]
