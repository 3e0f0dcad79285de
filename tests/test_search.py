"""Searching the career index (database search backend) and highlighting the results."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from wagtail_career.search import clean_query, highlight


def card_titles(html):
    return [
        re.sub(r"</?mark>", "", title)
        for title in re.findall(r'<h2 class="career-card__title"><a [^>]+>(.*?)</a></h2>', html)
    ]


@pytest.fixture
def library(make_article, make_author):
    nadia = make_author("Nadia Bélanger", slug="nadia")
    make_article(title="Préparer son entrevue", slug="entrevue", intro="Les questions pièges.")
    make_article(
        title="Le télétravail",
        slug="teletravail",
        intro="Travailler de la maison.",
        body=[("paragraph", RichText("<p>La visioconférence demande de la discipline.</p>"))],
    )
    make_article(title="Changer de carrière", slug="changer", authors=[nadia])
    make_article(title="Négocier", slug="negocier", tags=["Rémunération"])
    make_article(title="Entrevue brouillon", slug="brouillon", publish=False)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("entrevue", ["Préparer son entrevue"]),  # title (the draft is not found)
        ("pièges", ["Préparer son entrevue"]),  # intro
        ("visioconférence", ["Le télétravail"]),  # body
        ("Bélanger", ["Changer de carrière"]),  # author name
        ("Rémunération", ["Négocier"]),  # tag
        ("licorne", []),
    ],
)
def test_search_finds_articles_by_each_indexed_field(
    client, career_index, library, query, expected
):
    html = client.get("/carriere/", {"q": query}).content.decode()
    assert card_titles(html) == expected
    if not expected:
        assert "Aucun article ne correspond à votre recherche." in html
        assert "0 résultat pour « licorne »" in html


def test_search_form_keeps_the_query_and_marks_terms(client, career_index, library):
    html = client.get("/carriere/", {"q": "  entrevue  "}).content.decode()
    assert '<label for="career-search-q">Rechercher dans les articles</label>' in html
    assert 'name="q" value="entrevue"' in html
    assert "Préparer son <mark>entrevue</mark>" in html
    assert "1 résultat pour « entrevue »" in html


def test_search_escapes_the_query_everywhere(client, career_index, library):
    query = '"><script>alert(1)</script>'
    html = client.get("/carriere/", {"q": query}).content.decode()
    assert "<script>alert(1)" not in html
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html


def test_search_results_are_paginated_and_keep_the_query(
    client, settings, career_index, make_article
):
    settings.WAGTAIL_CAREER_PAGE_SIZE = 2
    for i in range(5):
        make_article(title=f"Conseil réseautage {i}")
    html = client.get("/carriere/", {"q": "réseautage"}).content.decode()
    assert len(card_titles(html)) == 2
    assert "5 résultats pour « réseautage »" in html
    assert "?q=r%C3%A9seautage&amp;page=2" in html
    html = client.get("/carriere/", {"q": "réseautage", "page": 3}).content.decode()
    assert len(card_titles(html)) == 1
    html = client.get("/carriere/", {"q": "réseautage", "page": "abc"}).content.decode()
    assert len(card_titles(html)) == 2


def test_search_within_a_tag(client, career_index, make_article):
    make_article(title="Salaire des cadres", tags=["Cadres"])
    make_article(title="Salaire des stagiaires", tags=["Stages"])
    html = client.get("/carriere/", {"q": "salaire", "tag": "stages"}).content.decode()
    assert card_titles(html) == ["Salaire des stagiaires"]
    assert '<input type="hidden" name="tag" value="stages">' in html


def test_search_in_english(client, career_index, library):
    html = client.get("/en/carriere/", {"q": "licorne"}).content.decode()
    assert "No articles match your search." in html
    assert "0 results for “licorne”" in html


def test_search_query_count_does_not_grow_with_results(
    client, settings, career_index, make_article, make_author, make_image
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/carriere/", {"q": "mentorat"}).status_code == 200
        return len(queries)

    make_article(title="Mentorat 0", authors=[make_author()], hero_image=make_image())
    client.get("/carriere/", {"q": "mentorat"})  # create the card renditions once
    cache.clear()  # both counts start cold: comment counts are cached per article
    small = count()
    for i in range(1, 5):
        make_article(title=f"Mentorat {i}", authors=[make_author(), make_author()], tags=[f"t{i}"])
    cache.clear()
    assert count() == small


def test_highlight_is_accent_and_case_insensitive_and_escapes_everything():
    assert highlight("Études & <carrière>", "etudes CARRIERE") == (
        "<mark>Études</mark> &amp; &lt;<mark>carrière</mark>&gt;"
    )
    assert highlight("a < b", "") == "a &lt; b"
    assert highlight("<b>", "b") == "&lt;<mark>b</mark>&gt;"
    assert highlight("Œuvre", "œuvre") == "<mark>Œuvre</mark>"
    assert highlight("entrevues et entrevue", "entrevue entrevues") == (
        "<mark>entrevues</mark> et <mark>entrevue</mark>"
    )


def test_clean_query():
    assert clean_query("  a \n b ") == "a b"
    assert clean_query(None) == ""
    assert len(clean_query("x" * 1000)) == 200
