"""A visitor reads the career section in Chromium: with JavaScript, without it, by keyboard.

The demo content (example_site/demo/content.py, and its English translation in
content_en.py) is the fixture: in each language, its "CV" tag has exactly one article, signed
by two authors.
"""

import re
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from .chromium import DESKTOP, PHONE
from .demo_facts import EMPLOYERS, JOB_INDEX, JOB_OFFERS
from .keyboard import press_tab_until, tab_through
from .people import READER, fill_sign_in_form

ARTICLE_TITLE = "Rédiger un CV qui passe le cap des logiciels de tri"
ARTICLE_SLUG = "cv-logiciels-de-tri"

# What a visitor reads in each language; the English site lives under /en/, in its own page
# tree (the French pages' Wagtail translations).
LANGUAGES = {
    "fr": {
        "prefix": "",
        "index": "/carriere/",
        "index_title": "Carrière",
        "article_title": ARTICLE_TITLE,
        "article_slug": ARTICLE_SLUG,
        "filter": "Filtrer par mot-clé",
        "filtered": "Articles avec le mot-clé « CV »",
        "byline": "par Olivier Bergeron-Roy et Nadia Fortin-Sauvé",
        "signatures": [
            "Par : Olivier Bergeron-Roy, Conseiller en recrutement de Boréal Talents",
            "Par : Nadia Fortin-Sauvé, Coach de carrière de Atelier Fleuve Carrières",
        ],
        "date": "24 mars 2026",
        "reading_time": r"^\d+ minutes? de lecture$",
        "employers": "Les employeurs qui recrutent",
        "all_employers": "Voir tous les employeurs qui recrutent",
        "share": "Partagez cette nouvelle!",
        "copy": "Copier le lien",
        "copied": "Lien copié.",
    },
    "en": {
        "prefix": "/en",
        "index": "/en/career/",
        "index_title": "Career",
        "article_title": "Writing a CV that gets past screening software",
        "article_slug": "writing-a-cv-that-gets-past-screening-software",
        "filter": "Filter by tag",
        "filtered": "Articles tagged “CV”",
        "byline": "by Olivier Bergeron-Roy and Nadia Fortin-Sauvé",
        "signatures": [
            "By: Olivier Bergeron-Roy, Recruitment Consultant at Boréal Talents",
            "By: Nadia Fortin-Sauvé, Career Coach at Atelier Fleuve Carrières",
        ],
        "date": "March 24, 2026",
        "reading_time": r"^\d+ minutes? read$",
        "employers": "Employers who are hiring",
        "all_employers": "See all employers who are hiring",
        "share": "Share this article!",
        "copy": "Copy link",
        "copied": "Link copied.",
    },
}


