"""Bilingual content the Wagtail way (``--ds=tests.settings_i18n``: French default, English):
each page's content language (``<html lang>``, JSON-LD, Open Graph), hreflang alternates and
canonical URLs, the sitemap, per-locale listings and search, comments of one translation,
the moderation list's language column and the digest per subscriber language.

Run: ``.venv/bin/python -m pytest --ds=tests.settings_i18n tests/test_i18n_pages.py``
(skipped under the one-language tests/settings.py; see tests/test_seo.py for that site)."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from html import unescape

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Locale, PageViewRestriction
from wagtail.rich_text import RichText

from tests.comments_helpers import make_comment, make_user
from tests.newsletter_utils import SIGNUP_URL, confirmed_subscriber, post_signup
from wagtail_career.languages import hreflang, og_locale
from wagtail_career.newsletter.digest import send_digest
from wagtail_career.newsletter.models import Subscription

pytestmark = pytest.mark.skipif(
    not getattr(settings, "WAGTAIL_I18N_ENABLED", False),
    reason="bilingual site only: run with --ds=tests.settings_i18n",
)

BASE = "http://localhost"
FR_INDEX, EN_INDEX = "/carriere/", "/en/career/"
FR_ARTICLE, EN_ARTICLE = "/carriere/entrevue-video/", "/en/career/video-interview/"


def head_of(html):
    return html[html.index("<head>") : html.index("</head>")]


def meta(html, name):
    pattern = rf'<meta property="{re.escape(name)}" content="([^"]*)">'
    return [unescape(v) for v in re.findall(pattern, head_of(html))]


def hreflangs(html):
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head_of(html))


def canonical(html):
    [url] = re.findall(r'<link rel="canonical" href="([^"]+)">', head_of(html))
    return url


def json_ld(html):
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def english():
    return Locale.objects.get_or_create(language_code="en")[0]


def translate(page, title, slug, **fields):
    """``page``'s English translation, published with its own title and slug."""
    translation = page.copy_for_translation(english(), copy_parents=True)
    translation.title, translation.slug = title, slug
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


@pytest.fixture
def en_index(career_index):
    return translate(career_index, "Career", "career")


@pytest.fixture
def camille(make_author):
    return make_author("Camille Tremblay", slug="camille-tremblay")


@pytest.fixture
def pair(en_index, make_article, camille):
    """A French article and its English translation."""
    fr = make_article(
        title="Réussir son entrevue vidéo",
        slug="entrevue-video",
        authors=[camille],
        tags=["Entrevue"],
        body=body("Soignez la lumière professionnelle."),
        date=date(2026, 3, 2),
    )
    en = translate(fr, "Ace your video interview", "video-interview", body=body("Mind the light."))
    return fr, en


# -- Content language, canonical and hreflang --------------------------------------------


def test_each_translation_says_its_content_language(client, pair):
    fr_html = client.get(FR_ARTICLE).content.decode()
    en_html = client.get(EN_ARTICLE).content.decode()
    assert '<html lang="fr">' in fr_html and '<html lang="en">' in en_html
    assert json_ld(fr_html)["inLanguage"] == "fr" and json_ld(en_html)["inLanguage"] == "en"
    # WAGTAIL_CAREER_OG_LOCALES' default: Canadian French and English.
    assert meta(fr_html, "og:locale") == ["fr_CA"]
    assert meta(fr_html, "og:locale:alternate") == ["en_CA"]
    assert meta(en_html, "og:locale") == ["en_CA"]
    assert meta(en_html, "og:locale:alternate") == ["fr_CA"]
    assert canonical(fr_html) == BASE + FR_ARTICLE
    assert canonical(en_html) == BASE + EN_ARTICLE
    assert meta(en_html, "og:url") == [BASE + EN_ARTICLE]
    expected = [
        ("fr", BASE + FR_ARTICLE),
        ("en", BASE + EN_ARTICLE),
        ("x-default", BASE + FR_ARTICLE),
    ]
    assert hreflangs(fr_html) == hreflangs(en_html) == expected


def test_english_content_under_the_french_interface_is_still_english(client, pair):
    # The French interface (no prefix) cannot reach the English tree; the English page's
    # language comes from its locale, not from the active language.
    fr, en = pair
    template = Template("{% load wagtail_career_tags %}{% career_content_language as l %}{{ l }}")
    assert template.render(Context({"page": en})) == "en"
    assert template.render(Context({"page": fr})) == "fr"


