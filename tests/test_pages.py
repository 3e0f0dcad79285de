"""What a visitor sees on the career index, an article and an author's archive."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.rich_text import RichText

from tests.pages import ArticlePage, CareerIndexPage

pytestmark = pytest.mark.django_db


def titles(response):
    return [article.title for article in response.context["articles"]]


def test_index_lists_live_children_newest_first(client, career_index, make_article, home):
    make_article("Ancien", date=date(2025, 1, 10))
    make_article("Récent", date=date(2026, 4, 1))
    make_article("Brouillon", date=date(2026, 5, 1), publish=False)
    undated = make_article("Sans date")  # falls back to its first publication date
    ArticlePage.objects.filter(pk=undated.pk).update(
        first_published_at=timezone.make_aware(timezone.datetime(2025, 6, 1, 12)),
        display_date_sort=date(2025, 6, 1),  # stored by save(), which update() bypasses
    )
    other_index = CareerIndexPage(title="Autre", slug="autre")
    home.add_child(instance=other_index)
    make_article("Ailleurs", parent=other_index, date=date(2026, 6, 1))

    response = client.get(career_index.url)
    assert response.status_code == 200
    assert titles(response) == ["Récent", "Sans date", "Ancien"]


@pytest.mark.parametrize(
    ("query", "expected_page"),
    [
        ("", 1),
        ("?page=2", 2),
        ("?page=abc", 1),
        ("?page=999", 3),
        ("?page=" + "9" * 30, 1),  # not a number the site reads: the first page
        ("?page=-1", 1),  # likewise (only ASCII digits are page numbers)
        ("?page=%C2%B2", 1),  # "²"
        ("?page=%D9%A2", 1),  # "٢", an Arabic-Indic digit int() would take
        ("?page=", 1),
    ],
)
def test_index_pagination_is_robust(
    client, settings, career_index, make_article, query, expected_page
):
    settings.WAGTAIL_CAREER_PAGE_SIZE = 2
    for day in range(5):
        make_article(f"Article {day}", date=date(2026, 1, 1) + timedelta(days=day))
    response = client.get(career_index.url + query)
    assert response.status_code == 200
    assert response.context["articles"].number == expected_page
    assert 'aria-current="page"' in response.content.decode()


def test_pagination_links_keep_the_tag_filter(client, settings, career_index, make_article):
    settings.WAGTAIL_CAREER_PAGE_SIZE = 1
    make_article("Un", tags=["CV"], date=date(2026, 1, 1))
    make_article("Deux", tags=["CV"], date=date(2026, 1, 2))
    html = client.get(career_index.url + "?tag=cv").content.decode()
    assert 'href="?tag=cv&amp;page=2" rel="next"' in html


def test_tag_filter(client, career_index, make_article):
    make_article("Sur le CV", tags=["CV"], date=date(2026, 1, 1))
    make_article("Sur l'entrevue", tags=["Entrevue"], date=date(2026, 1, 2))
    response = client.get(career_index.url + "?tag=cv")
    assert titles(response) == ["Sur le CV"]
    html = response.content.decode()
    assert "Articles avec le mot-clé « CV »" in html
    assert '<a href="/carriere/?tag=cv" aria-current="page">CV</a>' in html

    unknown = client.get(career_index.url + "?tag=%3Cscript%3E")
    assert unknown.status_code == 200
    assert titles(unknown) == []
    assert "Aucun article pour le moment." in unknown.content.decode()


def test_author_archive(client, career_index, make_article, make_author):
    lea = make_author("Léa Gagnon", slug="lea-gagnon", bio="Recrutrice depuis 15 ans.")
    paul = make_author("Paul Roy", slug="paul-roy")
    make_article("De Léa", authors=[lea], date=date(2026, 1, 1))
    make_article("À deux", authors=[paul, lea], date=date(2026, 1, 2))
    make_article("De Paul", authors=[paul], date=date(2026, 1, 3))

    response = client.get(career_index.url + "authors/lea-gagnon/")
    assert response.status_code == 200
    assert titles(response) == ["À deux", "De Léa"]
    html = response.content.decode()
    assert "<h1>Articles de Léa Gagnon</h1>" in html
    assert "Recrutrice depuis 15 ans." in html

    assert client.get(career_index.url + "authors/nobody/").status_code == 404


def test_article_byline_signature_date_and_reading_time(client, make_article, make_author):
    lea = make_author(
        "Léa Gagnon", slug="lea-gagnon", role="Directrice associée", organisation="Boréal Talents"
    )
    paul = make_author("Paul Roy", slug="paul-roy", role="", organisation="Nordik RH")
    article = make_article("Négocier", authors=[lea, paul], date=date(2026, 3, 9))

    html = client.get(article.url).content.decode()
    assert '<h1 id="career-article-title" class="career-article__title">Négocier</h1>' in html
    assert (
        'par\n  <a href="/carriere/authors/lea-gagnon/" rel="author">Léa Gagnon</a> et '
        '<a href="/carriere/authors/paul-roy/" rel="author">Paul Roy</a>'
    ) in html
    assert "Par : <strong>Léa Gagnon</strong>, Directrice associée de Boréal Talents" in html
    assert "Par : <strong>Paul Roy</strong>, Nordik RH" in html
    assert '<time datetime="2026-03-09">9 mars 2026</time>' in html
    # 4 intro words + 2 heading words + 450 paragraph words at 200 words a minute.
    assert "3 minutes de lecture" in html


def test_article_in_english(client, make_article, make_author):
    lea = make_author(
        "Léa Gagnon", slug="lea-gagnon", role="Associate director", organisation="Boréal Talents"
    )
    article = make_article("Negotiate", authors=[lea], date=date(2026, 3, 9))
    html = client.get("/en" + article.url).content.decode()
    assert '<html lang="fr">' in html  # the content's language, not the interface's
    assert 'by\n  <a href="/en/carriere/authors/lea-gagnon/" rel="author">Léa Gagnon</a>' in html
    assert "By: <strong>Léa Gagnon</strong>, Associate director at Boréal Talents" in html
    assert "March 9, 2026" in html
    assert "3 minutes read" in html


def test_reading_time_follows_the_setting(settings, make_article):
    settings.WAGTAIL_CAREER_WORDS_PER_MINUTE = 100
    article = make_article(body=[("paragraph", RichText("<p>" + "mot " * 250 + "</p>"))], intro="")
    assert article.reading_time == 3


def test_display_date_falls_back_to_first_publication(make_article):
    article = make_article()
    assert article.date is None
    assert article.display_date == timezone.localdate(article.first_published_at)


def test_author_and_editor_text_is_escaped(client, make_article, make_author):
    author = make_author('<script>alert("x")</script>', slug="x", role="<b>r</b>")
    article = make_article("<img src=x onerror=alert(1)>", authors=[author], intro="<i>intro</i>")
    html = client.get(article.url).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert "&lt;i&gt;intro&lt;/i&gt;" in html


def count_queries(client, url):
    """The number of SQL queries one GET of ``url`` makes."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_article_queries_do_not_grow_with_authors(client, make_article, make_author, make_image):
    one = make_article(authors=[make_author(photo=make_image())])
    five = make_article(authors=[make_author(photo=make_image()) for _ in range(5)])
    for url in (one.url, five.url):
        count_queries(client, url)  # the first view creates the image renditions
    assert count_queries(client, one.url) == count_queries(client, five.url)


