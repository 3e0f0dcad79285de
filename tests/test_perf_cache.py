"""The page cache: what it serves, what bypasses it, and the purges of each change."""

import re

import pytest
from django.conf import settings as django_settings
from django.template import Context, Template
from django.test import Client, RequestFactory
from django_comments.views.moderation import perform_approve, perform_delete

from tests import frontend_cache_backend
from tests.comments_helpers import POST_URL, form_data, make_comment, make_user, set_policy
from wagtail_career.cache import STATUS_HEADER
from wagtail_career.newsletter.models import NewsletterSettings
from wagtail_career.pages.models import ArticlePage, CareerIndexPage

MIDDLEWARE = "wagtail_career.cache.CareerPageCacheMiddleware"


@pytest.fixture(autouse=True)
def page_cache(settings):
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(middleware.index("django.middleware.common.CommonMiddleware") + 1, MIDDLEWARE)
    settings.MIDDLEWARE = middleware
    frontend_cache_backend.purged.clear()


def status(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get(STATUS_HEADER)


@pytest.fixture
def site_pages(make_article, make_author, make_employer, home):
    """Two indexes; the first with two articles (authors, tags), the second with one."""
    make_employer()
    lea = make_author("Léa Gagnon", slug="lea")
    first = make_article("Premier", authors=[lea], tags=["cv"])
    second = make_article("Second", authors=[lea])
    other_index = CareerIndexPage(title="Autre", slug="autre")
    home.add_child(instance=other_index)
    other_index.save_revision().publish()
    elsewhere = make_article("Ailleurs", parent=other_index)
    index = first.get_parent().specific
    return {
        "first": first,
        "second": second,
        "index": index,
        "archive": index.url + "authors/lea/",
        "tagged": index.url + "?tag=cv",
        "directory": index.url + "employers/",
        "other_index": other_index,
        "elsewhere": elsewhere,
    }


def urls_of(pages):
    return [
        pages["first"].url,
        pages["second"].url,
        pages["index"].url,
        pages["archive"],
        pages["tagged"],
        pages["directory"],
        pages["other_index"].url,
        pages["elsewhere"].url,
    ]


def prime(client, pages):
    for url in urls_of(pages):
        assert status(client, url) == "miss"
    for url in urls_of(pages):
        assert status(client, url) == "hit"


def fresh(client, pages):
    """The URLs that are no longer served from the cache."""
    return {url for url in urls_of(pages) if status(client, url) != "hit"}


def test_a_cached_article_is_served_without_the_view(
    client, article, monkeypatch, django_assert_num_queries
):
    first = client.get(article.url)
    assert first[STATUS_HEADER] == "miss"

    def no_view(*args, **kwargs):
        raise AssertionError("the view ran")

    monkeypatch.setattr(ArticlePage, "serve", no_view)
    with django_assert_num_queries(0):
        second = client.get(article.url)
    assert second[STATUS_HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Set-Cookie" not in second.headers
    assert "cookie" not in second.get("Vary", "").lower()


def test_each_language_and_query_string_has_its_own_entry(client, article):
    url = article.url
    assert status(client, url) == "miss"
    assert status(client, "/en" + url) == "miss"
    assert status(client, url + "?comments_page=2") == "miss"
    english = client.get("/en" + url)
    assert english[STATUS_HEADER] == "hit"
    # The English interface (the French content keeps <html lang="fr">).
    assert "minutes read" in english.content.decode()


def test_a_session_or_a_message_bypasses_the_cache(client, article):
    client.get(article.url)
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "anything"
    assert status(client, article.url) is None
    del client.cookies[django_settings.SESSION_COOKIE_NAME]
    client.cookies["messages"] = "pending"
    assert status(client, article.url) is None


def test_a_signed_in_reader_gets_a_fresh_page_and_their_own_form(client, article):
    set_policy(who_can_comment="users")
    client.force_login(make_user())
    response = client.get(article.url)
    assert response.get(STATUS_HEADER) is None
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_search_results_and_errors_are_not_stored(client, career_index, article):
    assert status(client, career_index.url + "?q=article") is None
    assert status(client, career_index.url + "?q=article") is None
    assert client.get(career_index.url + "authors/nobody/").status_code == 404
    assert client.get(career_index.url + "authors/nobody/").get(STATUS_HEADER) is None


def test_other_pages_are_not_stored(client, home, article):
    assert client.get("/sitemap.xml").get(STATUS_HEADER) is None
    assert client.get("/sitemap.xml").get(STATUS_HEADER) is None


def test_publishing_an_article_purges_its_index_routes_and_siblings(
    client, site_pages, make_article, django_capture_on_commit_callbacks
):
    pages = site_pages
    prime(client, pages)
    with django_capture_on_commit_callbacks(execute=True):
        make_article("Nouveau", authors=list(pages["first"].authors))
    assert fresh(client, pages) == {
        pages["first"].url,  # its "related articles" may now list the new one
        pages["second"].url,
        pages["index"].url,
        pages["archive"],
        pages["tagged"],
        pages["directory"],
    }


def test_republishing_and_unpublishing_purge_the_article(
    client, site_pages, django_capture_on_commit_callbacks
):
    pages = site_pages
    prime(client, pages)
    first = pages["first"]
    first.title = "Premier, revu"
    with django_capture_on_commit_callbacks(execute=True):
        first.save_revision().publish()
    assert pages["first"].url in fresh(client, pages)
    assert "Premier, revu" in client.get(first.url).content.decode()
    assert pages["elsewhere"].url not in fresh(client, pages)

    with django_capture_on_commit_callbacks(execute=True):
        first.unpublish()
    assert client.get(first.url).status_code == 404
    assert "Premier, revu" not in client.get(pages["index"].url).content.decode()


def test_a_held_comment_purges_nothing_and_its_approval_purges_its_article(
    client, site_pages, django_capture_on_commit_callbacks
):
    pages = site_pages
    prime(client, pages)
    moderator = make_user("modo", is_staff=True, is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        comment = make_comment(pages["first"], "Une question ?", public=False)
    assert fresh(client, pages) == set()

    request = RequestFactory().post("/")
    request.user = moderator
    with django_capture_on_commit_callbacks(execute=True):
        perform_approve(request, comment)
    # The article, and its index's routes and articles (their related articles' cards),
    # whose cards count its comments.
    assert fresh(client, pages) == {
        pages["first"].url,
        pages["second"].url,
        pages["index"].url,
        pages["archive"],
        pages["tagged"],
        pages["directory"],
    }
    assert "Une question ?" in client.get(pages["first"].url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        perform_delete(request, comment)
    assert pages["first"].url in fresh(client, pages)
    assert "Une question ?" not in client.get(pages["first"].url).content.decode()
    # An article of another index counts none of its comments.
    assert pages["elsewhere"].url not in fresh(client, pages)


def test_editing_an_employer_purges_the_pages_that_show_employers(
    client, site_pages, make_employer, django_capture_on_commit_callbacks
):
    pages = site_pages
    prime(client, pages)
    with django_capture_on_commit_callbacks(execute=True):
        make_employer("Nordet Conseil")
    # The articles (their sidebar) and the directory; the listings show no employer.
    assert fresh(client, pages) == {
        pages["first"].url,
        pages["second"].url,
        pages["directory"],
        pages["elsewhere"].url,
    }
    assert "Nordet Conseil" in client.get(pages["first"].url).content.decode()


def test_editing_the_career_settings_purges_that_sites_pages(
    client, site_pages, django_capture_on_commit_callbacks
):
    pages = site_pages
    prime(client, pages)
    with django_capture_on_commit_callbacks(execute=True):
        newsletter_settings = NewsletterSettings.for_site(pages["index"].get_site())
        newsletter_settings.newsletter_heading = "Restez au courant"
        newsletter_settings.save()
    assert fresh(client, pages) == set(urls_of(pages))
    assert "Restez au courant" in client.get(pages["first"].url).content.decode()


def test_editing_an_author_purges_bylines(client, site_pages, django_capture_on_commit_callbacks):
    pages = site_pages
    prime(client, pages)
    lea = pages["first"].authors[0]
    lea.name = "Léa Gagnon-Roy"
    with django_capture_on_commit_callbacks(execute=True):
        lea.save()
    assert pages["first"].url in fresh(client, pages)
    assert "Léa Gagnon-Roy" in client.get(pages["index"].url).content.decode()


def full(url):
    return "http://localhost" + url


def test_the_cdn_is_purged_of_the_affected_urls(
    client, site_pages, make_article, make_employer, django_capture_on_commit_callbacks
):
    pages = site_pages
    index, first = pages["index"], pages["first"]
    frontend_cache_backend.purged.clear()
    first.title = "Premier, revu"
    with django_capture_on_commit_callbacks(execute=True):
        first.save_revision().publish()
    purged = set(frontend_cache_backend.purged)
    assert {
        full(first.url),
        full("/en" + first.url),
        full(index.url),
        full("/en" + index.url),
        full(pages["archive"]),
        full(pages["tagged"]),
        full(index.url + "feed/rss/"),
        full(index.url + "tags/cv/feed/atom/"),
        full(index.url + "authors/lea/feed/rss/"),
    } <= purged
    assert full(pages["elsewhere"].url) not in purged
    assert full(pages["other_index"].url) not in purged

    frontend_cache_backend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(first, "Bravo", public=True)
    purged = set(frontend_cache_backend.purged)
    assert {full(first.url), full("/en" + first.url), full(index.url)} <= purged
    assert full(pages["second"].url) not in purged

    frontend_cache_backend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        make_employer("Nordet Conseil")
    purged = set(frontend_cache_backend.purged)
    assert {full(first.url), full(pages["elsewhere"].url), full(pages["directory"])} <= purged


def test_the_userbar_shows_only_with_a_session_cookie(client, article):
    editor = make_user("editrice", is_staff=True, is_superuser=True)
    anonymous = client.get(article.url)
    assert "wagtail-userbar" not in anonymous.content.decode()
    assert "cookie" not in anonymous.get("Vary", "").lower()
    assert not anonymous.cookies

    client.force_login(editor)
    assert "wagtail-userbar" in client.get(article.url).content.decode()


def test_the_userbar_tag_reads_no_session_without_a_cookie(article):
    class Request(type(RequestFactory().get("/"))):
        @property
        def user(self):
            raise AssertionError("the user (and so the session) was read")

    request = RequestFactory().get(article.url)
    request.__class__ = Request
    html = Template("{% load wagtail_career_tags %}{% career_userbar %}").render(
        Context({"request": request, "page": article})
    )
    assert html == ""


def test_a_comment_form_for_signed_out_visitors_is_never_shared(client, article):
    """With "anyone may comment", each visitor's form carries their own CSRF token."""
    set_policy(who_can_comment="anyone")
    url = article.url
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    tokens = []
    for visitor in (first, second):
        response = visitor.get(url)
        assert response.get(STATUS_HEADER) is None  # sets the CSRF cookie: not stored
        tokens.append(
            re.search(
                r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()
            ).group(1)
        )
    assert tokens[0] != tokens[1]
    data = form_data(article, name="Léa", email="lea@example.com", csrfmiddlewaretoken=tokens[1])
    assert second.post(POST_URL, data).status_code == 302
