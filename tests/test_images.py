"""Images a phone can afford: every image the package renders is a ``<picture>`` with AVIF
and WebP sources and a JPEG (PNG for logos) fallback, widths for ``srcset`` with ``sizes``
from the stylesheet's layout, ``width`` and ``height``; the hero is fetched first, everything
else lazily; the renditions are prefetched, so images add no query per item; and the social
image stays a JPEG/PNG rendition."""

import json
import re
import subprocess
from pathlib import Path

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from tests.test_html_validity import require_checker
from wagtail_career.employers.models import EmployerSettings

ROOT = Path(__file__).resolve().parent.parent
# The layout of career.css, as the templates' sizes attributes give it.
MAIN_COLUMN = (
    "(min-width: 74rem) 50.5rem, (min-width: 56rem) calc(100vw - 23.5rem), calc(100vw - 2rem)"
)
CARD_GRID = (
    "(min-width: 74rem) 35.25rem, (min-width: 40rem) calc(50vw - 1.75rem), calc(100vw - 2rem)"
)
PICTURE = re.compile(r"<picture>.*?</picture>", re.S)
SOURCE = re.compile(r"<source [^>]*>")
IMG = re.compile(r"<img [^>]*>")
ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')


def pictures(html):
    """Each ``<picture>``: ``{"sources": {type: attrs}, "img": attrs}``."""
    found = []
    for picture in PICTURE.findall(html):
        sources = [dict(ATTRIBUTE.findall(tag)) for tag in SOURCE.findall(picture)]
        [img] = IMG.findall(picture)
        found.append(
            {"sources": {s["type"]: s for s in sources}, "img": dict(ATTRIBUTE.findall(img))}
        )
    return found


def widths(srcset):
    return [int(candidate.split()[1].rstrip("w")) for candidate in srcset.split(", ")]


def with_class(html, css_class):
    """The pictures whose ``<img>`` has ``css_class``."""
    return [p for p in pictures(html) if css_class in p["img"].get("class", "").split()]


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def inside(html, css_class):
    """The pictures inside the first element of ``css_class`` (up to its closing tag)."""
    match = re.search(rf'<(\w+) class="{css_class}[^"]*".*?</\1>', html, re.S)
    assert match, css_class
    return pictures(match.group(0))


def assert_lazy(img):
    assert img["loading"] == "lazy" and img["decoding"] == "async", img
    assert "fetchpriority" not in img


def assert_responsive(picture, fallback, sizes, expected_widths):
    """AVIF then WebP sources and a ``fallback`` <img>, each with every width once."""
    assert list(picture["sources"]) == ["image/avif", "image/webp"]
    img = picture["img"]
    assert img["src"].endswith(f".{fallback}")
    for attrs, extension in (
        (picture["sources"]["image/avif"], "avif"),
        (picture["sources"]["image/webp"], "webp"),
        (img, fallback),
    ):
        assert attrs["sizes"] == sizes
        assert widths(attrs["srcset"]) == expected_widths
        assert all(url.endswith(f".{extension}") for url in attrs["srcset"].split()[::2])
    assert int(img["width"]) == expected_widths[0] and int(img["height"]) > 0


# --- markup -----------------------------------------------------------------------------


def test_the_hero_is_a_picture_fetched_first(client, make_article, make_image):
    article = make_article(hero_image=make_image(size=(1600, 900)))

    html = get(client, article.url)

    hero = inside(html, "career-article__hero")
    [picture] = hero
    assert_responsive(picture, "jpg", MAIN_COLUMN, [400, 800, 1200])
    img = picture["img"]
    assert (img["width"], img["height"]) == ("400", "225")
    assert img["fetchpriority"] == "high" and img["loading"] == "eager"
    assert "decoding" not in img
    assert img["alt"] == article.hero_image.title
    # Only the hero is fetched first.
    assert html.count('fetchpriority="high"') == 1


def test_an_original_narrower_than_the_widest_size_lists_each_width_once(
    client, make_article, make_image
):
    # Wagtail never upscales: width-800 and width-1200 of a 600px original are both 600px.
    article = make_article(hero_image=make_image(size=(600, 338)))

    [picture] = inside(get(client, article.url), "career-article__hero")

    assert_responsive(picture, "jpg", MAIN_COLUMN, [400, 600])


def test_an_image_block_is_a_lazy_picture_of_the_main_column(client, make_article, make_image):
    image = make_image("Bureau", size=(1600, 1000))
    article = make_article(
        body=[
            ("paragraph", RichText("<p>Texte.</p>")),
            ("image", {"image": image, "alt": "Un bureau", "caption": "Légende"}),
        ]
    )

    [picture] = inside(get(client, article.url), "career-body__figure")

    assert_responsive(picture, "jpg", MAIN_COLUMN, [400, 800, 1200])
    assert_lazy(picture["img"])
    assert picture["img"]["alt"] == "Un bureau"
    assert (picture["img"]["width"], picture["img"]["height"]) == ("400", "250")


