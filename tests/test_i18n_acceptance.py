"""Acceptance: bilingual content the Wagtail way (README, "Multilingual sites").

Run with ``--ds=tests.settings_i18n``: WAGTAIL_I18N_ENABLED, French (default) and English
locales, ``wagtail.contrib.simple_translation``, i18n_patterns (tests/urls.py). An article,
its index, the site's home page and an author are translated with Wagtail's own tools (the
action simple_translation's "Translate" button runs, and ``copy_for_translation`` for the
snippet), then every URL of each language is read as a visitor would.

The one-language site (tests/settings.py, i18n off) is checked by tests/test_i18n_one_language.py.
"""

import json
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser

import feedparser
import pytest
from django.conf import settings
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import Locale
from wagtail.rich_text import RichText

from tests.comments_helpers import make_comment

pytestmark = pytest.mark.skipif(
    not getattr(settings, "WAGTAIL_I18N_ENABLED", False),
    reason="bilingual site only: run with --ds=tests.settings_i18n (or tests.settings_localize)",
)

BASE = "http://localhost"  # the default Site hostname
FR_ARTICLE = "/carriere/entrevue-video/"
EN_ARTICLE = "/en/careers/video-interview/"
FR_INDEX = "/carriere/"
EN_INDEX = "/en/careers/"


class Head(HTMLParser):
    """What a page says about its language: ``<html lang>``, canonical, hreflang links,
    Open Graph properties and JSON-LD blocks."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.canonical = []
        self.hreflang = {}
        self.hreflang_count = {}
        self.meta = {}
        self.json_ld = []
        self._in_json_ld = False
        self._buffer = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").split()
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link" and "canonical" in rel:
            self.canonical.append(attrs.get("href"))
        elif tag == "link" and "alternate" in rel and attrs.get("hreflang"):
            code = attrs["hreflang"]
            self.hreflang[code] = attrs.get("href")
            self.hreflang_count[code] = self.hreflang_count.get(code, 0) + 1
        elif tag == "meta" and attrs.get("property"):
            self.meta.setdefault(attrs["property"], []).append(attrs.get("content"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld, self._buffer = True, []

    def handle_data(self, data):
        if self._in_json_ld:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_json_ld:
            self._in_json_ld = False
            self.json_ld.append(json.loads("".join(self._buffer)))

    def article_ld(self):
        """The JSON-LD block describing the article (the only one on an article page)."""
        blocks = [b for b in self.json_ld if "Article" in str(b.get("@type", ""))]
        assert len(blocks) == 1, self.json_ld
        return blocks[0]


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.content.decode()
    return html, Head(html)


def translate_page(page, locale, **changes):
    """What simple_translation's "Translate" button does (CopyPageForTranslationAction), then
    the translator's edits, published."""
    translated = CopyPageForTranslationAction(page=page, locale=locale).execute(
        skip_permission_checks=True
    )
    translated = translated.specific
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def bilingual(home, career_index, make_article, make_author, en):
    """A French site with an article translated into English (and its index and home page),
    an author translated into English, and a French article nobody translated."""
    assert Locale.get_default().language_code == "fr"
    author = make_author(
        "Camille Tremblay",
        slug="camille-tremblay",
        role="Directrice associée",
        organisation="Boréal Talents",
    )
    article = make_article(
        title="Réussir son entrevue vidéo",
        slug="entrevue-video",
        intro="Préparez votre entrevue vidéo comme une rencontre en personne.",
        authors=[author],
        body=[("paragraph", RichText("<p>Vérifiez votre caméra et votre éclairage.</p>"))],
        date=date(2026, 3, 2),
    )
    untranslated = make_article(
        title="Négocier son salaire",
        slug="negocier-salaire",
        intro="Les chiffres à connaître avant la discussion.",
        date=date(2026, 2, 1),
    )
    translate_page(home, en, title="Home", slug="home-en")
    en_index = translate_page(
        career_index, en, title="Career", slug="careers", intro="<p>Career advice</p>"
    )
    en_article = translate_page(
        article,
        en,
        title="Acing your video interview",
        slug="video-interview",
        intro="Prepare your video interview like an in-person meeting.",
        body=[("paragraph", RichText("<p>Check your camera and your lighting.</p>"))],
    )
    en_author = author.copy_for_translation(en)
    en_author.role = "Managing partner"
    en_author.save()
    return {
        "author": author,
        "en_author": en_author,
        "article": article,
        "en_article": en_article,
        "en_index": en_index,
        "untranslated": untranslated,
    }


