"""The language switcher leads to the same content in the other language: a French article to
its English translation and back, the employers directory to its English twin and back; a
page with no translation to the translated career section, never to a French page under /en/.
"""

import re

import pytest
from playwright.sync_api import expect

ARTICLE = {
    "fr": ("/carriere/cv-logiciels-de-tri/", "Rédiger un CV qui passe le cap des logiciels de tri"),
    "en": (
        "/en/career/writing-a-cv-that-gets-past-screening-software/",
        "Writing a CV that gets past screening software",
    ),
}
EMPLOYERS = {
    "fr": ("/carriere/employers/", "Les employeurs qui recrutent"),
    "en": ("/en/career/employers/", "Employers who are hiring"),
}
SWITCH_TO = {"fr": "Français", "en": "English"}

# A French article without an English translation, made for one test and deleted after it.
UNTRANSLATED = {"slug": "article-sans-traduction", "title": "Un article sans traduction"}
PUBLISH = """
from django.utils import timezone
from wagtail.models import Locale
from wagtail_career.pages.models import ArticlePage, CareerIndexPage
index = CareerIndexPage.objects.get(locale=Locale.objects.get(language_code="fr"))
page = ArticlePage(title={title!r}, slug={slug!r}, date=timezone.localdate(), intro="Rien.")
index.add_child(instance=page)
page.save_revision().publish()
"""
DELETE = """
from wagtail_career.pages.models import ArticlePage
ArticlePage.objects.filter(slug={slug!r}).delete()
"""


def switcher(page):
    return page.locator("header .site-languages")


def expect_page(page, language, path, heading):
    expect(page).to_have_url(_ends_with(path))
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert page.locator("html").get_attribute("lang") == language
    expect(switcher(page).get_by_role("link", name=SWITCH_TO[language])).to_have_attribute(
        "aria-current", "true"
    )


def _ends_with(path):
    return re.compile(r"^https?://[^/]+" + re.escape(path) + "$")


def switch(page, language):
    switcher(page).get_by_role("link", name=SWITCH_TO[language]).click()


@pytest.mark.parametrize("start", [ARTICLE, EMPLOYERS], ids=["article", "employer directory"])
def test_the_switcher_walks_fr_en_fr(page, start):
    page.goto(start["fr"][0])
    expect_page(page, "fr", *start["fr"])

    switch(page, "en")
    expect_page(page, "en", *start["en"])

    switch(page, "fr")
    expect_page(page, "fr", *start["fr"])


@pytest.fixture
def untranslated_article(demo):
    demo.shell(PUBLISH.format(**UNTRANSLATED))
    yield f"/carriere/{UNTRANSLATED['slug']}/"
    demo.shell(DELETE.format(**UNTRANSLATED))


def test_a_page_without_translation_leads_to_the_translated_section(page, untranslated_article):
    page.goto(untranslated_article)
    expect_page(page, "fr", untranslated_article, UNTRANSLATED["title"])

    switch(page, "en")
    expect_page(page, "en", "/en/career/", "Career")
