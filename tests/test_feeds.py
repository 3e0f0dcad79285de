"""RSS 2.0 and Atom feeds of a career index, per author and per tag, read with feedparser."""

from datetime import date

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

KINDS = [("rss", "rss20", "application/rss+xml"), ("atom", "atom10", "application/atom+xml")]


def parse(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture
def articles(make_article, make_author):
    alice = make_author("Alice Côté", slug="alice", role="Conseillère")
    bob = make_author("Bob Roy", slug="bob")
    make_article(
        title="Négocier & gagner <vraiment>",
        slug="negocier",
        authors=[alice],
        tags=["Salaire"],
        date=date(2026, 3, 1),
        intro="Quand le salaire ne suffit pas.",
    )
    make_article(title="Le CV", slug="cv", authors=[alice, bob], tags=["CV"], date=date(2026, 2, 1))
    make_article(title="Brouillon secret", slug="brouillon", authors=[alice], publish=False)
    private = make_article(title="Réservé aux membres", slug="prive", authors=[alice])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return alice, bob


@pytest.mark.parametrize("kind, version, content_type", KINDS)
def test_index_feed_lists_published_public_articles_only(
    client, career_index, articles, kind, version, content_type
):
    feed = parse(client, f"/carriere/feed/{kind}/", content_type)
    assert feed.version == version
    assert feed.feed.title == "Carrière"
    assert feed.feed.link == "http://localhost/carriere/"
    assert [entry.title for entry in feed.entries] == ["Négocier & gagner <vraiment>", "Le CV"]
    first = feed.entries[0]
    assert first.link == "http://localhost/carriere/negocier/"
    assert first.id == "http://localhost/carriere/negocier/"
    assert first.summary == "Quand le salaire ne suffit pas."
    assert first.author == "Alice Côté"
    assert [tag.term for tag in first.tags] == ["Salaire"]
    assert first.published_parsed[:3] == (2026, 3, 1)
    assert feed.entries[1].author == "Alice Côté, Bob Roy"


@pytest.mark.parametrize("kind, version, content_type", KINDS)
def test_author_and_tag_feeds(client, career_index, articles, kind, version, content_type):
    feed = parse(client, f"/carriere/authors/bob/feed/{kind}/", content_type)
    assert feed.feed.title == "Articles de Bob Roy — Carrière"
    assert [entry.title for entry in feed.entries] == ["Le CV"]

    feed = parse(client, f"/carriere/tags/salaire/feed/{kind}/", content_type)
    assert feed.feed.title == "Articles avec le mot-clé « Salaire » — Carrière"
    assert [entry.title for entry in feed.entries] == ["Négocier & gagner <vraiment>"]


def test_feeds_of_unknown_subjects_are_not_found(client, career_index, articles):
    assert client.get("/carriere/authors/personne/feed/rss/").status_code == 404
    assert client.get("/carriere/tags/inconnu/feed/atom/").status_code == 404
    assert client.get("/carriere/feed/json/").status_code == 404


def test_english_feed_links_to_english_pages(client, career_index, articles):
    feed = parse(client, "/en/carriere/feed/atom/", "application/atom+xml")
    assert feed.feed.language == "en" or feed.feed.get("language") in (None, "en")
    assert feed.entries[0].link == "http://localhost/en/carriere/negocier/"
    assert feed.feed.title == "Carrière"
    feed = parse(client, "/en/carriere/authors/bob/feed/rss/", "application/rss+xml")
    assert feed.feed.title == "Articles by Bob Roy — Carrière"


def test_feed_size_is_a_setting(client, settings, career_index, articles):
    settings.WAGTAIL_CAREER_FEED_SIZE = 1
    feed = parse(client, "/carriere/feed/rss/", "application/rss+xml")
    assert [entry.title for entry in feed.entries] == ["Négocier & gagner <vraiment>"]


def test_feed_query_count_does_not_grow_with_articles(
    client, career_index, make_article, make_author
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/carriere/feed/rss/").status_code == 200
        return len(queries)

    authors = [make_author() for _ in range(3)]
    make_article(authors=authors[:1], tags=["a"])
    count()  # warm up the sites caches
    small = count()
    for i in range(5):
        make_article(authors=authors, tags=["a", "b", f"c{i}"])
    assert count() == small
