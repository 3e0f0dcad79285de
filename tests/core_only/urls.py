from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [
    path("career/", include("wagtail_career.urls")),
    path("", include(wagtail_urls)),
]