def test_cards_are_lazy_pictures_of_the_card_grid(client, career_index, make_article, make_image):
    for _ in range(2):
        make_article(hero_image=make_image(size=(1600, 900)))

    html = get(client, career_index.url)

    cards = [p for p in pictures(html) if "/images/" in p["img"]["src"]]
    assert len(cards) == 2
    for picture in cards:
        assert_responsive(picture, "jpg", CARD_GRID, [400, 800])
        assert_lazy(picture["img"])
        assert picture["img"]["alt"] == ""  # the title beside it says it all
        assert (picture["img"]["width"], picture["img"]["height"]) == ("400", "225")
        assert ".fill-400x225." in picture["img"]["src"]
    assert "fetchpriority" not in html


def test_author_photos_are_lazy_pictures(client, make_article, make_author, make_image):
    author = make_author(photo=make_image(size=(400, 400)))
    article = make_article(authors=[author])

    [picture] = with_class(get(client, article.url), "career-author-box__photo")

    assert list(picture["sources"]) == ["image/avif", "image/webp"]
    # One size, twice the 80px of career.css: no width descriptors, so no sizes either.
    assert picture["sources"]["image/avif"]["srcset"].endswith(".fill-160x160.avif")
    assert picture["sources"]["image/webp"]["srcset"].endswith(".fill-160x160.webp")
    img = picture["img"]
    assert img["src"].endswith(".fill-160x160.jpg") and "srcset" not in img
    assert (img["width"], img["height"]) == ("160", "160")
    assert_lazy(img)


def assert_logo(picture, spec, width, height):
    """AVIF and WebP sources, a PNG <img> (logos may be transparent), of one ``spec``."""
    sources = picture["sources"]
    assert list(sources) == ["image/avif", "image/webp"]
    assert sources["image/avif"]["srcset"].endswith(f".format-avif.{spec}.avif")
    assert sources["image/webp"]["srcset"].endswith(f".format-webp.{spec}.webp")
    img = picture["img"]
    assert img["src"].endswith(f".format-png.{spec}.png")
    assert (img["width"], img["height"]) == (str(width), str(height))


def test_employer_logos_are_pictures_with_a_png_fallback(
    client, career_index, article, make_employer, make_image
):
    employer = make_employer("Gowling WLG", logo=False, is_recruiting=True)
    employer.logo = make_image("Logo Gowling", size=(600, 300))
    employer.save()

    [sidebar] = with_class(get(client, article.url), "career-employer__logo")
    assert_logo(sidebar, "max-160x80", 160, 80)
    assert_lazy(sidebar["img"])
    assert sidebar["img"]["alt"] == "Logo de Gowling WLG"

    [directory] = with_class(get(client, career_index.url + "employers/"), "career-directory__logo")
    assert_logo(directory, "max-240x120", 240, 120)
    assert_lazy(directory["img"])


def test_job_offer_logos_are_pictures(client, job_index, make_offer, make_employer):
    employer = make_employer("Caisse Horizon", slug="caisse")
    offer = make_offer(employer=employer)

    [card] = with_class(get(client, job_index.url), "career-job-card__logo")
    assert_logo(card, "max-160x80", 120, 60)
    assert_lazy(card["img"])

    [facts] = with_class(get(client, offer.url), "career-job-facts__logo")
    assert_logo(facts, "max-160x80", 120, 60)
    assert facts["img"]["alt"] == "Logo de Caisse Horizon"

    # At the top of the profile: not lazy, decoded off the main thread.
    [profile] = with_class(
        get(client, job_index.profile_url(employer)), "career-employer-profile__logo"
    )
    assert_logo(profile, "max-240x120", 120, 60)
    assert "loading" not in profile["img"] and profile["img"]["decoding"] == "async"


def test_the_social_image_stays_a_png_or_jpeg_rendition(client, make_article, make_image):
    article = make_article(hero_image=make_image(size=(1600, 900)))

    html = get(client, article.url)

    [image] = re.findall(r'<meta property="og:image" content="([^"]+)"', html)
    assert image.endswith(".fill-1200x630.png")  # social networks read no AVIF


