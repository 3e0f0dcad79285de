"""axe-core (the copy bundled in axe-playwright-python) on the career pages: no serious or
critical violation, in French and English, at desktop and phone widths."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .chromium import DESKTOP, PHONE

PAGES = {
    "index": "/carriere/",
    "article": "/carriere/cv-logiciels-de-tri/",
    "author archive": "/carriere/authors/nadia-fortin-sauve/",
}
LANGUAGES = {"fr": "", "en": "/en"}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
BLOCKING = {"serious", "critical"}

axe = Axe()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_name", PAGES)
def test_no_serious_accessibility_violation(new_page, page_name, language, width):
    page = new_page(viewport=WIDTHS[width])
    response = page.goto(LANGUAGES[language] + PAGES[page_name])
    assert response.status == 200
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
