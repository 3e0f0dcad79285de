from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_career.sitemaps import sitemap, sitemap_section

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("django.contrib.auth.urls")),
    path("sitemap.xml", sitemap),
    path("sitemap-<section>.xml", sitemap_section, name="wagtail_career_sitemap"),
] + i18n_patterns(
    path("career/", include("wagtail_career.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
