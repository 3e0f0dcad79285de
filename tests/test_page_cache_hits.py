"""A page cache hit does the least it can: no SQL query, one cache round trip (two in a
process that has not read the entry yet), the stored bytes and headers as they were, and
every rule of what may be shared still applied."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.test_cache_safety import turn_page_cache_on
from wagtail_career import cache as career_cache
from wagtail_career.cache import STATUS_HEADER, shared_cache

CACHE_METHODS = (
    "get",
    "get_many",
    "set",
    "set_many",
    "add",
    "delete",
    "delete_many",
    "has_key",
    "incr",
    "touch",
)


@pytest.fixture(autouse=True)
def page_cache(settings):
    turn_page_cache_on(settings)


@pytest.fixture
def cache_calls(monkeypatch):
    """The calls made on the package's cache backend, by name (a backend's own inner calls,
    such as LocMem's get_many calling get, are not counted)."""
    backend = shared_cache()
    calls = []
    depth = [0]
    for name in CACHE_METHODS:
        original = getattr(backend, name)

        def recorder(*args, _name=name, _original=original, **kwargs):
            if not depth[0]:
                calls.append(_name)
            depth[0] += 1
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(backend, name, recorder)
    return calls


def hit(client, url, calls):
    calls.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response[STATUS_HEADER] == "hit"
    return response, list(calls), len(queries)


def test_a_hit_is_one_cache_call_and_no_query(client, article, cache_calls):
    miss = client.get(article.url)
    assert miss[STATUS_HEADER] == "miss"
    response, calls, queries = hit(client, article.url, cache_calls)
    assert queries == 0
    assert calls == ["get_many"]
    assert response.content == miss.content


def test_a_process_that_did_not_store_the_entry_makes_two(client, article, cache_calls):
    client.get(article.url)
    career_cache._TOKEN_KEYS.clear()  # as in another worker
    _response, calls, queries = hit(client, article.url, cache_calls)
    assert (calls, queries) == (["get_many", "get_many"], 0)
    _response, calls, _queries = hit(client, article.url, cache_calls)
    assert calls == ["get_many"]


def test_a_hit_keeps_the_headers_of_the_stored_response(client, article, cache_calls):
    miss = client.get(article.url)
    response, _calls, _queries = hit(client, article.url, cache_calls)
    for name in ("Content-Type", "Content-Language", "Content-Length"):
        assert response[name] == miss[name], name
    assert response["Vary"] == miss["Vary"] == "Accept-Language"
    assert not response.cookies
    assert response.status_code == 200


def test_a_purge_turns_the_next_request_into_a_miss(client, article, cache_calls):
    client.get(article.url)
    hit(client, article.url, cache_calls)
    article.save_revision().publish()
    assert client.get(article.url)[STATUS_HEADER] == "miss"
    hit(client, article.url, cache_calls)


def test_each_language_and_query_has_its_own_entry(client, career_index, article):
    client.get(article.url)
    english = client.get("/en" + article.url)
    assert english[STATUS_HEADER] == "miss"
    assert english["Content-Language"] == "en"
    assert client.get(career_index.url)[STATUS_HEADER] == "miss"
    assert client.get(career_index.url + "?page=1")[STATUS_HEADER] == "miss"
    assert client.get(career_index.url + "?page=1")[STATUS_HEADER] == "hit"


def test_no_hit_for_a_session_a_foreign_parameter_or_a_post(client, settings, article):
    client.get(article.url)
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    assert client.get(article.url).get(STATUS_HEADER) is None
    del client.cookies[settings.SESSION_COOKIE_NAME]
    assert client.get(article.url + "?utm_source=x").get(STATUS_HEADER) is None
    assert client.get(article.url + "?utm_source=x").get(STATUS_HEADER) is None
    assert client.post(article.url).get(STATUS_HEADER) is None
    assert client.get(article.url)[STATUS_HEADER] == "hit"


def test_a_restricted_page_is_never_served_from_the_cache(client, article):
    client.get(article.url)
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        response = client.get(article.url)
        assert response.status_code == 302  # to the login page
        assert response.get(STATUS_HEADER) is None
