"""The package's sitemap (``wagtail_career.sitemaps``) at size: a fixed number of queries
whatever the number of pages, no StreamField column read, kept in the cache and purged with
the pages, split into a sitemap index and files past ``WAGTAIL_CAREER_SITEMAP_LIMIT``, and
the same entries as Wagtail's own view."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale, PageViewRestriction

from tests.clock import later

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
BASE = "http://localhost"
I18N = getattr(django_settings, "WAGTAIL_I18N_ENABLED", False)


def english():
    return Locale.objects.get_or_create(language_code="en")[0]


def translate(page, slug):
    translation = page.copy_for_translation(english(), copy_parents=True)
    translation.slug = slug
    translation.save_revision().publish()
    return translation


@pytest.fixture
def make_articles(make_article, career_index):
    """``count`` more articles (with their English translations on the bilingual site)."""
    if I18N:
        translate(career_index, "career")

    def make(count):
        for _ in range(count):
            article = make_article(body=[("heading", "Corps")])
            if I18N:
                translate(article, f"{article.slug}-en")

    return make


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response


def entries(xml):
    """``{loc: {hreflang: href}}`` of a urlset (parsed: it must be well-formed)."""
    root = ET.fromstring(xml)
    assert root.tag == f"{{{NS['s']}}}urlset"
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def sitemap_sql(client):
    with CaptureQueriesContext(connection) as queries:
        get(client, "/sitemap.xml")
    return [query["sql"] for query in queries]


def test_the_queries_are_the_same_at_5_and_20_articles_and_read_no_body(client, make_articles):
    make_articles(5)
    get(client, "/sitemap.xml")  # django.contrib.sites' Site, read once per process
    cache.clear()
    small = sitemap_sql(client)
    make_articles(15)
    cache.clear()
    large = sitemap_sql(client)
    assert len(entries(get(client, "/sitemap.xml").content)) >= 20
    assert len(small) == len(large)
    assert not [sql for sql in large if '"body"' in sql]


def lastmods(xml):
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in ET.fromstring(xml).findall("s:url", NS)
    }


def test_the_entries_are_wagtail_sitemaps(client, rf, make_articles):
    make_articles(3)
    ours = get(client, "/sitemap.xml").content
    wagtails = wagtail_sitemap(rf.get("/sitemap.xml"))
    wagtails.render()
    assert entries(ours) == entries(wagtails.content)
    assert lastmods(ours) == lastmods(wagtails.content)
    assert lastmods(ours)[BASE + "/carriere/"]  # dated (the home page never was published)


@pytest.mark.skipif(not I18N, reason="bilingual site only: run with --ds=tests.settings_i18n")
def test_translations_keep_their_alternates(client, make_articles):
    make_articles(2)
    found = entries(get(client, "/sitemap.xml").content)
    english_entries = [loc for loc in found if loc.startswith(BASE + "/en/career/")]
    assert len(english_entries) == 3  # the index and both articles, outside the site's tree
    for loc in english_entries:
        assert set(found[loc]) == {"fr", "en", "x-default"}


def test_the_second_request_is_served_from_the_cache(client, make_articles):
    make_articles(3)
    first = get(client, "/sitemap.xml")
    with CaptureQueriesContext(connection) as queries:
        second = get(client, "/sitemap.xml")
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["X-Robots-Tag"] == "noindex, noodp, noarchive"


def test_publishing_unpublishing_and_restricting_purge_it(client, make_article):
    first = make_article(slug="premier")
    assert BASE + first.url in entries(get(client, "/sitemap.xml").content)
    second = make_article(slug="second")
    assert BASE + second.url in entries(get(client, "/sitemap.xml").content)
    second.unpublish()
    assert BASE + second.url not in entries(get(client, "/sitemap.xml").content)
    restriction = PageViewRestriction.objects.create(
        page=first, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Lecteurs")])
    assert BASE + first.url not in entries(get(client, "/sitemap.xml").content)
    restriction.delete()
    assert BASE + first.url in entries(get(client, "/sitemap.xml").content)


def test_restricted_pages_and_their_children_are_left_out(client, home, career_index, make_article):
    below = make_article(slug="dessous")
    PageViewRestriction.objects.create(
        page=career_index, restriction_type=PageViewRestriction.LOGIN
    )
    found = entries(get(client, "/sitemap.xml").content)
    assert BASE + career_index.url not in found
    assert BASE + below.url not in found
    assert BASE + home.url in found


def test_past_the_limit_an_index_of_valid_files(client, settings, make_articles):
    make_articles(6)
    everything = entries(get(client, "/sitemap.xml").content)
    settings.WAGTAIL_CAREER_SITEMAP_LIMIT = 3
    cache.clear()  # a file cached under another limit lasts until its timeout
    root = ET.fromstring(get(client, "/sitemap.xml").content)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    files = [loc.text for loc in root.findall("s:sitemap/s:loc", NS)]
    # The site's tree: home, index and 6 articles (the English ones are their translations').
    assert files == [
        f"{BASE}/sitemap-pages.xml",
        *(f"{BASE}/sitemap-pages.xml?p={n}" for n in (2, 3)),
    ]
    found = {}
    for location in files:
        part = entries(get(client, location.removeprefix(BASE)).content)
        assert not set(part) & set(found)
        found.update(part)
    assert found == everything
    assert client.get("/sitemap-pages.xml?p=4").status_code == 404
    assert client.get("/sitemap-other.xml").status_code == 404


def test_a_cached_sitemap_drops_an_offer_at_its_closing_second(client, settings, make_offer):
    # Time is moved by hand: the cache must be one whose expiry reads time.time().
    settings.CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ("default", "wagtail_career_ratelimit")
    }
    offer = make_offer(valid_through=timezone.now() + timedelta(seconds=60))
    assert offer.full_url in entries(get(client, "/sitemap.xml").content)
    with later(50), CaptureQueriesContext(connection) as queries:
        assert offer.full_url in entries(get(client, "/sitemap.xml").content)
    assert len(queries) == 0  # still the cached file
    with later(61):
        assert offer.full_url not in entries(get(client, "/sitemap.xml").content)
