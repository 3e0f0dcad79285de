"""The jobs listing (filters, search, pagination), its RSS/Atom feeds, the employers'
profiles, their head and sitemap entry, and what the page cache keeps of them."""

import re
import time
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from urllib.parse import urlencode

import feedparser
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from tests import frontend_cache_backend
from tests.pages import JobOfferPage
from wagtail_career.cache import STATUS_HEADER
from wagtail_career.jobs import views

PAGE_CACHE = "wagtail_career.cache.CareerPageCacheMiddleware"
TITLE = re.compile(r'class="career-job-card__title"><a href="[^"]*">(.*?)</a>')
ATOM = "{http://www.w3.org/2005/Atom}"


def posted(day):
    return timezone.make_aware(datetime(2026, 1, day, 9, 0))


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return TITLE.findall(response.content.decode())


def listing(client, **params):
    return titles(client, "/en/emplois/?" + urlencode(params))


@pytest.fixture
def employers(make_employer):
    return {
        "acme": make_employer("Acme & Cie", slug="acme", careers_url="https://acme.example/jobs"),
        "boreal": make_employer("Boréal", slug="boreal"),
        "idle": make_employer("Sans offre", slug="sans-offre", description="Une PME."),
    }


@pytest.fixture
def offers(make_offer, employers):
    """Three open offers of two employers, in three cities, types and workplaces."""
    acme, boreal = employers["acme"], employers["boreal"]
    return {
        "python": make_offer(
            title="Développeuse Python",
            employer=acme,
            city="Montréal",
            region="QC",
            employment_type="FULL_TIME",
            workplace="hybrid",
            date_posted=posted(20),
            salary_min=60000,
            salary_max=70000,
        ),
        "comptable": make_offer(
            title="Comptable",
            employer=boreal,
            city="Québec",
            region="QC",
            employment_type="PART_TIME",
            workplace="on_site",
            date_posted=posted(10),
        ),
        "infirmiere": make_offer(
            title="Infirmière de nuit",
            employer=acme,
            city="Toronto",
            region="ON",
            employment_type="CONTRACTOR",
            workplace="remote",
            date_posted=posted(5),
        ),
    }


# --- Listing ------------------------------------------------------------------------------


def test_listing_shows_open_offers_newest_first_with_their_facts(client, offers):
    assert listing(client) == ["Développeuse Python", "Comptable", "Infirmière de nuit"]
    html = client.get("/en/emplois/").content.decode()
    assert "3 job offers" in html
    card = html[html.index("Développeuse Python") :]
    card = card[: card.index("</article>")]
    assert "Acme &amp; Cie" in card
    assert 'class="career-job-card__logo"' in card and ".max-160x80." in card
    assert "Montréal, QC" in card
    assert "Hybrid" in card and "Full time" in card
    assert "$60,000–$70,000 a year" in card
    assert '<time datetime="2026-01-20">' in card


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"employer": "acme"}, ["python", "infirmiere"]),
        ({"employer": "boreal"}, ["comptable"]),
        ({"region": "QC"}, ["python", "comptable"]),
        ({"city": "Toronto"}, ["infirmiere"]),
        ({"type": "PART_TIME"}, ["comptable"]),
        ({"workplace": "remote"}, ["infirmiere"]),
        ({"employer": "acme", "region": "QC"}, ["python"]),
        ({"employer": "acme", "type": "CONTRACTOR", "workplace": "remote"}, ["infirmiere"]),
        ({"employer": "boreal", "city": "Toronto"}, []),
        ({"region": "QC", "workplace": "on_site"}, ["comptable"]),
        ({"q": "Python"}, ["python"]),
        ({"q": "Comptable", "region": "ON"}, []),
        ({"q": "nuit", "employer": "acme"}, ["infirmiere"]),
        ({"q": "Boréal"}, ["comptable"]),  # the employer's name is indexed with the offer
        # Bad values match nothing.
        ({"employer": "inconnu"}, []),
        ({"employer": "sans-offre"}, []),
        ({"type": "FOREVER"}, []),
        ({"workplace": "moon"}, []),
        ({"city": "x" * 5000}, []),
        ({"region": "Q\x00C"}, []),
        ({"q": "Python", "type": "FOREVER"}, []),
        ({"q": "Python", "employer": "inconnu", "city": "\x00"}, []),
        # Empty values are no filter.
        ({"employer": "", "region": " ", "type": ""}, ["python", "comptable", "infirmiere"]),
    ],
)
def test_filters_combine_and_match_exactly(client, offers, params, expected):
    assert listing(client, **params) == [offers[key].title for key in expected]


