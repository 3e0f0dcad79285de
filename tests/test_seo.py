"""Head metadata (canonical, description, Open Graph, Twitter, JSON-LD) and the sitemap."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from html import unescape

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import Page

XSS_TITLE = "</script><script>alert(1)</script> & <!-- «Entrevue»"


def head_of(html):
    return html[html.index("<head>") : html.index("</head>")]


def meta(html, attribute, name):
    """Every content of <meta {attribute}="{name}">, unescaped."""
    pattern = rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">'
    return [unescape(value) for value in re.findall(pattern, head_of(html))]


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture
def rich_article(make_article, make_author, make_image):
    authors = [
        make_author(
            "Marie-Eve Altur",
            slug="me-altur",
            role="Directrice associée",
            organisation="Novea Recrutement",
        ),
        make_author(
            "Paul Roy",
            slug="paul-roy",
            role="",
            organisation="",
            linkedin_url="https://www.linkedin.com/in/paulroy",
        ),
    ]
    return make_article(
        title="Répondre à un recruteur",
        slug="repondre",
        intro="Un recruteur vous écrit? Répondez, même pour dire non.",
        authors=authors,
        tags=["Recrutement", "Réseautage"],
        hero_image=make_image(size=(1600, 900)),
        date=date(2026, 2, 10),
    )


def test_article_head_has_canonical_description_open_graph_and_twitter(client, rich_article):
    html = client.get(rich_article.url).content.decode()
    head = head_of(html)
    url = "http://localhost/carriere/repondre/"
    assert f'<link rel="canonical" href="{url}">' in head
    assert meta(html, "name", "description") == [
        "Un recruteur vous écrit? Répondez, même pour dire non."
    ]
    assert meta(html, "property", "og:type") == ["article"]
    assert meta(html, "property", "og:title") == ["Répondre à un recruteur"]
    assert meta(html, "property", "og:url") == [url]
    assert meta(html, "property", "og:site_name") == ["localhost"] or meta(
        html, "property", "og:site_name"
    ) == ["Career tests"]
    assert meta(html, "property", "og:locale") == ["fr_CA"]  # WAGTAIL_CAREER_OG_LOCALES
    [image] = meta(html, "property", "og:image")
    assert re.fullmatch(r"http://localhost/media/images/.+\.fill-1200x630\.png", image)
    assert meta(html, "property", "og:image:width") == ["1200"]
    assert meta(html, "property", "og:image:height") == ["630"]
    assert meta(html, "property", "article:published_time") == ["2026-02-10"]
    [modified] = meta(html, "property", "article:modified_time")
    assert modified.startswith(rich_article.last_published_at.isoformat()[:19])
    assert meta(html, "property", "article:author") == [
        "http://localhost/carriere/authors/me-altur/",
        "http://localhost/carriere/authors/paul-roy/",
    ]
    assert meta(html, "property", "article:tag") == ["Recrutement", "Réseautage"]
    assert meta(html, "name", "twitter:card") == ["summary_large_image"]
    assert meta(html, "name", "twitter:image") == [image]
    # The stylesheet comes once, from the page's extra_css block.
    assert html.count("wagtail_career/css/career.css") == 1


def test_the_open_graph_image_is_the_generated_rendition(client, rich_article, settings):
    html = client.get(rich_article.url).content.decode()
    [image] = meta(html, "property", "og:image")
    path = image.replace("http://localhost/media/", settings.MEDIA_ROOT + "/")
    with PILImage.open(path) as file:
        assert file.size == (1200, 630)


def test_search_description_wins_over_intro(client, rich_article):
    rich_article.search_description = "Pourquoi répondre aux recruteurs."
    rich_article.save_revision().publish()
    html = client.get(rich_article.url).content.decode()
    assert meta(html, "name", "description") == ["Pourquoi répondre aux recruteurs."]
    assert meta(html, "property", "og:description") == ["Pourquoi répondre aux recruteurs."]


def test_json_ld_names_the_authors_with_their_roles(client, rich_article):
    data = json_ld(client.get(rich_article.url).content.decode())
    url = "http://localhost/carriere/repondre/"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == "Répondre à un recruteur"
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["datePublished"] == "2026-02-10"
    assert data["dateModified"].startswith(str(rich_article.last_published_at.year))
    assert data["image"][0].startswith("http://localhost/media/images/")
    assert data["publisher"] == {"@type": "Organization", "name": "localhost"} or data[
        "publisher"
    ] == {"@type": "Organization", "name": "Career tests"}
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Marie-Eve Altur",
            "jobTitle": "Directrice associée",
            "worksFor": {"@type": "Organization", "name": "Novea Recrutement"},
            "url": "http://localhost/carriere/authors/me-altur/",
        },
        {
            "@type": "Person",
            "name": "Paul Roy",
            "url": "http://localhost/carriere/authors/paul-roy/",
            "sameAs": ["https://www.linkedin.com/in/paulroy"],
        },
    ]
    assert data["keywords"] == ["Recrutement", "Réseautage"]


def test_a_title_that_closes_the_script_stays_inert(client, make_article, make_author):
    page = make_article(
        title=XSS_TITLE,
        slug="xss",
        authors=[make_author(XSS_TITLE, role=XSS_TITLE)],
        intro=XSS_TITLE,
    )
    assert page.title == XSS_TITLE
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    # Only our own scripts: the JSON-LD and the package's static files.
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts.count('<script type="application/ld+json">') == 1
    others = [tag for tag in scripts if tag != '<script type="application/ld+json">']
    assert others and all('src="/static/wagtail_career/js/' in tag for tag in others)
    data = json_ld(html)
    assert data["headline"] == XSS_TITLE
    assert data["description"] == XSS_TITLE
    assert data["author"][0]["name"] == data["author"][0]["jobTitle"] == XSS_TITLE
    assert meta(html, "property", "og:title") == [XSS_TITLE]


def test_article_without_image_or_authors_has_a_plain_summary_card(client, make_article):
    page = make_article(title="Sans image", intro="")
    html = client.get(page.url).content.decode()
    assert meta(html, "name", "twitter:card") == ["summary"]
    assert meta(html, "property", "og:image") == []
    assert meta(html, "name", "description") == []
    data = json_ld(html)
    assert "image" not in data and "author" not in data


def test_english_interface_keeps_the_french_content_canonical(client, rich_article):
    # One-language site (no WAGTAIL_I18N_ENABLED): /en/ only translates the interface; the
    # content, its language and its one canonical URL stay French.
    html = client.get("/en/carriere/repondre/").content.decode()
    assert '<link rel="canonical" href="http://localhost/carriere/repondre/">' in html
    assert meta(html, "property", "og:url") == ["http://localhost/carriere/repondre/"]
    assert meta(html, "property", "og:locale") == ["fr_CA"]
    assert 'hreflang="' not in html
    assert '<html lang="fr">' in html
    data = json_ld(html)
    assert data["inLanguage"] == "fr"
    assert data["author"][0]["url"] == "http://localhost/carriere/authors/me-altur/"


def test_index_head_has_feeds_and_canonical(client, career_index, article):
    html = client.get("/carriere/?utm_source=x&page=1").content.decode()
    head = head_of(html)
    assert '<link rel="canonical" href="http://localhost/carriere/?page=1">' in head
    assert meta(html, "property", "og:type") == ["website"]
    assert meta(html, "name", "description") == ["Conseils de carrière"]
    assert re.findall(
        r'<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">', head
    ) == [
        ("application/rss+xml", "Carrière (RSS)", "http://localhost/carriere/feed/rss/"),
        ("application/atom+xml", "Carrière (Atom)", "http://localhost/carriere/feed/atom/"),
    ]
    assert "application/ld+json" not in head
    assert 'name="robots"' not in head


def test_tag_and_author_pages_announce_their_own_feeds(client, career_index, article):
    head = head_of(client.get("/carriere/?tag=entrevue").content.decode())
    assert 'href="http://localhost/carriere/tags/entrevue/feed/rss/"' in head
    assert "Articles avec le mot-clé « Entrevue » (Atom)" in head
    head = head_of(client.get("/carriere/authors/camille-tremblay/").content.decode())
    assert 'href="http://localhost/carriere/authors/camille-tremblay/feed/atom/"' in head
    assert (
        '<link rel="canonical" href="http://localhost/carriere/authors/camille-tremblay/">' in head
    )


def test_search_results_are_not_indexed(client, career_index, article):
    head = head_of(client.get("/carriere/?q=entrevue").content.decode())
    assert '<meta name="robots" content="noindex, follow">' in head
    assert '<link rel="canonical" href="http://localhost/carriere/">' in head


def test_head_include_renders_nothing_on_other_pages(rf, home):
    template = Template('{% include "wagtail_career/includes/head.html" %}')
    request = rf.get("/")
    for context in (
        {},
        {"request": request},
        {"request": request, "page": home},
        {"page": Page.objects.get(depth=1)},
    ):
        assert template.render(Context(context)).strip() == ""


def test_head_include_on_a_plain_wagtail_page(client, home):
    # The site's home page, rendered by its own (non-career) template, is unaffected.
    response = client.get("/")
    assert b"og:type" not in response.content


# -- Sitemap -----------------------------------------------------------------------------

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_live_articles_with_lastmod(client, career_index, make_article):
    published = make_article(title="Publié", slug="publie")
    make_article(title="Brouillon", slug="brouillon", publish=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {
        url.findtext("s:loc", namespaces=SITEMAP_NS): url.findtext(
            "s:lastmod", namespaces=SITEMAP_NS
        )
        for url in root.findall("s:url", SITEMAP_NS)
    }
    assert "http://localhost/carriere/publie/" in entries
    assert "http://localhost/carriere/brouillon/" not in entries
    day = timezone.localtime(published.last_published_at).date().isoformat()
    assert entries["http://localhost/carriere/publie/"] == day
    # The index is as fresh as its newest article.
    assert entries["http://localhost/carriere/"] == day


def test_index_lastmod_follows_its_newest_article(career_index, make_article):
    career_index.refresh_from_db()
    [entry] = career_index.get_sitemap_urls(RequestFactory().get("/"))
    assert entry["lastmod"] == career_index.last_published_at  # no article yet
    article = make_article()
    [entry] = career_index.get_sitemap_urls(RequestFactory().get("/"))
    assert entry["lastmod"] == article.last_published_at > career_index.last_published_at