def test_a_draft_or_private_translation_is_no_alternate(client, pair):
    fr, en = pair
    PageViewRestriction.objects.create(page=en, restriction_type="login")
    html = client.get(FR_ARTICLE).content.decode()
    assert hreflangs(html) == []
    assert meta(html, "og:locale:alternate") == []
    PageViewRestriction.objects.all().delete()
    en.unpublish()
    assert hreflangs(client.get(FR_ARTICLE).content.decode()) == []


def test_the_english_page_alone_names_the_french_x_default_once(client, pair):
    fr, en = pair
    html = client.get(EN_ARTICLE).content.decode()
    codes = [code for code, _href in hreflangs(html)]
    assert sorted(codes) == sorted(set(codes))


def test_the_translations_cost_one_query_whatever_their_number(
    client, en_index, make_article, camille
):
    def queries(url):
        cache.clear()  # the page and its fragments are built again
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    make_article(title="Seul", slug="seul", authors=[camille], body=body("un"))
    fr = make_article(title="Traduit", slug="traduit", authors=[camille], body=body("deux"))
    queries(FR_INDEX + "traduit/")  # warm the content types
    alone = queries(FR_INDEX + "traduit/")
    translate(fr, "Translated", "translated", body=body("two"))
    assert queries(FR_INDEX + "traduit/") == alone


def test_og_locales_setting(settings):
    assert og_locale("fr") == "fr_CA" and og_locale("en") == "en_CA"
    assert og_locale("fr-ch") == "fr_CH" and og_locale("de") == "de"
    settings.WAGTAIL_CAREER_OG_LOCALES = {}
    assert og_locale("fr") == "fr" and og_locale("en-gb") == "en_GB"
    settings.WAGTAIL_CAREER_OG_LOCALES = {"fr": "fr_FR"}
    assert og_locale("fr") == "fr_FR"
    assert hreflang("fr-ca") == "fr-CA" and hreflang("zh-hans") == "zh-Hans"


def test_index_alternates_but_not_on_its_routes(client, pair):
    fr_html = client.get(FR_INDEX).content.decode()
    assert '<html lang="fr">' in fr_html
    assert hreflangs(fr_html) == [
        ("fr", BASE + FR_INDEX),
        ("en", BASE + EN_INDEX),
        ("x-default", BASE + FR_INDEX),
    ]
    en_html = client.get(EN_INDEX).content.decode()
    assert canonical(en_html) == BASE + EN_INDEX
    assert '<html lang="en">' in en_html and meta(en_html, "og:locale") == ["en_CA"]
    for route in ("?tag=entrevue", "?page=1", "?q=light", "authors/camille-tremblay/"):
        response = client.get(EN_INDEX + route)
        assert response.status_code == 200, route
        assert hreflangs(response.content.decode()) == [], route


# -- Sitemap -------------------------------------------------------------------------------

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_both_trees_with_hreflang_alternates(client, pair, make_article):
    make_article(title="Seulement en français", slug="seul")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # well-formed, xhtml namespace declared
    entries = {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }
    both = {"fr": BASE + FR_ARTICLE, "en": BASE + EN_ARTICLE, "x-default": BASE + FR_ARTICLE}
    assert entries[BASE + FR_ARTICLE] == entries[BASE + EN_ARTICLE] == both
    assert entries[BASE + EN_INDEX]["fr"] == BASE + FR_INDEX
    assert entries[BASE + FR_INDEX + "seul/"] == {}  # no translation, no alternate
    locs = [url.findtext("s:loc", namespaces=NS) for url in root.findall("s:url", NS)]
    assert len(locs) == len(set(locs))


def test_the_english_index_lastmod_follows_its_own_articles(client, pair, make_article):
    fr, en = pair
    later = make_article(title="Plus tard", slug="plus-tard")  # French only
    urls = {u["location"]: u for u in fr.get_parent().specific.get_sitemap_urls(None)}
    assert urls[BASE + FR_INDEX]["lastmod"] == later.last_published_at
    assert urls[BASE + EN_INDEX]["lastmod"] == en.last_published_at


# -- Listings per locale -------------------------------------------------------------------


@pytest.fixture
def listings(pair, make_article, camille, en_index):
    fr, en = pair
    other = make_article(
        title="Négocier son salaire",
        slug="salaire",
        authors=[camille],
        tags=["Entrevue"],
        body=body("Une négociation professionnelle."),
    )
    english_other = translate(other, "Negotiate your salary", "salary", body=body("Negotiation."))
    return fr, en, other, english_other


