"""Search in each article's language on PostgreSQL (issue 17), with the configuration the
README documents: ``wagtail_career.search_backends.postgres`` indexing each article with its
locale's ``career_french`` / ``career_english`` (the core's migration: stemming after
``unaccent``), read by query-only aliases with the same configurations."""

import re
from html import unescape

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import override_settings
from wagtail.models import Locale
from wagtail.rich_text import RichText

from tests.pages import ArticlePage, CareerIndexPage

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL's text search configurations and unaccent; CI runs it on PostgreSQL",
)

BACKENDS = {
    "default": {
        "BACKEND": "wagtail_career.search_backends.postgres",
        "SEARCH_CONFIG": "simple",  # SEARCH_CONFIGS: the default, career_french / career_english
    },
    # Query-only: each language's configuration (career_french, career_english).
    "fr": {
        "BACKEND": "wagtail_career.search_backends.postgres.LanguageQueryBackend",
        "LANGUAGE": "fr",
        "AUTO_UPDATE": False,
    },
    "en": {
        "BACKEND": "wagtail_career.search_backends.postgres.LanguageQueryBackend",
        "LANGUAGE": "en",
    },  # AUTO_UPDATE left on: saving a page does not write through it either
}


@pytest.fixture(autouse=True)
def _language_backends():
    with override_settings(
        WAGTAILSEARCH_BACKENDS=BACKENDS, WAGTAIL_CAREER_SEARCH_BACKENDS={"fr": "fr", "en": "en"}
    ):
        yield


def body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def found(client, index, query):
    """The results page's text, without the terms' highlighting."""
    html = client.get(index.url, {"q": query}).content.decode()
    return unescape(re.sub(r"</?mark>", "", html))


@pytest.fixture
def english_index(home):
    """An index and its articles in the English locale (on this one-language site, queried
    through the backend's "en" alias)."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    index = CareerIndexPage(title="Career", slug="career", locale=english)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def search(query, backend):
    return [a.title for a in ArticlePage.objects.live().search(query, backend=backend)]


def test_french_stemming_finds_other_forms_of_a_word(client, career_index, make_article):
    make_article(title="Le réseau", body=body("Un profil professionnel soigné."))
    make_article(title="Autre chose", body=body("Rien à voir."))
    html = found(client, career_index, "professionnelles")
    assert "Le réseau" in html and "Autre chose" not in html


def test_accents_are_folded_both_ways(client, career_index, make_article):
    make_article(title="Changer de carrière", body=body("Une réorientation réussie."))
    make_article(title="Sans rapport", body=body("Rien à voir."))
    for query in ("carriere", "CARRIÈRE", "reorientation"):
        html = found(client, career_index, query)
        assert "Changer de carrière" in html and "Sans rapport" not in html, query
    # An accent the text does not have matches too.
    make_article(title="Le cafe", body=body("Un cafe entre collegues."))
    assert "Le cafe" in found(client, career_index, "collègues")


def test_english_articles_are_stemmed_in_english(english_index, make_article):
    make_article(title="Interviews", parent=english_index, body=body("Running the interviews."))
    assert search("interview", "en") == ["Interviews"]
    # Stemmed with english_stem, not french_stem (which leaves "running" whole): the French
    # configuration does not leak into English articles.
    assert search("run", "en") == ["Interviews"]


def test_french_articles_keep_the_french_configuration(english_index, make_article):
    make_article(title="Professionnel", body=body("Des relations professionnelles."))
    make_article(title="Professional", parent=english_index, body=body("Running networks."))
    assert search("professionnel", "fr") == ["Professionnel"]
    assert search("networking", "en") == ["Professional"]  # english stem "network"


def test_update_index_indexes_each_article_in_its_language(
    client, career_index, english_index, make_article
):
    make_article(title="Changer de carrière", body=body("Des relations professionnelles."))
    make_article(title="Interviews", parent=english_index, body=body("Running interviews."))
    # Every alias is listed, but only the default one writes (the query-only ones would
    # index everything again in their own language).
    call_command("update_index", verbosity=0)
    assert "Changer de carrière" in found(client, career_index, "carriere professionnel")
    assert search("run", "en") == ["Interviews"]
