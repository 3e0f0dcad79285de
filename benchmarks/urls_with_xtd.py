"""The bench's routes plus django-comments-xtd's own, which its stock comment tree links to
(the package itself never includes them)."""

from django.urls import include, path

from benchmarks.urls import urlpatterns as bench_urlpatterns

urlpatterns = [path("comments/", include("django_comments_xtd.urls")), *bench_urlpatterns]