def failed_responses(page):
    """Collect every response of the page with an error status (a missing stylesheet, image...)."""
    failures = []
    page.on(
        "response",
        lambda response: (
            failures.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    return failures


def read_an_article(page, language):
    """Flow 1 as far as it exists: index, tag filter, article, byline, signature, date, time."""
    text = LANGUAGES[language]
    index_url = text["index"]

    page.goto(index_url)
    expect(page.get_by_role("heading", level=1)).to_have_text(text["index_title"])
    cards = page.locator(".career-card")
    expect(cards).to_have_count(6)

    tag_filter = page.get_by_role("navigation", name=text["filter"])
    tag_filter.get_by_role("link", name="CV", exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(index_url) + r"\?tag=cv$"))
    expect(page.get_by_role("heading", level=2, name=text["filtered"])).to_be_visible()
    expect(tag_filter.get_by_role("link", name="CV", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    expect(cards).to_have_count(1)

    cards.get_by_role("link", name=text["article_title"]).click()
    expect(page).to_have_url(re.compile(re.escape(f"{index_url}{text['article_slug']}/") + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(text["article_title"])

    header = page.locator(".career-article__header")
    expect(header.locator(".career-byline")).to_have_text(text["byline"])
    expect(header.get_by_role("link", name="Olivier Bergeron-Roy")).to_have_attribute(
        "href", f"{index_url}authors/olivier-bergeron-roy/"
    )
    expect(header.locator("time")).to_have_attribute("datetime", "2026-03-24")
    expect(header.locator("time")).to_have_text(text["date"])
    expect(header.locator(".career-meta__reading-time")).to_have_text(
        re.compile(text["reading_time"])
    )
    expect(page.locator(".career-signature__line")).to_have_text(text["signatures"])
    check_employers_sidebar(page, language)


def check_employers_sidebar(page, language):
    """The sidebar lists the recruiting employers in order, each with its logo, each name a
    link to the employer's profile on the job offers' index (the demo has one) with its
    number of open positions, then a link to the directory."""
    text = LANGUAGES[language]
    section = page.get_by_role("complementary").get_by_role("region", name=text["employers"])
    expect(section.get_by_role("heading", level=2)).to_have_text(text["employers"])
    links = section.get_by_role("listitem").get_by_role("link")
    expect(links).to_have_text(list(EMPLOYERS))
    profile = re.compile(re.escape(JOB_INDEX[language]) + r"employers/[^/]+/$")
    for link in links.all():
        expect(link).to_have_attribute("href", profile)
    open_offers = Counter(offer.employer for offer in JOB_OFFERS if offer.is_open)
    counts = section.locator(".career-employer__count")
    expect(counts).to_have_text(
        [re.compile(rf"^{open_offers[name]} ") for name in EMPLOYERS if name in open_offers]
    )
    for name, logo in zip(EMPLOYERS, section.get_by_role("img").all(), strict=True):
        expect(logo).to_have_accessible_name(re.compile(re.escape(name)))
    expect(section.get_by_role("link", name=text["all_employers"])).to_have_attribute(
        "href", f"{text['index']}employers/"
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_visitor_filters_by_tag_and_reads_an_article(page, language):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    failures = failed_responses(page)
    read_an_article(page, language)

    # The copy-link button puts the article's full address on the clipboard and says so.
    share = page.get_by_role("region", name=LANGUAGES[language]["share"])
    share.get_by_role("button", name=LANGUAGES[language]["copy"]).click()
    expect(share.get_by_role("status")).to_have_text(LANGUAGES[language]["copied"])
    assert page.evaluate("navigator.clipboard.readText()") == page.url
    # The page is styled and illustrated: its stylesheets and images all loaded.
    assert page.locator(".career-article__hero img").evaluate("img => img.naturalWidth") > 0
    assert page.locator(".career").evaluate("el => getComputedStyle(el).maxWidth") != "none"
    assert failures == []


def test_visitor_reads_an_article_without_javascript(page_without_js):
    # The browser really runs no page script (so the flow below would notice a link or
    # form that needs one).
    page_without_js.set_content("<title>off</title><script>document.title = 'on'</script>")
    assert page_without_js.title() == "off"

    page = page_without_js
    failures = failed_responses(page)
    read_an_article(page, "fr")
    assert failures == []

    # Without the script the copy-link button stays hidden, and the share links still work:
    # LinkedIn (answered here by a stand-in, the tests have no network) gets the address.
    share = page.get_by_role("region", name=LANGUAGES["fr"]["share"])
    expect(share.get_by_role("button")).to_have_count(0)
    page.route(
        "https://www.linkedin.com/**",
        lambda route: route.fulfill(content_type="text/html", body="<title>LinkedIn</title>"),
    )
    article_url = page.url
    share.get_by_role("link", name="Partager sur LinkedIn").click()
    expect(page).to_have_title("LinkedIn")
    shared = parse_qs(urlsplit(page.url).query)
    assert shared == {"url": [article_url]}


def test_keyboard_user_reads_an_article(page):
    page.goto("/carriere/")
    stops = tab_through(page)
    assert stops[0].startswith("#0 a “Aller au contenu”"), "the skip link comes first"

    page.evaluate("document.activeElement && document.activeElement.blur()")
    press_tab_until(page, "CV")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/carriere/\?tag=cv$"))
    tab_through(page)

    press_tab_until(page, ARTICLE_TITLE)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(ARTICLE_TITLE)
    stops = tab_through(page)
    assert any("Nadia Fortin-Sauvé" in stop for stop in stops)


# Each field of the newsletter box and the comment form, and the box whose content area
# it must stay inside (at 100% width, its own padding and border included).
FIELDS_IN_BOXES = {
    ".career-newsletter input[type=email]": ".career-newsletter",
    ".career-comment-form textarea": ".career-comments",
}


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_form_fields_stay_inside_their_boxes(new_page, width):
    page = new_page(viewport={"desktop": DESKTOP, "phone": PHONE}[width])
    page.goto("/accounts/login/?next=/carriere/negocier-son-salaire/")
    fill_sign_in_form(page, READER)
    expect(page.locator(".career-comment-form")).to_be_visible()
    for field, box in FIELDS_IN_BOXES.items():
        # How far the field reaches past the box's content edge (inside its padding).
        overflow = page.locator(field).evaluate(
            """(el, box) => { const outer = el.closest(box);
                return el.getBoundingClientRect().right - outer.getBoundingClientRect().right
                    + parseFloat(getComputedStyle(outer).paddingRight)
                    + parseFloat(getComputedStyle(outer).borderRightWidth); }""",
            box,
        )
        assert overflow <= 0, f"{field} sticks out of {box} by {overflow}px"