def test_index_tag_author_and_search_list_only_the_locale(client, listings):
    english_titles = {"Ace your video interview", "Negotiate your salary"}
    french_titles = {"Réussir son entrevue vidéo", "Négocier son salaire"}
    for route in ("", "?tag=entrevue", "authors/camille-tremblay/"):
        en_html = client.get(EN_INDEX + route).content.decode()
        fr_html = client.get(FR_INDEX + route).content.decode()
        for title in english_titles:
            assert title in en_html and title not in fr_html, route
        for title in french_titles:
            assert unescape(title) not in unescape(en_html), route
            assert title in unescape(fr_html), route
    # Search: the index's children only, so its locale's.
    en_found = client.get(EN_INDEX, {"q": "negotiation"}).content.decode()
    assert "Negotiate your salary" in en_found and "salaire" not in en_found
    fr_found = client.get(FR_INDEX, {"q": "négociation"}).content.decode()
    assert "Négocier son salaire" in unescape(fr_found) and "Negotiate" not in fr_found


def test_feeds_list_only_the_locale(client, listings):
    en_feed = client.get(EN_INDEX + "feed/rss/").content.decode()
    fr_feed = client.get(FR_INDEX + "feed/atom/").content.decode()
    assert "Negotiate your salary" in en_feed and "salaire" not in en_feed
    assert BASE + EN_ARTICLE in en_feed and BASE + FR_ARTICLE not in en_feed
    assert "Négocier son salaire" in unescape(fr_feed) and "Negotiate" not in fr_feed
    tag_feed = client.get(EN_INDEX + "tags/entrevue/feed/rss/").content.decode()
    assert "Ace your video interview" in tag_feed and "Réussir" not in unescape(tag_feed)


def test_related_articles_are_of_the_locale(listings):
    fr, en, other, english_other = listings
    assert [a.pk for a in en.related_articles()] == [english_other.pk]
    assert [a.pk for a in fr.related_articles()] == [other.pk]


# -- Search per language backend -----------------------------------------------------------


def test_search_uses_the_language_backend(client, listings, settings):
    from wagtail_career import languages

    fr, en, *_ = listings
    settings.WAGTAIL_CAREER_SEARCH_BACKENDS = {"fr": "french"}
    assert languages.search_backend(fr.get_parent().specific) == "french"
    assert languages.search_backend(en.get_parent().specific) == "default"
    settings.WAGTAIL_CAREER_SEARCH_BACKENDS = {}
    assert languages.search_backend(fr.get_parent().specific) == "default"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL's text search configurations (stemming); CI runs it on PostgreSQL",
)
def test_french_stemming_on_postgresql(client, en_index, make_article):
    backends = {
        # The French configuration writes the vectors; the "simple" default only queries.
        "default": {
            "BACKEND": "wagtail.search.backends.database",
            "SEARCH_CONFIG": "simple",
            "AUTO_UPDATE": False,
        },
        "french": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "french"},
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        make_article(title="Le réseau", slug="reseau", body=body("Un profil professionnel."))
        make_article(title="Autre chose", slug="autre", body=body("Rien à voir."))
        with override_settings(WAGTAIL_CAREER_SEARCH_BACKENDS={"fr": "french"}):
            found = client.get(FR_INDEX, {"q": "professionnelles"}).content.decode()
            assert "Le réseau" in unescape(found) and "Autre chose" not in unescape(found)
        plain = client.get(FR_INDEX, {"q": "professionnelles"}).content.decode()
        assert "Le réseau" not in unescape(plain)  # no stemming with the simple config


