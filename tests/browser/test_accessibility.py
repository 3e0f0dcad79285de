"""axe-core (the copy bundled in axe-playwright-python) on the career pages: no serious or
critical violation, in French and English (the French content tree and its English
translation), at desktop and phone widths."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .chromium import DESKTOP, PHONE
from .people import READER, fill_sign_in_form

# Page name: its path in each language's content tree; the newsletter pages' paths come with
# the tokens made for the run (prefixed with the language's prefix).
PAGES = {
    "index": {"fr": "/carriere/", "en": "/en/career/"},
    "article": {
        "fr": "/carriere/cv-logiciels-de-tri/",
        "en": "/en/career/writing-a-cv-that-gets-past-screening-software/",
    },
    "article signed in": {
        "fr": "/carriere/negocier-son-salaire/",
        "en": "/en/career/negotiating-your-salary/",
    },
    "author archive": {
        "fr": "/carriere/authors/nadia-fortin-sauve/",
        "en": "/en/career/authors/nadia-fortin-sauve/",
    },
    "employer directory": {"fr": "/carriere/employers/", "en": "/en/career/employers/"},
    "home": {"fr": "/", "en": "/en/"},
    "job listing": {"fr": "/offres-emploi/", "en": "/en/job-offers/"},
    "filtered job listing": {
        "fr": "/offres-emploi/?employer=caisse-horizon&workplace=remote",
        "en": "/en/job-offers/?employer=caisse-horizon&workplace=remote",
    },
    "job offer": {
        "fr": "/offres-emploi/physiotherapeute-trois-rivieres/",
        "en": "/en/job-offers/physiotherapist-trois-rivieres/",
    },
    "remote job offer": {
        "fr": "/offres-emploi/analyste-securite-information/",
        "en": "/en/job-offers/information-security-analyst/",
    },
    "employer profile": {
        "fr": "/offres-emploi/employers/caisse-horizon/",
        "en": "/en/job-offers/employers/caisse-horizon/",
    },
    "subscription confirmation": None,
    "unsubscribe": None,
}
NEWSLETTER_LINKS = {"subscription confirmation": "confirm", "unsubscribe": "unsubscribe"}
LANGUAGES = {"fr": "", "en": "/en"}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
BLOCKING = {"serious", "critical"}

axe = Axe()


@pytest.fixture(scope="session")
def newsletter_links(make_subscription):
    """Real confirmation and unsubscribe links; opening them (GET) changes nothing."""
    return make_subscription("audit@example.com")


@pytest.fixture(scope="session")
def reader_state(browser, demo_site):
    """The cookies of the demo's reader, signed in once for every audit that needs them."""
    context = browser.new_context(base_url=demo_site)
    page = context.new_page()
    page.goto("/accounts/login/")
    fill_sign_in_form(page, READER)
    page.wait_for_url(f"{demo_site}/")
    state = context.storage_state()
    context.close()
    return state


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_name", PAGES)
def test_no_serious_accessibility_violation(request, new_page, page_name, language, width):
    options = {}
    if page_name in NEWSLETTER_LINKS:
        path = request.getfixturevalue("newsletter_links")[NEWSLETTER_LINKS[page_name]]
        path = LANGUAGES[language] + path
    else:
        path = PAGES[page_name][language]
    if page_name == "article signed in":
        options["storage_state"] = request.getfixturevalue("reader_state")
    page = new_page(viewport=WIDTHS[width], **options)
    response = page.goto(path)
    assert response.status == 200
    if page_name == "article signed in":
        expect(page.locator("form.career-comment-form textarea")).to_be_visible()
    if page_name in NEWSLETTER_LINKS:
        expect(page.locator("main form button")).to_be_visible()  # the page that asks
    assert page.locator("html").get_attribute("lang") == language

    violations = axe.run(page).response["violations"]
    # Every finding is listed in the output (pytest -rP); only the blocking ones fail.
    print(
        f"{page_name} {language} {width}: "
        + (", ".join(f"{v['id']} ({v['impact']})" for v in violations) or "no violation")
    )
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(str(node["target"]) for node in v["nodes"])
        for v in violations
        if v["impact"] in BLOCKING
    ]
    assert blocking == []


def test_the_audit_finds_a_violation_when_there_is_one(new_page):
    """The check above can fail: the same audit flags an image without a text alternative."""
    page = new_page()
    page.set_content(
        '<html lang="fr"><title>t</title><main><h1>t</h1><img src="x.png"></main></html>'
    )
    violations = axe.run(page).response["violations"]
    assert [(v["id"], v["impact"]) for v in violations] == [("image-alt", "critical")]