def test_index_queries_do_not_grow_with_articles(
    client, career_index, make_article, make_author, make_image
):
    def add_articles(count):
        for _ in range(count):
            make_article(
                authors=[make_author(), make_author()],
                tags=["CV", "Entrevue"],
                hero_image=make_image(),
            )

    add_articles(2)
    client.get(career_index.url)
    small = count_queries(client, career_index.url)
    add_articles(6)
    client.get(career_index.url)  # creates the new articles' renditions
    assert count_queries(client, career_index.url) == small


def test_pages_extend_the_configured_base_template(client, settings, article, career_index):
    settings.WAGTAIL_CAREER_BASE_TEMPLATE = "other_base.html"
    for url in (article.url, career_index.url, career_index.url + "authors/camille-tremblay/"):
        html = client.get(url).content.decode()
        assert '<body class="other-base"><div id="site-content">' in html
        assert "/static/wagtail_career/css/career.css" in html


def test_long_pagination_is_elided(client, settings, career_index, make_article):
    settings.WAGTAIL_CAREER_PAGE_SIZE = 1
    for day in range(12):
        make_article(f"Article {day}", date=date(2026, 1, 1) + timedelta(days=day))
    html = client.get(career_index.url + "?page=6").content.decode()
    pages = re.findall(r'<span class="career-visually-hidden">Page </span>(\d+)</a>', html)
    assert pages == ["1", "4", "5", "6", "7", "8", "12"]
    assert html.count('<span aria-hidden="true">…</span>') == 2