def test_the_translated_urls_are_the_expected_ones(bilingual):
    assert bilingual["article"].get_url() == FR_ARTICLE
    assert bilingual["en_article"].get_url() == EN_ARTICLE
    assert bilingual["en_article"].locale.language_code == "en"
    assert bilingual["en_article"].translation_key == bilingual["article"].translation_key


def test_each_language_url_shows_its_own_text_and_lang(client, bilingual):
    fr_html, fr = read(client, FR_ARTICLE)
    en_html, en = read(client, EN_ARTICLE)
    assert fr.lang == "fr"
    assert en.lang == "en"
    assert "Réussir son entrevue vidéo" in fr_html
    assert "Vérifiez votre caméra" in fr_html
    assert "Check your camera" not in fr_html
    assert "Acing your video interview" in en_html
    assert "Check your camera" in en_html
    assert "Vérifiez votre caméra" not in en_html
    assert "Réussir son entrevue vidéo" not in en_html


def test_json_ld_in_language_follows_the_content(client, bilingual):
    fr_ld = read(client, FR_ARTICLE)[1].article_ld()
    en_ld = read(client, EN_ARTICLE)[1].article_ld()
    assert fr_ld["inLanguage"] == "fr"
    assert en_ld["inLanguage"] == "en"
    assert en_ld["headline"] == "Acing your video interview"
    assert en_ld["url"] == BASE + EN_ARTICLE
    assert fr_ld["url"] == BASE + FR_ARTICLE


def test_canonical_is_the_own_language_url(client, bilingual):
    assert read(client, FR_ARTICLE)[1].canonical == [BASE + FR_ARTICLE]
    assert read(client, EN_ARTICLE)[1].canonical == [BASE + EN_ARTICLE]
    assert read(client, FR_INDEX)[1].canonical == [BASE + FR_INDEX]
    assert read(client, EN_INDEX)[1].canonical == [BASE + EN_INDEX]


@pytest.mark.parametrize(
    "url, other_code, other_url",
    [(FR_ARTICLE, "en", EN_ARTICLE), (EN_ARTICLE, "fr", FR_ARTICLE)],
)
def test_hreflang_links_name_the_other_translation_and_x_default(
    client, bilingual, url, other_code, other_url
):
    head = read(client, url)[1]
    assert head.hreflang[other_code] == BASE + other_url
    # x-default: the default language's version, whichever page links to it.
    assert head.hreflang["x-default"] == BASE + FR_ARTICLE
    own_code = "en" if other_code == "fr" else "fr"
    if own_code in head.hreflang:  # a self-reference is allowed, and must be right
        assert head.hreflang[own_code] == BASE + url
    assert all(count == 1 for count in head.hreflang_count.values()), head.hreflang_count


def test_hreflang_on_the_index_pages(client, bilingual):
    fr = read(client, FR_INDEX)[1]
    en = read(client, EN_INDEX)[1]
    assert fr.hreflang["en"] == BASE + EN_INDEX
    assert en.hreflang["fr"] == BASE + FR_INDEX
    assert en.hreflang["x-default"] == fr.hreflang["x-default"] == BASE + FR_INDEX


def test_an_untranslated_article_has_no_hreflang_to_a_missing_translation(client, bilingual):
    head = read(client, "/carriere/negocier-salaire/")[1]
    assert "en" not in head.hreflang
    assert head.lang == "fr"


def test_og_locale_follows_the_content(client, bilingual):
    fr = read(client, FR_ARTICLE)[1]
    en = read(client, EN_ARTICLE)[1]
    assert fr.meta["og:locale"][0].startswith("fr")
    assert en.meta["og:locale"][0].startswith("en")
    # The other translation is announced as an alternate locale.
    assert any(v.startswith("fr") for v in en.meta.get("og:locale:alternate", []))
    assert any(v.startswith("en") for v in fr.meta.get("og:locale:alternate", []))


def test_untranslated_articles_are_not_listed_in_the_other_locale(client, bilingual):
    fr_html = read(client, FR_INDEX)[0]
    en_html = read(client, EN_INDEX)[0]
    assert "Réussir son entrevue vidéo" in fr_html
    assert "Négocier son salaire" in fr_html
    assert "Acing your video interview" not in fr_html
    assert "Acing your video interview" in en_html
    assert "Négocier son salaire" not in en_html
    assert "Réussir son entrevue vidéo" not in en_html


