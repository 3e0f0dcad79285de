"""Listings at scale (issue 17): the index's pages, a deep page, a tag filter, an author
archive and search results cost the same queries at two sizes, none reads the articles'
bodies, the sort is on a stored, indexed date, and the tag filter's list is cached."""

import re
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.comments_helpers import make_comment
from tests.pages import ArticlePage
from wagtail_career.cache import listing_dependency, purge
from wagtail_career.migration_helpers import fill_display_dates

SMALL, LARGE = 11, 23
# The query of the tag filter's list (the cards' tags are a prefetch, from the tags' links).
TAG_LIST = re.compile(
    r'SELECT "taggit_tag"\."id", "taggit_tag"\."name", .* FROM "taggit_tag" WHERE'
)


def captured(client, url):
    """The SQL of one anonymous GET of ``url`` (rendered once before: renditions exist)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in queries]


def body_column():
    return f'"{ArticlePage._meta.db_table}"."body"'


@pytest.fixture
def grow(make_article, make_author, make_image):
    """``grow(count)``: live articles up to ``count``, each with the same hero image, tags
    and one or two of three authors (the first signs them all)."""
    hero = make_image()
    authors = [make_author() for _ in range(3)]
    made = []

    def grow_to(count):
        while len(made) < count:
            n = len(made)
            signed = [authors[0], authors[1 + n % 2]] if n % 3 else [authors[0]]
            made.append(
                make_article(
                    title=f"Conseil {n}",
                    authors=signed,
                    tags=["cv", f"sujet-{n % 4}"],
                    hero_image=hero,
                )
            )
        return made

    grow_to.authors = authors
    return grow_to


def listing_urls(career_index, author):
    url = career_index.url
    return {
        "index": url,
        "deep page": f"{url}?page=2",
        "tag filter": f"{url}?tag=cv",
        "author archive": career_index.author_archive_url(author),
        "search": f"{url}?q=conseil",
    }


def measure(client, urls):
    """``{name: (queries, SQL)}`` of each URL, rendered once first."""
    for url in urls.values():
        assert client.get(url).status_code == 200
    return {name: captured(client, url) for name, url in urls.items()}


def test_listings_cost_the_same_queries_at_two_sizes_and_never_read_bodies(
    client, career_index, grow
):
    grow(SMALL)
    urls = listing_urls(career_index, grow.authors[0])
    small = measure(client, urls)
    grow(LARGE)
    large = measure(client, urls)

    for name in urls:
        assert len(small[name]) == len(large[name]), (name, small[name], large[name])
        for sql in small[name] + large[name]:
            assert body_column() not in sql, (name, sql)
    # Ten cards everywhere, the search too (every title has "Conseil").
    html = client.get(urls["search"]).content.decode()
    assert html.count('class="career-card"') == 10


def test_cards_show_no_reading_time_but_articles_do(client, career_index, grow):
    article = grow(1)[0]
    card = client.get(career_index.url).content.decode()
    assert "career-meta__reading-time" not in card
    assert "career-meta__reading-time" in client.get(article.url).content.decode()


def test_deep_pages_fetch_their_rows_by_key(client, career_index, grow):
    """The page's keys first (a narrow sort), then ten rows: the last page is complete."""
    articles = grow(SMALL)
    sql = captured(client, f"{career_index.url}?page=2")
    keys = [q for q in sql if re.match(r'SELECT "[^"]+"\."\w+_ptr_id" AS "pk" FROM', q)]
    assert len(keys) == 1 and "OFFSET 10" in keys[0]
    html = client.get(f"{career_index.url}?page=2").content.decode()
    # Newest first: the oldest articles are on page 2.
    assert [a.title for a in articles[: SMALL - 10][::-1]] == re.findall(
        r'class="career-card__title"><a [^>]+>([^<]+)</a>', html
    )