def test_an_empty_result_says_so(client, offers):
    html = client.get("/en/emplois/?employer=acme&type=PART_TIME").content.decode()
    assert "0 job offers" in html
    assert "No job offer matches these criteria." in html
    html = client.get("/en/emplois/?q=introuvable").content.decode()
    assert "0 job offers for “introuvable”" in html


def test_no_open_offer_says_so(client, job_index):
    html = client.get("/en/emplois/").content.decode()
    assert "No open positions at the moment." in html


def test_filter_form_offers_the_values_of_open_offers(client, offers, employers, make_offer):
    closed = make_offer(title="Fermée", employer=employers["idle"], city="Gatineau", region="QC")
    JobOfferPage.objects.filter(pk=closed.pk).update(valid_through=timezone.now())
    html = client.get("/en/emplois/?region=QC").content.decode()

    def options(name):
        select = re.search(
            rf'<select id="career-jobs-{name}" name="{name}">(.*?)</select>', html, re.S
        )
        assert select, name
        assert f'<label for="career-jobs-{name}">' in html
        return re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select[1])

    assert options("employer") == [
        ("", "", "All employers"),
        ("acme", "", "Acme &amp; Cie"),
        ("boreal", "", "Boréal"),
    ]
    assert options("region") == [
        ("", "", "All regions"),
        ("ON", "", "ON"),
        ("QC", " selected", "QC"),
    ]
    assert [value for value, _s, _l in options("city")] == ["", "Montréal", "Québec", "Toronto"]
    assert options("type") == [
        ("", "", "All types"),
        ("FULL_TIME", "", "Full time"),
        ("PART_TIME", "", "Part time"),
        ("CONTRACTOR", "", "Contract"),
    ]
    assert [value for value, _s, _l in options("workplace")] == ["", "on_site", "hybrid", "remote"]
    assert '<label for="career-jobs-q">' in html
    assert (
        '<form class="career-job-filters" role="search" method="get" action="/en/emplois/"' in html
    )
    assert '<a href="/en/emplois/">Reset filters</a>' in html


def test_filters_are_kept_in_the_page_links(client, settings, make_offer, employers):
    settings.WAGTAIL_CAREER_PAGE_SIZE = 2
    for day in range(1, 6):
        make_offer(title=f"Acme {day}", employer=employers["acme"], date_posted=posted(day))
    make_offer(title="Boréal 1", employer=employers["boreal"], date_posted=posted(9))
    html = client.get("/en/emplois/?employer=acme&type=FULL_TIME&utm_source=x").content.decode()
    assert "5 job offers" in html
    assert 'href="?employer=acme&amp;type=FULL_TIME&amp;page=2"' in html
    assert 'href="?employer=acme&amp;type=FULL_TIME&amp;page=3"' in html
    assert "utm_source" not in html.split('class="career-pagination"')[1]
    assert listing(client, employer="acme", type="FULL_TIME", page=2) == ["Acme 3", "Acme 2"]
    assert listing(client, employer="acme", type="FULL_TIME", page=3) == ["Acme 1"]

    html = client.get("/en/emplois/?q=Acme&region=QC&page=2").content.decode()
    assert 'href="?region=QC&amp;q=Acme&amp;page=1"' in html


def test_closed_draft_private_offers_are_not_listed(client, make_offer, employers):
    make_offer(title="Ouverte", date_posted=posted(1))
    make_offer(title="Ferme bientôt", valid_through=timezone.now() + timedelta(days=1))
    closed = make_offer(title="Fermée", employer=employers["acme"])
    make_offer(title="Brouillon", publish=False)
    private = make_offer(title="Privée")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert listing(client, employer="acme") == ["Fermée"]
    # Closed a second ago, and not yet unpublished by Wagtail's scheduler: gone already.
    JobOfferPage.objects.filter(pk=closed.pk).update(
        valid_through=timezone.now() - timedelta(seconds=1)
    )
    assert sorted(listing(client)) == ["Ferme bientôt", "Ouverte"]
    assert listing(client, employer="acme") == []


def test_offer_titles_and_employer_names_are_escaped(client, make_offer, make_employer):
    employer = make_employer('<img src=x onerror="alert(1)">', slug="xss")
    make_offer(title='<script>alert("titre")</script>', employer=employer, city="<b>Ville</b>")
    html = client.get("/en/emplois/").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Ville" not in html
    assert "&lt;script&gt;alert(&quot;titre&quot;)&lt;/script&gt;" in html
    html = client.get("/en/emplois/employers/xss/").content.decode()
    assert "<img src=x" not in html and "<script>alert" not in html


