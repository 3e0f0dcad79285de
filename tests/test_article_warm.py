"""A warm article view reads nothing it read before: its tags, byline and meta line, its
signature and share links come from the cache, each until what it shows changes, and never
from (nor into) a preview's, a draft's or a private page's view. The tokens a request's
fragments are versioned by are read once per request."""

import re

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.comments_helpers import make_comment
from tests.test_cache_safety import fragment_keys, model_preview
from wagtail_career.cache import purge, shared_cache, tree_dependency, version
from wagtail_career.models.pages import SHOWN_RELATIONS
from wagtail_career.pages.models import ArticlePageAuthor


def html(url, **extra):
    response = Client().get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def element(page_html, css_class, tag="p"):
    """The text of the first ``<tag class="css_class…">`` element, tags stripped."""
    found = re.search(rf'<{tag} class="{css_class}[^"]*".*?</{tag}>', page_html, re.S)
    assert found, css_class
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(0)).split())


def tags_of(page_html):
    return element(page_html, "career-tags", "nav")


def queries_of(url):
    with CaptureQueriesContext(connection) as captured:
        html(url)
    return [query["sql"] for query in captured]


@pytest.fixture
def tagged(make_article, make_author):
    alice = make_author("Alice Martin", slug="alice", role="Conseillère", organisation="Boréal")
    page = make_article("Suivi", authors=[alice], tags=["entrevue"], slug="suivi")
    return {"page": page, "alice": alice}


def test_a_warm_view_reads_neither_the_tags_nor_the_authors(tagged):
    url = tagged["page"].url
    first = queries_of(url)
    assert any("taggit_tag" in sql for sql in first)
    assert any("articlepageauthor" in sql for sql in first)
    warm = queries_of(url)
    assert not [sql for sql in warm if "taggit_tag" in sql or "articlepageauthor" in sql]
    page_html = html(url)
    assert "Alice Martin" in element(page_html, "career-byline")
    assert "entrevue" in tags_of(page_html)
    assert "Alice Martin" in element(page_html, "career-signature__line")


def test_republishing_shows_the_new_tags_and_byline_at_once(
    tagged, make_author, django_capture_on_commit_callbacks
):
    page, url = tagged["page"], tagged["page"].url
    html(url), html(url)
    bruno = make_author("Bruno Roy", slug="bruno")
    page.tags.set(["salaire"])
    page.article_authors = [ArticlePageAuthor(author=bruno)]
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page_html = html(url)
    assert "salaire" in tags_of(page_html) and "entrevue" not in tags_of(page_html)
    assert "Bruno Roy" in element(page_html, "career-byline")
    assert "Alice" not in page_html.split('class="career-sidebar"')[0]


def test_renaming_an_author_updates_the_byline_and_the_signature(
    tagged, django_capture_on_commit_callbacks
):
    url = tagged["page"].url
    html(url), html(url)
    alice = tagged["alice"]
    alice.name = "Alice Martin-Roy"
    with django_capture_on_commit_callbacks(execute=True):
        alice.save()
    page_html = html(url)
    assert "Alice Martin-Roy" in element(page_html, "career-byline")
    assert "Alice Martin-Roy" in element(page_html, "career-signature__line")


def test_an_approved_comment_updates_the_header_count(tagged, django_capture_on_commit_callbacks):
    page, url = tagged["page"], tagged["page"].url
    assert "0 commentaire" in element(html(url), "career-meta")
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(page, "Merci !")
    assert "1 commentaire" in element(html(url), "career-meta")


def test_a_preview_shows_the_drafts_tags_and_byline_and_shares_none(tagged, make_author):
    page, url = tagged["page"], tagged["page"].url
    html(url), html(url)  # the live tags and byline are cached
    draft = page.get_latest_revision_as_object()
    draft.tags.set(["brouillon"])
    draft.article_authors = [ArticlePageAuthor(author=make_author("Bruno Roy", slug="bruno"))]
    revision = draft.save_revision()

    preview = model_preview(revision)
    assert "brouillon" in tags_of(preview) and "entrevue" not in tags_of(preview)
    assert "Bruno Roy" in element(preview, "career-byline")
    assert "Bruno Roy" in element(preview, "career-signature__line")
    # The live page still shows its own, cached or not.
    for _ in range(2):
        live = html(url)
        assert "entrevue" in tags_of(live) and "brouillon" not in live
        assert "Alice Martin" in element(live, "career-byline") and "Bruno" not in live


def test_a_private_article_shares_neither_its_tags_nor_its_byline(tagged, locmem_caches):
    page, url = tagged["page"], tagged["page"].url
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    reader = Client()
    auth_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    assert reader.post(auth_url, {"password": "secret", "return_url": url}).status_code == 302
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            page_html = reader.get(url).content.decode()
        # Read from the database on every view, never from the shared cache.
        assert any("taggit_tag" in query["sql"] for query in captured)
        assert "entrevue" in tags_of(page_html)
        assert "Alice Martin" in element(page_html, "career-byline")
    keys = list(shared_cache()._cache)
    assert not [key for key in keys if f":{SHOWN_RELATIONS}:" in key]
    assert not fragment_keys("header") and not fragment_keys("footer")


def test_a_requests_versions_are_read_once_and_a_purge_shows_in_the_next(db):
    dependencies = [tree_dependency("00010001"), "authors"]
    request = RequestFactory().get("/")
    before = version(dependencies, request)
    assert before == version(dependencies)
    purge([tree_dependency("00010001")])
    # The request keeps what it read: what it stores is under the versions read before the
    # purge, which no later request reads.
    assert version(dependencies, request) == before
    assert version(dependencies, RequestFactory().get("/")) != before
    assert version(dependencies) != before
