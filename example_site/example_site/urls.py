from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_career.sitemaps import sitemap, sitemap_section

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("sitemap-<section>.xml", sitemap_section, name="wagtail_career_sitemap"),
    # Browsers that ignore <link rel="icon"> ask for /favicon.ico: no 404 on a first visit.
    # Lazy and temporary: in production the file's hashed name comes from collectstatic's
    # manifest (unknown when the URLconf is imported) and changes with the file.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("img/favicon.svg"))),
]

# French at /, English at /en/: the career include goes before Wagtail's own (README).
urlpatterns += i18n_patterns(
    path("accounts/", include("django.contrib.auth.urls")),
    path("career/", include("wagtail_career.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = (
        staticfiles_urlpatterns()
        + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
        + urlpatterns
    )