PER_LANGUAGE_BACKENDS = {
    # One index, each object's vectors in its own language (wagtail_career.search_backends),
    # read with each language's configuration by query-only aliases.
    "default": {
        "BACKEND": "wagtail_career.search_backends.postgres",
        "SEARCH_CONFIG": "simple",
        "SEARCH_CONFIGS": {"fr": "french", "en": "english"},
    },
    "fr": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "french",
        "AUTO_UPDATE": False,
    },
    "en": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "english",
        "AUTO_UPDATE": False,
    },
}


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL's text search configurations (stemming); CI runs it on PostgreSQL",
)
def test_french_and_english_stemming_in_one_index_on_postgresql(client, en_index, make_article):
    with override_settings(
        WAGTAILSEARCH_BACKENDS=PER_LANGUAGE_BACKENDS,
        WAGTAIL_CAREER_SEARCH_BACKENDS={"fr": "fr", "en": "en"},
    ):
        french = make_article(
            title="Le réseau", slug="reseau", body=body("Des relations professionnelles.")
        )
        make_article(title="Autre chose", slug="autre", body=body("Rien à voir."))
        translate(french, "Networking", "networking", body=body("Salary negotiations made simple."))
        # Each text was indexed with its own language's stemmer, in the same index: French
        # "professionnelles" and "professionnel" share the stem "professionnel" (not with the
        # English or simple configurations); English "negotiations" and "negotiating" share
        # "negoti" (not with the French or simple ones).
        in_french = unescape(client.get(FR_INDEX, {"q": "professionnel"}).content.decode())
        assert "Le réseau" in in_french and "Autre chose" not in in_french
        in_english = unescape(client.get(EN_INDEX, {"q": "negotiating"}).content.decode())
        assert "Networking" in in_english


# -- Comments ------------------------------------------------------------------------------


def test_a_comment_belongs_to_one_translation(client, pair):
    fr, en = pair
    make_comment(fr, "Un commentaire en français")
    make_comment(en, "A comment in English")
    fr_html = client.get(FR_ARTICLE).content.decode()
    en_html = client.get(EN_ARTICLE).content.decode()
    assert "Un commentaire en français" in unescape(fr_html)
    assert "A comment in English" not in fr_html
    assert "Un commentaire en français" not in unescape(en_html)
    assert "A comment in English" in en_html


def test_the_moderation_list_shows_each_comments_language(client, pair, make_article):
    fr, en = pair
    client.force_login(make_user("admin", is_superuser=True, is_staff=True))
    index = "/admin/django_comments_xtd/xtdcomment/"

    def count():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(index)
        assert response.status_code == 200
        return len(captured), response.content.decode()

    make_comment(fr, "Premier")
    make_comment(en, "First")
    count()
    few, html = count()
    assert re.search(r">\s*Français\s*<", html) and re.search(r">\s*English\s*<", html)
    for n in range(4):
        other = make_article(title=f"Autre {n}", slug=f"autre-{n}")
        make_comment(other, f"Encore {n}")
        make_comment(en, f"More {n}")
    many, _html = count()
    assert many == few


# -- Newsletter ----------------------------------------------------------------------------


def test_the_digest_sends_each_subscriber_their_languages_articles(pair, mailoutbox):
    confirmed_subscriber("lea@example.com", "fr")
    confirmed_subscriber("sam@example.com", "en")
    assert send_digest() == 2
    mails = {mail.to[0]: mail for mail in mailoutbox}
    french, english = mails["lea@example.com"], mails["sam@example.com"]
    assert "Réussir son entrevue vidéo" in french.body and "Ace your" not in french.body
    assert BASE + FR_ARTICLE in french.body
    assert "Ace your video interview" in english.body and "Réussir" not in english.body
    assert BASE + EN_ARTICLE in english.body
    assert "Pour vous désabonner" in french.body and "To unsubscribe" in english.body
    assert french.subject != english.subject


def test_signup_keeps_the_active_language(client, db, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    post_signup(client, capture, email="sam@example.com", url="/en" + SIGNUP_URL)
    post_signup(client, capture, email="lea@example.com")
    assert dict(Subscription.objects.values_list("email", "language")) == {
        "sam@example.com": "en",
        "lea@example.com": "fr",
    }


def test_editors_may_change_only_the_subscribers_language(client, db):
    client.force_login(make_user("admin", is_superuser=True, is_staff=True))
    subscription = confirmed_subscriber("lea@example.com", "fr")
    url = f"/admin/wagtail_career_newsletter/subscription/edit/{subscription.pk}/"
    form = client.get(url).content.decode()
    assert 'name="language"' in form and 'name="email"' not in form
    assert '<option value="en">English</option>' in form
    refused = client.post(url, {"language": "de", "email": "x@example.com"})
    assert refused.status_code == 200  # the form again, with its error
    subscription.refresh_from_db()
    assert subscription.language == "fr"
    response = client.post(url, {"language": "en", "email": "x@example.com"})
    assert response.status_code == 302
    subscription.refresh_from_db()
    assert (subscription.language, subscription.email) == ("en", "lea@example.com")
