"""The site's sitemap, cached, in files of ``WAGTAIL_CAREER_SITEMAP_LIMIT`` pages.

Wagtail's sitemap (``wagtail.contrib.sitemaps``: every live, public page of the request's
site, each by its own ``get_sitemap_urls``, through Django's sitemap view), with four
differences that matter at thousands of pages:

- a file's pages come in the queries of Wagtail's (one per page model, no StreamField
  column), their translations in one more per page model (``prefetch_translations``), not
  one per page;
- a file is written with ``SimplerXMLGenerator`` (``UrlsetTemplate``: the elements of
  Django's ``sitemap.xml`` template, which is not read), about 15 times faster at 10,000 URLs;
- the response is kept in the package's cache (``WAGTAIL_CAREER_CACHE_ALIAS``) until a page
  is published, unpublished, moved or deleted or a view restriction changes (the ``SITEMAP``
  dependency, purged by ``purges.tree_changed``), or until a page model's
  ``sitemap_dependencies()`` expire (a job offer's closing);
- past ``WAGTAIL_CAREER_SITEMAP_LIMIT`` pages, ``/sitemap.xml`` is a sitemap index (Django's
  template) of ``sitemap-pages.xml``, ``sitemap-pages.xml?p=2``…

Routes (``sitemap`` replaces Wagtail's view of the same name)::

    from wagtail_career.sitemaps import sitemap, sitemap_section

    path("sitemap.xml", sitemap),
    path("sitemap-<section>.xml", sitemap_section, name="wagtail_career_sitemap"),
"""

import datetime
import io

from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.xmlutils import SimplerXMLGenerator
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import get_page_models

from .cache import SITEMAP, serve_cached
from .conf import get_setting
from .languages import prefetch_translations

SECTION = "pages"
SECTION_URL_NAME = "wagtail_career_sitemap"
# The only query parameter of a sitemap: the file (Django's sitemap view reads it).
PAGE_PARAM = "p"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def _day(moment):
    """A ``lastmod`` as Django's template writes it: the day, in the current time zone."""
    if isinstance(moment, datetime.datetime) and timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.strftime("%Y-%m-%d")


class UrlsetTemplate:
    """Django's ``sitemap.xml`` template, written with ``SimplerXMLGenerator`` (as Django's
    feeds are): the same elements, without a template node per URL, which is most of a
    10,000-URL file's time. Given to Django's sitemap view as its template."""

    def render(self, context=None, request=None):
        output = io.StringIO()
        xml = SimplerXMLGenerator(output, "utf-8", short_empty_elements=True)
        xml.startDocument()
        xml.startElement("urlset", {"xmlns": SITEMAP_NS, "xmlns:xhtml": XHTML_NS})
        for url in context["urlset"]:
            xml.startElement("url", {})
            xml.addQuickElement("loc", url["location"])
            if url.get("lastmod"):
                xml.addQuickElement("lastmod", _day(url["lastmod"]))
            for name in ("changefreq", "priority"):
                if url.get(name):
                    xml.addQuickElement(name, str(url[name]))
            for alternate in url.get("alternates") or ():
                link = {"rel": "alternate", "hreflang": alternate["lang_code"]}
                xml.addQuickElement("xhtml:link", attrs={**link, "href": alternate["location"]})
            xml.endElement("url")
        xml.endElement("urlset")
        xml.endDocument()
        return output.getvalue()


URLSET_TEMPLATE = UrlsetTemplate()


class CareerSitemap(Sitemap):
    """Wagtail's sitemap of the request's site, in files of ``WAGTAIL_CAREER_SITEMAP_LIMIT``
    pages, the translations of a file's pages read at once."""

    @property
    def limit(self):
        return get_setting("SITEMAP_LIMIT")

    def get_latest_lastmod(self):
        """The sitemap index's ``lastmod``: one aggregate (Django's default loads every
        page)."""
        latest = Coalesce("last_published_at", "latest_revision_created_at")
        return self.items().aggregate(latest=Max(latest))["latest"]

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        prefetch_translations(pages)
        urls = [url for item in pages for url in item.get_sitemap_urls(self.request)]
        lastmods = {url.get("lastmod") for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def sitemap_dependencies():
    """What every sitemap is built on: the pages' tree, and what each page model adds."""
    dependencies = {SITEMAP}
    for model in get_page_models():
        if hasattr(model, "sitemap_dependencies"):
            dependencies.update(model.sitemap_dependencies())
    return sorted(dependency for dependency in dependencies if dependency)


def _cached(request, render):
    """``render()``'s response, from the package's cache for a GET with no query parameter
    but the file's (anything else would only crowd the cache out)."""
    if request.method != "GET" or set(request.GET) - {PAGE_PARAM}:
        return render()
    return serve_cached(request, sitemap_dependencies, render, kind="sitemap")


@sitemap_views.x_robots_tag
def _index(request, pages):
    """Django's sitemap index of ``pages``' files, on the Wagtail site's root URL (Django's
    index view would use django.contrib.sites' domain)."""
    location = pages.get_wagtail_site().root_url + reverse(
        SECTION_URL_NAME, kwargs={"section": SECTION}
    )
    lastmod = pages.get_latest_lastmod()
    files = [
        sitemap_views.SitemapIndexItem(
            location if number == 1 else f"{location}?{PAGE_PARAM}={number}", lastmod
        )
        for number in pages.paginator.page_range
    ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": files}, content_type="application/xml"
    )


def sitemap(request):
    """``/sitemap.xml``: the site's pages while they fit in one file, else the sitemap
    index of their files (each served by :func:`sitemap_section`)."""

    def render():
        pages = CareerSitemap(request)
        if pages.paginator.num_pages > 1:
            return _index(request, pages)
        return sitemap_views.sitemap(request, {SECTION: pages}, template_name=URLSET_TEMPLATE)

    return _cached(request, render)


def sitemap_section(request, section):
    """One file of the site's sitemap: ``?p=2`` and on for the next ones."""
    return _cached(
        request,
        lambda: sitemap_views.sitemap(
            request,
            {SECTION: CareerSitemap(request)},
            section=section,
            template_name=URLSET_TEMPLATE,
        ),
    )