def test_the_sort_date_is_stored_from_the_date_or_the_first_publication(
    client, career_index, make_article
):
    today = timezone.localdate()
    undated = make_article(title="Sans date")
    old = make_article(title="Ancien", date=date(2020, 1, 1))
    future = make_article(title="Daté", date=today + timedelta(days=3))
    assert undated.display_date_sort == today
    assert old.display_date_sort == date(2020, 1, 1)
    html = client.get(career_index.url).content.decode()
    titles = re.findall(r'class="career-card__title"><a [^>]+>([^<]+)</a>', html)
    assert titles == ["Daté", "Sans date", "Ancien"]

    # A new date moves the article once published (the field is saved with it).
    revision = old.save_revision()
    old = revision.as_object()
    old.date = today + timedelta(days=10)
    old.save_revision().publish()
    old.refresh_from_db()
    assert old.display_date_sort == today + timedelta(days=10)
    html = client.get(career_index.url).content.decode()
    titles = re.findall(r'class="career-card__title"><a [^>]+>([^<]+)</a>', html)
    assert titles == ["Ancien", "Daté", "Sans date"]

    # Saving only the date (update_fields) stores the sort date too.
    future.date = date(2019, 5, 5)
    future.save(update_fields=["date"])
    future.refresh_from_db()
    assert future.display_date_sort == date(2019, 5, 5)


def test_the_migration_stores_the_existing_articles_dates(make_article):
    dated = make_article(date=date(2020, 2, 2))
    undated = make_article()
    first = timezone.make_aware(timezone.datetime(2021, 3, 3, 23, 30))  # Toronto time
    ArticlePage.objects.filter(pk=undated.pk).update(first_published_at=first)
    ArticlePage.objects.update(display_date_sort=None)
    fill_display_dates(ArticlePage._meta.app_label, ArticlePage.__name__)(apps, None)
    stored = dict(ArticlePage.objects.values_list("pk", "display_date_sort"))
    assert stored == {dated.pk: date(2020, 2, 2), undated.pk: date(2021, 3, 3)}


def test_the_index_is_sorted_on_an_indexed_column():
    indexed = [index.fields for index in ArticlePage._meta.indexes] + [
        [field.name] for field in ArticlePage._meta.fields if field.db_index
    ]
    assert ["display_date_sort"] in indexed


def test_the_tag_list_is_cached_and_refreshed_when_an_article_changes(
    client, career_index, grow, make_article
):
    grow(SMALL)
    url = career_index.url
    client.get(url)
    warm = captured(client, url)
    assert not any(TAG_LIST.match(sql) for sql in warm)
    # A purge of the listing (what publishing does) makes the list stale: read again, once.
    purge([listing_dependency(career_index.path)])
    assert sum(bool(TAG_LIST.match(sql)) for sql in captured(client, url)) == 1
    assert len(captured(client, url)) == len(warm)

    assert "?tag=nouveau" not in client.get(url).content.decode()
    tagged = make_article(title="Nouveauté", tags=["Nouveau"])
    assert "?tag=nouveau" in client.get(url).content.decode()
    tagged.unpublish()
    assert "?tag=nouveau" not in client.get(url).content.decode()


# The listing's cards kept rendered (includes/article_list.html, listing_fragment): a view the
# page cache does not serve fetches none of their rows again, and every change they show
# renders them afresh.


def card_queries(client, url):
    """The prefetch of the cards' bylines (a query of the authors' links table itself)."""
    table = ArticlePage._meta.get_field("article_authors").related_model._meta.db_table
    return [sql for sql in captured(client, url) if sql.startswith(f'SELECT "{table}".')]


def test_a_listing_s_cards_are_kept_rendered_and_their_rows_not_fetched_again(
    client, grow, career_index
):
    grow(SMALL)
    tag_url = f"{career_index.url}?tag=cv"
    archive = career_index.author_archive_url(grow.authors[0])
    for url in (career_index.url, f"{career_index.url}?page=2", tag_url, archive):
        assert card_queries(client, url), url  # rendered: the cards' authors fetched
        assert not card_queries(client, url), url  # kept: nothing of the cards read


def test_search_results_are_never_kept(client, grow, career_index):
    grow(SMALL)
    url = f"{career_index.url}?q=conseil"
    first = client.get(url).content.decode()
    assert "<mark>Conseil</mark>" in first
    assert card_queries(client, url)


def test_kept_cards_change_with_what_they_show(client, grow, career_index, make_article):
    made = grow(SMALL)
    client.get(career_index.url)
    make_article(title="Un tout nouvel article", tags=["cv"])
    assert "Un tout nouvel article" in client.get(career_index.url).content.decode()

    author = grow.authors[0]
    author.name = "Nom changé de l'autrice"
    author.save()
    assert "Nom changé de l" in client.get(career_index.url).content.decode()

    newest = made[-1]
    before = client.get(career_index.url).content.decode()
    make_comment(ArticlePage.objects.get(pk=newest.pk), text="Premier commentaire")
    after = client.get(career_index.url).content.decode()
    assert after != before  # the newest card's comment count
    assert "1 commentaire" in after