def test_the_templates_ask_for_the_prefetched_specs():
    """Prefetched renditions are matched by their exact spec: each constant is the spec
    written in its templates' {% picture %} tags (the query counts below would grow too)."""
    from wagtail_career.employers.models import DIRECTORY_LOGO_RENDITION, SIDEBAR_LOGO_RENDITION
    from wagtail_career.jobs.models import OFFER_LOGO_RENDITION
    from wagtail_career.models.pages import AUTHOR_PHOTO_RENDITION, CARD_RENDITION

    package = ROOT / "wagtail_career"
    core = package / "templates" / "wagtail_career"
    employers = package / "employers" / "templates" / "wagtail_career"
    jobs = package / "jobs" / "templates" / "wagtail_career"
    uses = {
        CARD_RENDITION: [core / "includes" / "article_card.html"],
        AUTHOR_PHOTO_RENDITION: [core / "includes" / "author_box.html"],
        SIDEBAR_LOGO_RENDITION: [employers / "includes" / "employer_list.html"],
        DIRECTORY_LOGO_RENDITION: [
            employers / "employer_directory.html",
            jobs / "employer_profile.html",
        ],
        OFFER_LOGO_RENDITION: [
            jobs / "includes" / "job_offer_card.html",
            jobs / "includes" / "job_offer_facts.html",
        ],
    }
    for spec, templates in uses.items():
        for template in templates:
            assert f" {spec} " in template.read_text(), (spec, template)


# --- queries ----------------------------------------------------------------------------


def cold_queries(client, url):
    """Queries of an anonymous GET of ``url`` with Django's cache emptied (no page, fragment
    or rendition cache); the renditions exist (made by a first request, as on a live site)."""
    get(client, url)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        html = get(client, url)
    return len(captured), html


def test_index_image_queries_do_not_grow_with_cards(
    client, settings, career_index, make_article, make_image
):
    settings.WAGTAIL_CAREER_PAGE_SIZE = 20

    def add(count):
        for _ in range(count):
            make_article(hero_image=make_image(size=(1600, 900)))

    add(3)
    small, html = cold_queries(client, career_index.url)
    assert len(pictures(html)) == 3
    add(9)
    large, html = cold_queries(client, career_index.url)
    assert len(pictures(html)) == 12
    assert small == large


def test_author_photo_queries_do_not_grow_with_authors(
    client, make_article, make_author, make_image
):
    def article(count):
        authors = [make_author(photo=make_image(size=(400, 400))) for _ in range(count)]
        return make_article(authors=authors, hero_image=make_image(size=(1600, 900)))

    one, three = article(1), article(3)  # each the other's related article
    small, html = cold_queries(client, one.url)
    assert len(with_class(html, "career-author-box__photo")) == 1
    large, html = cold_queries(client, three.url)
    assert len(with_class(html, "career-author-box__photo")) == 3
    assert small == large


def test_sidebar_logo_queries_do_not_grow_with_employers(client, home, article, make_employer):
    employer_settings = EmployerSettings.for_site(home.get_site())
    employer_settings.employers_limit = 10
    employer_settings.save()

    for _ in range(3):
        make_employer(is_recruiting=True)
    small, html = cold_queries(client, article.url)
    assert len(with_class(html, "career-employer__logo")) == 3
    for _ in range(5):
        make_employer(is_recruiting=True)
    large, html = cold_queries(client, article.url)
    assert len(with_class(html, "career-employer__logo")) == 8
    assert small == large


def test_job_listing_logo_queries_do_not_grow_with_offers(
    client, settings, job_index, make_offer, make_employer
):
    settings.WAGTAIL_CAREER_PAGE_SIZE = 20

    def add(count):
        for _ in range(count):
            make_offer(employer=make_employer())

    add(3)
    small, html = cold_queries(client, job_index.url)
    assert len(with_class(html, "career-job-card__logo")) == 3
    add(9)
    large, html = cold_queries(client, job_index.url)
    assert len(with_class(html, "career-job-card__logo")) == 12
    assert small == large


# --- validity ---------------------------------------------------------------------------


def test_pages_with_every_kind_of_picture_are_valid_html(
    db, client, career_index, make_article, make_author, make_image, make_employer, tmp_path
):
    java, jar = require_checker()
    make_employer(is_recruiting=True)
    author = make_author(photo=make_image(size=(400, 400)))
    body = [("image", {"image": make_image(size=(700, 500)), "alt": "", "caption": "Légende"})]
    make_article(hero_image=make_image(size=(1600, 900)))
    # Narrower than the widest sizes: widths listed once.
    article = make_article(authors=[author], body=body, hero_image=make_image(size=(600, 338)))
    for name, url in (
        ("article", article.url),
        ("index", career_index.url),
        ("directory", career_index.url + "employers/"),
    ):
        (tmp_path / f"{name}.html").write_text(get(client, url), encoding="utf-8")

    result = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--stdout", *sorted(tmp_path.glob("*.html"))],
        capture_output=True,
        text=True,
        timeout=300,
    )

    messages = json.loads(result.stdout)["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    assert not errors, errors
    assert len(pictures((tmp_path / "article.html").read_text())) >= 4