def test_the_translated_author_shows_under_the_english_article(client, bilingual):
    fr_html = read(client, FR_ARTICLE)[0]
    en_html = read(client, EN_ARTICLE)[0]
    assert "Camille Tremblay" in en_html
    assert "Managing partner" in en_html
    assert "Directrice associée" not in en_html
    assert "Directrice associée" in fr_html
    assert "Managing partner" not in fr_html
    people = read(client, EN_ARTICLE)[1].article_ld()["author"]
    people = people if isinstance(people, list) else [people]
    en_author = next(person for person in people if person["name"] == "Camille Tremblay")
    assert en_author.get("jobTitle", "Managing partner") == "Managing partner"


def test_the_author_archive_is_per_locale(client, bilingual):
    slug = bilingual["en_author"].slug
    en_html = read(client, f"{EN_INDEX}authors/{slug}/")[0]
    assert "Managing partner" in en_html
    assert "Acing your video interview" in en_html
    assert "Réussir son entrevue vidéo" not in en_html
    fr_html = read(client, f"{FR_INDEX}authors/{bilingual['author'].slug}/")[0]
    assert "Directrice associée" in fr_html
    assert "Réussir son entrevue vidéo" in fr_html
    assert "Acing your video interview" not in fr_html


def test_feeds_are_per_locale(client, bilingual):
    for kind in ("rss", "atom"):
        fr = feedparser.parse(client.get(f"{FR_INDEX}feed/{kind}/").content)
        en = feedparser.parse(client.get(f"{EN_INDEX}feed/{kind}/").content)
        fr_titles = {entry.title for entry in fr.entries}
        en_titles = {entry.title for entry in en.entries}
        assert fr_titles == {"Réussir son entrevue vidéo", "Négocier son salaire"}, kind
        assert en_titles == {"Acing your video interview"}, kind
        assert {entry.link for entry in en.entries} == {BASE + EN_ARTICLE}
        assert en.feed.get("language", "en").startswith("en"), kind
        assert fr.feed.get("language", "fr").startswith("fr"), kind


def test_search_is_per_locale(client, bilingual):
    # Results are read by their links: the matched words of a title are highlighted.
    en_html = read(client, f"{EN_INDEX}?q=interview")[0]
    assert f'href="{EN_ARTICLE}"' in en_html
    assert FR_ARTICLE not in en_html
    # A French word finds nothing on the English side, even though a French article has it.
    assert "negocier-salaire" not in read(client, f"{EN_INDEX}?q=salaire")[0]
    assert "negocier-salaire" not in read(client, f"{EN_INDEX}?q=entrevue")[0]
    fr_html = read(client, f"{FR_INDEX}?q=entrevue")[0]
    assert f'href="{FR_ARTICLE}"' in fr_html
    assert EN_ARTICLE not in fr_html
    assert EN_ARTICLE not in read(client, f"{FR_INDEX}?q=interview")[0]


def test_a_french_comment_is_not_on_the_english_page(client, bilingual):
    make_comment(bilingual["article"], text="Merci, très utile pour ma prochaine entrevue.")
    make_comment(bilingual["en_article"], text="Thanks, that helped a lot.")
    fr_html = read(client, FR_ARTICLE)[0]
    en_html = read(client, EN_ARTICLE)[0]
    assert "Merci, très utile pour ma prochaine entrevue." in fr_html
    assert "Thanks, that helped a lot." not in fr_html
    assert "Thanks, that helped a lot." in en_html
    assert "Merci, très utile pour ma prochaine entrevue." not in en_html


SITEMAP_NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("sm:url", SITEMAP_NS):
        loc = url.find("sm:loc", SITEMAP_NS).text
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", SITEMAP_NS)
            if link.get("rel") == "alternate"
        }
        entries[loc] = alternates
    return entries


def test_the_sitemap_lists_both_translations_with_alternates(client, bilingual):
    entries = sitemap_entries(client)
    fr_url, en_url = BASE + FR_ARTICLE, BASE + EN_ARTICLE
    assert fr_url in entries and en_url in entries, sorted(entries)
    for url in (fr_url, en_url):
        assert entries[url]["fr"] == fr_url
        assert entries[url]["en"] == en_url
    assert BASE + EN_INDEX in entries
    assert entries[BASE + EN_INDEX]["fr"] == BASE + FR_INDEX
    # The untranslated article: listed once, with no English alternate.
    lone = BASE + "/carriere/negocier-salaire/"
    assert lone in entries
    assert "en" not in entries[lone]
    assert len([loc for loc in entries if loc.endswith("/negocier-salaire/")]) == 1
