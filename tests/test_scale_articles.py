"""An article among many siblings: the related-articles query reads only the rows of the
article's tags and no body, the view costs the same number of queries whatever the number
of siblings, and publishing an article purges only the siblings whose related list it may
be in (those sharing a tag with it, before and after the edit)."""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from tests import frontend_cache_backend
from tests.test_cache_safety import turn_page_cache_on
from wagtail_career.cache import STATUS_HEADER
from wagtail_career.languages import i18n_enabled

# Anonymous article views (page cache off), every feature of the test site on (comments,
# employers, jobs, newsletter, the <head> metadata): warm, and right after a purge (a
# sibling sharing a tag republished: the related list and the page are rebuilt, the
# settings, renditions and other values stay cached). With i18n, the locale, the authors'
# translations and the hreflang alternates cost a query each.
WARM_BUDGET = 15 if i18n_enabled() else 11
AFTER_PURGE_BUDGET = 15


def count(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def article_costs(client, url, sibling):
    """(after Django's cache was emptied, warm, right after ``sibling`` was republished)."""
    client.get(url)  # renditions made once, as on a live site
    cache.clear()
    cold = count(client, url)
    warm = count(client, url)
    with TestCase.captureOnCommitCallbacks(execute=True):
        sibling.save_revision().publish()
    return cold, warm, count(client, url)


def add_siblings(make_article, number, tags=("cv",)):
    return [make_article(title=f"Voisin {n}", tags=[*tags, f"t{n % 4}"]) for n in range(number)]


def test_article_queries_do_not_grow_with_siblings(client, make_article, make_author):
    article = make_article(title="Courant", authors=[make_author()], tags=["cv", "entrevue"])
    sibling = add_siblings(make_article, 5)[0]
    small = article_costs(client, article.url, sibling)
    add_siblings(make_article, 35)
    large = article_costs(client, article.url, sibling)
    assert small == large
    _cold, warm, after_purge = large
    assert warm <= WARM_BUDGET
    assert after_purge <= AFTER_PURGE_BUDGET


def test_the_related_query_reads_the_tag_rows_and_no_body(make_article, settings):
    settings.WAGTAIL_CAREER_RELATED_ARTICLES = 3
    article = make_article(title="Courant", tags=["cv"])
    add_siblings(make_article, 8, tags=("cv",))
    article.refresh_from_db()
    list(article.tag_list)
    with CaptureQueriesContext(connection) as captured:
        related = list(article.related_articles())
    assert len(related) == 3
    sql = [query["sql"] for query in captured.captured_queries]
    assert all('"body"' not in query for query in sql), sql
    # The candidates come from the tag-through table, grouped, with a LIMIT.
    candidates = [query for query in sql if "articlepagetag" in query and "GROUP BY" in query]
    assert candidates and "LIMIT 3" in candidates[0]
    # No query sorts the siblings by date without a LIMIT.
    for query in sql:
        if "ORDER BY" in query and "display_date_sort" in query and "IN (" not in query:
            assert "LIMIT" in query, query


def test_related_ids_are_kept_until_a_tag_changes(client, make_article):
    article = make_article(title="Courant", tags=["cv"])
    add_siblings(make_article, 4)
    client.get(article.url)
    article = type(article).objects.get(pk=article.pk)
    article.tag_list  # noqa: B018  (read, as the view does)
    with CaptureQueriesContext(connection) as captured:
        article.related_by_tags  # noqa: B018
    assert len(captured) == 0


@pytest.fixture
def tagged_site(settings, make_article):
    """One related article each (N=1). "x-1" and "x-2" share the tag x, "y-1" and "y-2" the
    tag y; the older "ancien" (tag x) is the one republished: not among the newest."""
    settings.WAGTAIL_CAREER_RELATED_ARTICLES = 1
    turn_page_cache_on(settings)
    old = make_article(title="Ancien", tags=["x"], date=date(2020, 1, 1))
    pages = {
        name: make_article(title=name, tags=[tag], date=date(2026, 1, day))
        for day, (name, tag) in enumerate(
            [("x-1", "x"), ("x-2", "x"), ("y-1", "y"), ("y-2", "y")], start=1
        )
    }
    return old, pages


def status(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.get(STATUS_HEADER)


def prime(client, pages):
    for page in pages.values():
        assert status(client, page.url) == "miss"
        assert status(client, page.url) == "hit"


def test_publishing_purges_only_the_siblings_sharing_a_tag(
    client, tagged_site, make_article, django_capture_on_commit_callbacks
):
    old, pages = tagged_site
    prime(client, pages)
    frontend_cache_backend.purged.clear()
    old.title = "Ancien, revu"
    with django_capture_on_commit_callbacks(execute=True):
        old.save_revision().publish()
    assert status(client, pages["x-1"].url) == "miss"
    assert status(client, pages["x-2"].url) == "miss"
    assert status(client, pages["y-1"].url) == "hit"
    assert status(client, pages["y-2"].url) == "hit"
    # The CDN is sent the same siblings, in every language.
    purged = set(frontend_cache_backend.purged)
    for name in ("x-1", "x-2"):
        assert {f"http://localhost{pages[name].url}", f"http://localhost/en{pages[name].url}"} <= (
            purged
        )
    assert not {url for url in purged if pages["y-1"].url in url or pages["y-2"].url in url}


def test_a_new_article_keeps_the_siblings_sharing_no_tag(
    client, tagged_site, make_article, django_capture_on_commit_callbacks
):
    _old, pages = tagged_site
    prime(client, pages)
    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Nouveau", tags=["x"])
    assert status(client, pages["x-1"].url) == "miss"
    assert "Nouveau" in client.get(pages["x-2"].url).content.decode()
    assert status(client, pages["y-1"].url) == "hit"
    assert status(client, pages["y-2"].url) == "hit"


def test_removing_a_tag_purges_that_tags_siblings(
    client, tagged_site, django_capture_on_commit_callbacks
):
    old, pages = tagged_site
    prime(client, pages)
    frontend_cache_backend.purged.clear()
    old.tags.set(["z"])
    with django_capture_on_commit_callbacks(execute=True):
        old.save_revision().publish()
    # x-1 and x-2 may have listed it under x: rebuilt; y's lists never could.
    assert status(client, pages["x-1"].url) == "miss"
    assert status(client, pages["x-2"].url) == "miss"
    assert status(client, pages["y-1"].url) == "hit"
    purged = set(frontend_cache_backend.purged)
    assert f"http://localhost{pages['x-1'].url}" in purged
    assert f"http://localhost{pages['y-1'].url}" not in purged


def test_a_list_filled_with_the_newest_is_purged_by_a_new_article(
    client, tagged_site, make_article, django_capture_on_commit_callbacks
):
    """An article no sibling shares a tag with shows the newest: a new article changes it,
    an old one republished does not."""
    old, pages = tagged_site
    alone = make_article(title="Seul", tags=["rare"], date=date(2026, 2, 1))
    assert status(client, alone.url) == "miss"
    assert status(client, alone.url) == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        old.save_revision().publish()
    assert status(client, alone.url) == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Tout nouveau", tags=["y"], date=date(2026, 3, 1))
    response = client.get(alone.url)
    assert response[STATUS_HEADER] == "miss"
    assert "Tout nouveau" in response.content.decode()