BAD_VALUES = ["\x00", "x" * 5000, "<script>alert(1)</script>", "émploi 日本 🚀", "%", "' OR 1=1 --"]


@pytest.mark.parametrize("param", ["q", "page", *views.QUERY_PARAMS])
def test_bad_input_never_fails(client, offers, param):
    for value in BAD_VALUES:
        response = client.get("/emplois/", {param: value, "employer": "acme"})
        assert response.status_code == 200, (param, value)
        assert "<script>alert(1)" not in response.content.decode()
    for slug in ["é" * 300, "x" * 5000, "inconnu"]:
        assert client.get(f"/emplois/employers/{slug}/").status_code == 404
        assert client.get(f"/emplois/employers/{slug}/feed/rss/").status_code == 404


# --- Query counts ---------------------------------------------------------------------------


def queries(client, url):
    """Queries of one GET of ``url`` once renditions and site caches are made, and the
    number of offers it shows."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    shown = len(TITLE.findall(content)) + content.count("<item>") + content.count("<entry>")
    return len(captured), shown


ROUTES = [
    "/emplois/",
    "/emplois/?employer=acme&region=QC&type=FULL_TIME&workplace=hybrid",
    "/emplois/?city=Montréal&page=1",
    "/emplois/?q=Offre",
    "/emplois/?q=Offre&employer=acme&region=QC",
    "/emplois/employers/acme/",
    "/emplois/feed/rss/",
    "/emplois/employers/acme/feed/atom/",
]


@pytest.mark.parametrize("url", ROUTES)
def test_queries_do_not_grow_with_offers(client, settings, make_offer, employers, url):
    settings.WAGTAIL_CAREER_PAGE_SIZE = 20
    cities = ["Montréal", "Québec", "Laval", "Toronto", "Gatineau"]

    def add(count, start):
        for number in range(start, start + count):
            make_offer(
                title=f"Offre {number}",
                employer=employers["acme"] if number % 2 else None,  # else a new employer
                city=cities[number % len(cities)],
                region="QC" if number % 3 else "ON",
                workplace=["on_site", "hybrid", "remote"][number % 3],
                tags=[f"tag{number}"],
            )

    add(3, 0)
    small, shown_small = queries(client, url)
    add(12, 3)
    large, shown_large = queries(client, url)
    assert 0 < shown_small < shown_large
    assert large == small


# --- Feeds ------------------------------------------------------------------------------


KINDS = [("rss", "application/rss+xml"), ("atom", "application/atom+xml")]


def feed_titles(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    root = ET.fromstring(response.content)  # well-formed XML
    if root.tag == "rss":
        return [item.findtext("title") for item in root.iter("item")], root
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")], root


@pytest.mark.parametrize("kind, content_type", KINDS)
def test_feeds_list_exactly_the_open_offers(client, offers, make_offer, kind, content_type):
    closed = make_offer(title="Fermée", employer=offers["python"].employer)
    JobOfferPage.objects.filter(pk=closed.pk).update(valid_through=timezone.now())
    make_offer(title="Brouillon", employer=offers["python"].employer, publish=False)

    found, _root = feed_titles(client, f"/emplois/feed/{kind}/", content_type)
    assert found == ["Développeuse Python", "Comptable", "Infirmière de nuit"]
    found, _root = feed_titles(client, f"/emplois/employers/acme/feed/{kind}/", content_type)
    assert found == ["Développeuse Python", "Infirmière de nuit"]
    found, _root = feed_titles(client, f"/emplois/employers/sans-offre/feed/{kind}/", content_type)
    assert found == []
    assert client.get(f"/emplois/employers/inconnu/feed/{kind}/").status_code == 404


@pytest.mark.parametrize("kind, content_type", KINDS)
def test_feed_items_are_plain_escaped_summaries(
    client, make_offer, make_employer, kind, content_type
):
    employer = make_employer("Acme <b>&</b>", slug="acme")
    make_offer(
        title="Dev <script>\x0b", employer=employer, city="Laval", region="QC", tags=["Python"]
    )
    response = client.get(f"/emplois/employers/acme/feed/{kind}/")
    ET.fromstring(response.content)
    assert b"<script>" not in response.content and b"<b>" not in response.content
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Offres d’emploi chez Acme <b>&</b> — Emplois"
    assert feed.feed.link == "http://localhost/emplois/employers/acme/"
    entry = feed.entries[0]
    assert entry.title == "Dev <script>"
    assert entry.link.startswith("http://localhost/emplois/offre-")
    # Readers render the description as HTML: its markup-looking text stays text.
    assert entry.summary == "Acme &lt;b&gt;&amp;&lt;/b&gt; · Laval, QC · Sur place · Temps plein"
    assert [tag.term for tag in entry.tags] == ["Python"]


def test_feed_size_is_a_setting(client, settings, offers):
    settings.WAGTAIL_CAREER_FEED_SIZE = 2
    found, _root = feed_titles(client, "/emplois/feed/rss/", "application/rss+xml")
    assert found == ["Développeuse Python", "Comptable"]


# --- Employer profile -------------------------------------------------------------------


def test_profile_lists_exactly_the_employers_open_offers(client, offers, make_offer, employers):
    closed = make_offer(title="Fermée", employer=employers["acme"])
    JobOfferPage.objects.filter(pk=closed.pk).update(valid_through=timezone.now())
    response = client.get("/en/emplois/employers/acme/")
    assert response.status_code == 200
    html = response.content.decode()
    assert TITLE.findall(html) == ["Développeuse Python", "Infirmière de nuit"]
    assert "<h1>Acme &amp; Cie</h1>" in html
    assert 'class="career-employer-profile__logo"' in html and ".max-240x120." in html
    assert 'alt="Acme &amp; Cie logo"' in html
    assert 'href="https://acme.example/jobs" rel="noopener">Job openings' in html
    assert "(external site)" in html
    assert '<nav class="career-breadcrumb" aria-label="Breadcrumb">' in html
    assert '<a href="/en/emplois/">Emplois</a>' in html
    assert 'href="http://localhost/en/emplois/employers/acme/feed/rss/"' in html
    assert "2 job offers" in html


def test_profile_of_an_employer_without_open_offers(client, offers, employers):
    html = client.get("/en/emplois/employers/sans-offre/").content.decode()
    assert "<h1>Sans offre</h1>" in html
    assert "Une PME." in html
    assert "No open positions at the moment." in html
    assert TITLE.findall(html) == []


def test_profile_of_an_unknown_employer_is_not_found(client, offers):
    assert client.get("/emplois/employers/personne/").status_code == 404


def test_profile_is_paginated(client, settings, make_offer, employers):
    settings.WAGTAIL_CAREER_PAGE_SIZE = 2
    for day in range(1, 4):
        make_offer(title=f"Acme {day}", employer=employers["acme"], date_posted=posted(day))
    html = client.get("/en/emplois/employers/acme/").content.decode()
    assert 'href="?page=2"' in html
    assert titles(client, "/en/emplois/employers/acme/?page=2") == ["Acme 1"]


# --- Head and sitemap ---------------------------------------------------------------------


def head(client, url):
    html = client.get(url).content.decode()
    return html[: html.index("</head>")]


def test_listing_head(client, offers):
    plain = head(client, "/emplois/")
    assert '<link rel="canonical" href="http://localhost/emplois/">' in plain
    assert '<meta name="description" content="Nos offres d&#x27;emploi">' in plain
    assert 'type="application/rss+xml" title="Emplois (RSS)"' in plain
    assert 'href="http://localhost/emplois/feed/atom/"' in plain
    assert "robots" not in plain

    filtered = head(client, "/emplois/?employer=acme&region=QC&page=1&utm_source=news")
    assert (
        '<link rel="canonical" href="http://localhost/emplois/?employer=acme&amp;region=QC">'
        in filtered
    )
    assert "robots" not in filtered

    searched = head(client, "/emplois/?q=Python")
    assert '<meta name="robots" content="noindex, follow">' in searched
    assert '<link rel="canonical" href="http://localhost/emplois/">' in searched


def test_listing_head_keeps_the_page(client, settings, offers):
    settings.WAGTAIL_CAREER_PAGE_SIZE = 1
    page = head(client, "/emplois/?page=2&region=QC")
    assert '<link rel="canonical" href="http://localhost/emplois/?region=QC&amp;page=2">' in page


def test_profile_head(client, offers):
    profile = head(client, "/emplois/employers/sans-offre/")
    assert '<link rel="canonical" href="http://localhost/emplois/employers/sans-offre/">' in profile
    assert '<meta name="description" content="Une PME.">' in profile
    assert '<meta property="og:title" content="Sans offre">' in profile
    assert 'href="http://localhost/emplois/feed/rss/"' in profile
    assert 'title="Offres d’emploi chez Sans offre (RSS)"' in profile
    assert 'href="http://localhost/emplois/employers/sans-offre/feed/atom/"' in profile


def test_sitemap_entry_dates_the_newest_offer(rf, job_index, make_offer):
    job_index.refresh_from_db()
    assert job_index.get_sitemap_urls(rf.get("/"))[0]["lastmod"] == job_index.last_published_at
    make_offer()
    newest = make_offer()
    entries = job_index.get_sitemap_urls(rf.get("/"))
    assert entries == [
        {"location": "http://localhost/emplois/", "lastmod": newest.last_published_at}
    ]


# --- Page cache ---------------------------------------------------------------------------


@pytest.fixture
def page_cache(settings):
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(middleware.index("django.middleware.common.CommonMiddleware") + 1, PAGE_CACHE)
    settings.MIDDLEWARE = middleware
    frontend_cache_backend.purged.clear()


def status(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get(STATUS_HEADER)


def test_filtered_listings_profiles_and_feeds_are_cached_searches_are_not(
    client, page_cache, offers
):
    for url in [
        "/emplois/",
        "/emplois/?employer=acme&region=QC&city=Montréal&type=FULL_TIME&workplace=hybrid&page=1",
        "/emplois/employers/acme/",
        "/emplois/feed/rss/",
    ]:
        assert status(client, url) == "miss", url
        assert status(client, url) == "hit", url
    assert status(client, "/emplois/?q=Python") is None
    assert status(client, "/emplois/?q=Python") is None
    assert status(client, "/emplois/?utm_source=x") is None


def test_publishing_an_offer_refreshes_the_cached_listing(client, page_cache, offers, make_offer):
    assert status(client, "/emplois/?region=QC") == "miss"
    assert status(client, "/emplois/?region=QC") == "hit"
    make_offer(title="Nouvelle", region="QC", date_posted=posted(25))
    assert listing(client, region="QC")[0] == "Nouvelle"


def test_a_cached_listing_drops_an_offer_the_moment_it_closes(client, page_cache, make_offer):
    closing = timezone.now() + timedelta(seconds=3)
    make_offer(title="Ferme bientôt", valid_through=closing)
    make_offer(title="Reste ouverte")
    assert status(client, "/emplois/") == "miss"
    response = client.get("/emplois/")
    assert response[STATUS_HEADER] == "hit"
    assert "Ferme bientôt" in response.content.decode()
    time.sleep(max(0, (closing - timezone.now()).total_seconds()) + 0.2)
    response = client.get("/emplois/")
    assert response[STATUS_HEADER] == "miss"  # the closing's dependency expired with it
    assert TITLE.findall(response.content.decode()) == ["Reste ouverte"]


# --- Languages ----------------------------------------------------------------------------


def translate(page, locale):
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.save_revision().publish()
    return translated.specific


def test_english_tree_lists_its_offers_with_english_employers(
    client, settings, offers, employers, job_index
):
    settings.WAGTAIL_I18N_ENABLED = True
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    en = Locale.objects.get_or_create(language_code="en")[0]
    acme_en = employers["acme"].copy_for_translation(en)
    acme_en.name, acme_en.slug = "Acme Inc.", "acme-inc"
    acme_en.save()
    translate(job_index, en)
    translate(offers["python"], en)  # still points at the French employer, as copied
    translate(offers["comptable"], en)
    cache.clear()

    assert listing(client) == ["Développeuse Python", "Comptable"]
    html = client.get("/en/emplois/").content.decode()
    assert "Acme Inc." in html and "Acme &amp; Cie" not in html
    assert '<option value="acme-inc">Acme Inc.</option>' in html
    assert listing(client, employer="acme-inc") == ["Développeuse Python"]
    # A translation may keep its original's slug: the default language's employer answers.
    assert listing(client, employer="acme") == ["Développeuse Python"]
    assert titles(client, "/en/emplois/employers/acme-inc/") == ["Développeuse Python"]
    assert "<h1>Acme Inc.</h1>" in client.get("/en/emplois/employers/acme-inc/").content.decode()
    assert "<h1>Boréal</h1>" in client.get("/en/emplois/employers/boreal/").content.decode()
    found, _root = feed_titles(
        client, "/en/emplois/employers/acme-inc/feed/rss/", "application/rss+xml"
    )
    assert found == ["Développeuse Python"]
    # The French tree keeps its three offers and French employers.
    assert titles(client, "/emplois/") == [offer.title for offer in offers.values()]
    assert client.get("/emplois/employers/acme-inc/").status_code == 404
    head_en = head(client, "/en/emplois/")
    assert '<link rel="canonical" href="http://localhost/en/emplois/">' in head_en
    assert 'hreflang="fr" href="http://localhost/emplois/"' in head_en
