"""The one cache layer never shares what it must not: previews and drafts, restricted
pages, unpublished or moved pages, made-up query strings; rate limits survive a flood of
page entries; fragments are keyed by language; purges are exact."""

import hashlib
import re

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from tests.newsletter_utils import SIGNUP_URL, signup_data
from wagtail_career.cache import STATUS_HEADER, rate_limit_cache, shared_cache
from wagtail_career.pages.models import ArticlePageAuthor, CareerIndexPage

MIDDLEWARE = "wagtail_career.cache.CareerPageCacheMiddleware"

ALICE, BRUNO = "Alice Martin", "Bruno Roy"
ALICE_BIO, BRUNO_BIO = "Biographie publiée d’Alice", "Biographie brouillon de Bruno"
DRAFT_MARKER = "Intro du brouillon seulement"


def turn_page_cache_on(settings):
    middleware = list(settings.MIDDLEWARE)
    if MIDDLEWARE not in middleware:
        position = middleware.index("django.middleware.common.CommonMiddleware") + 1
        middleware.insert(position, MIDDLEWARE)
    settings.MIDDLEWARE = middleware


@pytest.fixture
def page_cache(settings):
    turn_page_cache_on(settings)


@pytest.fixture(params=["page cache on", "page cache off"])
def page_cache_mode(request, settings):
    if request.param == "page cache on":
        turn_page_cache_on(settings)
    else:
        assert MIDDLEWARE not in settings.MIDDLEWARE
    return request.param


def get(url, **extra):
    """An anonymous GET by a fresh visitor (no cookie of any earlier request)."""
    return Client().get(url, **extra)


def status(url, expected=200, **extra):
    response = get(url, **extra)
    assert response.status_code == expected, (url, response.status_code)
    return response.get(STATUS_HEADER)


def html_of(response):
    return response.content.decode()


def section(html, css_class):
    """The HTML of every element with ``css_class`` (up to the next closing section)."""
    return " ".join(re.findall(r'class="' + css_class + r".*?</section>", html, re.S))


# --- 1. Previews never reach shared entries --------------------------------------------------


@pytest.fixture
def drafted(settings, make_article, make_author):
    """A live article by Alice (related: "Voisin X"), and a draft by Bruno (related:
    "Voisin Y", another intro)."""
    settings.WAGTAIL_CAREER_RELATED_ARTICLES = 1
    alice = make_author(ALICE, slug="alice", bio=ALICE_BIO)
    bruno = make_author(BRUNO, slug="bruno", bio=BRUNO_BIO)
    make_article("Voisin X", tags=["x"])
    make_article("Voisin Y", tags=["y"])
    page = make_article("Article suivi", authors=[alice], tags=["x"], slug="suivi")
    draft = page.get_latest_revision_as_object()
    draft.article_authors = [ArticlePageAuthor(author=bruno)]
    draft.intro = DRAFT_MARKER
    draft.tags.set(["y"])
    revision = draft.save_revision()
    page.refresh_from_db()
    assert page.has_unpublished_changes
    return {"page": page, "revision": revision, "alice": alice, "bruno": bruno}


@pytest.fixture
def editor_client(db):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("editrice", "editrice@example.com", "pw")
    editor = Client()
    editor.force_login(user)
    return editor


def admin_preview(editor, page):
    """Preview the latest revision as Wagtail's tests do: POST the edit form, then GET."""
    edit_html = editor.get(reverse("wagtailadmin_pages:edit", args=[page.id])).content.decode()
    data = querydict_from_html(edit_html, form_id="page-edit-form")
    # The StreamField is drawn by the admin's JavaScript: its fields are not in the HTML.
    body = nested_form_data(
        {
            "body": streamfield(
                [("heading", "Un sous-titre"), ("paragraph", rich_text("<p>Texte</p>"))]
            )
        }
    )
    for name, value in body.items():
        data[name] = value
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.id])
    posted = editor.post(url, data)
    assert posted.status_code == 200
    assert posted.json()["is_valid"], posted.json()
    response = editor.get(url)
    assert response.status_code == 200
    return html_of(response)


def model_preview(revision):
    """``make_preview_request()`` of the draft: a dummy request with no cookie at all."""
    response = revision.as_object().make_preview_request()
    assert response.status_code == 200
    return html_of(response)


def assert_shows_draft(html):
    assert DRAFT_MARKER in html
    assert BRUNO_BIO in html
    assert ALICE not in html and ALICE_BIO not in html
    related = section(html, "career-related")
    assert "Voisin Y" in related and "Voisin X" not in related


def assert_shows_live(html):
    assert "Article suivi" in html
    assert ALICE_BIO in section(html, "career-author-box")
    assert BRUNO not in html and BRUNO_BIO not in html and DRAFT_MARKER not in html
    related = section(html, "career-related")
    assert "Voisin X" in related and "Voisin Y" not in related


def test_previews_of_a_draft_never_fill_the_shared_entries(drafted, editor_client, page_cache_mode):
    page = drafted["page"]
    assert_shows_draft(admin_preview(editor_client, page))
    assert_shows_draft(model_preview(drafted["revision"]))

    first = get(page.url)
    assert first.status_code == 200
    assert_shows_live(html_of(first))
    second = get(page.url)
    assert_shows_live(html_of(second))
    assert second.get(STATUS_HEADER) == ("hit" if page_cache_mode == "page cache on" else None)
    # In English too (another set of fragments and page entries).
    assert_shows_live(html_of(get("/en" + page.url)))


def test_a_preview_after_visitors_shows_the_draft_not_the_cached_page(
    drafted, editor_client, page_cache_mode
):
    page = drafted["page"]
    # The preview's dummy request is made for the page's full URL (the site's hostname).
    host = page.get_site().hostname
    for _ in range(2):  # the page entries (when on) and the fragments are filled
        assert_shows_live(html_of(get(page.url)))
        assert_shows_live(html_of(get(page.url, HTTP_HOST=host)))
    if page_cache_mode == "page cache on":
        assert get(page.url)[STATUS_HEADER] == "hit"
        assert get(page.url, HTTP_HOST=host)[STATUS_HEADER] == "hit"

    assert_shows_draft(admin_preview(editor_client, page))
    assert_shows_draft(model_preview(drafted["revision"]))
    # And the previews left the live page as it was.
    assert_shows_live(html_of(get(page.url)))
    assert_shows_live(html_of(get(page.url, HTTP_HOST=host)))


def test_a_preview_response_is_private_and_not_stored(drafted, page_cache):
    response = drafted["revision"].as_object().make_preview_request()
    assert "private" in response.get("Cache-Control", "")
    assert response.get(STATUS_HEADER) in (None, "")
    assert status(drafted["page"].url) == "miss"


# --- 2. View restrictions ---------------------------------------------------------------------


ARTICLE_TEXT = "Une introduction courte."


def restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def assert_password_page(url):
    for _ in range(2):
        response = get(url)
        assert response.status_code == 200
        html = html_of(response)
        assert ARTICLE_TEXT not in html
        assert 'name="password"' in html
        assert response.get(STATUS_HEADER) is None  # neither read nor stored


def test_a_restriction_on_the_article_hides_its_cached_page(
    article, page_cache, django_capture_on_commit_callbacks
):
    url = article.url
    assert status(url) == "miss"
    assert status(url) == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        restriction = restrict(article)
    assert_password_page(url)
    assert_password_page("/en" + url)

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    response = get(url)
    assert ARTICLE_TEXT in html_of(response)
    assert response[STATUS_HEADER] == "miss"
    assert status(url) == "hit"


def test_a_restriction_on_the_index_hides_it_and_its_articles(
    article, career_index, page_cache, django_capture_on_commit_callbacks
):
    urls = [article.url, career_index.url, career_index.url + "employers/"]
    for url in urls:
        assert status(url) == "miss"
        assert status(url) == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        restriction = restrict(career_index)
    assert_password_page(article.url)
    for url in urls[1:]:
        for _ in range(2):
            response = get(url)
            assert 'name="password"' in html_of(response)
            assert "Réussir son entrevue vidéo" not in html_of(response)
            assert response.get(STATUS_HEADER) is None

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    response = get(article.url)
    assert ARTICLE_TEXT in html_of(response)
    assert response[STATUS_HEADER] == "miss"
    assert "Réussir son entrevue vidéo" in html_of(get(career_index.url))


def test_a_restricted_page_is_never_stored(locmem_caches, article, page_cache):
    restrict(article)
    for _ in range(3):
        assert_password_page(article.url)
    # Nothing of the article was stored: no page entry of the package in the cache.
    assert not [key for key in shared_cache()._cache if ":wagtail_career:page:" in key]


def test_a_restricted_page_shown_after_its_password_shares_no_fragment(
    locmem_caches, article, page_cache
):
    restriction = restrict(article)
    url = article.url
    reader = Client()
    auth_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, article.id])
    assert reader.post(auth_url, {"password": "secret", "return_url": url}).status_code == 302
    for _ in range(2):
        response = reader.get(url)
        assert response.status_code == 200
        assert ARTICLE_TEXT in html_of(response)
        assert response.get(STATUS_HEADER) is None
    # Neither the page nor its fragments (authors, related) went to the shared cache.
    assert not fragment_keys("authors") and not fragment_keys("related")
    assert_password_page(url)  # and a visitor without the password still gets the form


# --- 3. Unpublished and moved pages -----------------------------------------------------------


def test_unpublishing_the_index_404s_its_cached_routes(
    article, career_index, make_employer, page_cache, django_capture_on_commit_callbacks
):
    make_employer("Nordet Conseil")
    urls = [
        career_index.url,
        career_index.url + "employers/",
        career_index.url + "feed/rss/",
        career_index.url + "feed/atom/",
        "/en" + career_index.url,
    ]
    for url in urls:
        assert status(url) == "miss", url
        assert status(url) == "hit", url

    with django_capture_on_commit_callbacks(execute=True):
        career_index.unpublish()
    for url in urls:
        response = get(url)
        assert response.status_code == 404, url
        assert response.get(STATUS_HEADER) is None
        assert get(url).status_code == 404, url


def test_moving_an_article_404s_its_old_url(
    article, home, page_cache, django_capture_on_commit_callbacks
):
    other = CareerIndexPage(title="Autre", slug="autre")
    home.add_child(instance=other)
    other.save_revision().publish()
    old_url = article.url
    assert status(old_url) == "miss"
    assert status(old_url) == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        article.move(other, pos="last-child")
    article.refresh_from_db()
    new_url = article.url
    assert new_url != old_url
    for _ in range(2):
        response = get(old_url)
        # Not the cached page: gone, or (wagtail.contrib.redirects) sent to the new place.
        assert response.status_code in (301, 302, 404)
        assert response.get(STATUS_HEADER) is None
        if response.status_code != 404:
            assert response["Location"].endswith(new_url)
    assert status(new_url) == "miss"
    assert "Réussir son entrevue vidéo" in html_of(get(other.url))


# --- 4. Query parameters ------------------------------------------------------------------------


@pytest.fixture
def paginated(settings, make_article, career_index):
    settings.WAGTAIL_CAREER_PAGE_SIZE = 1
    articles = [make_article(f"Page {n}") for n in range(3)]
    return career_index, articles


@pytest.mark.parametrize("query", ["?utm_source=x", "?n=1", "?utm_source=x&next=/ailleurs/"])
def test_unknown_query_parameters_are_never_stored(paginated, page_cache, query):
    index, articles = paginated
    for url in (index.url + query, articles[0].url + query, index.url + "?page=2&" + query[1:]):
        for _ in range(3):
            response = get(url)
            assert response.status_code == 200
            assert response.get(STATUS_HEADER) is None, url
            html = html_of(response)
            assert "utm_source" not in html
            assert "/ailleurs/" not in html
            assert "n=1" not in re.findall(r'href="([^"]*)"', html)
    # The index's own links (pagination) still work, without the made-up parameters.
    hrefs = re.findall(r'href="([^"]*page=[^"]*)"', html_of(get(index.url + "?utm_source=x")))
    assert hrefs and all("utm_source" not in href for href in hrefs)


def test_a_declared_query_parameter_is_cached(paginated, page_cache):
    index, _articles = paginated
    first = get(index.url + "?page=2")
    assert first[STATUS_HEADER] == "miss"
    second = get(index.url + "?page=2")
    assert second[STATUS_HEADER] == "hit"
    assert second.content == first.content
    assert "page=3" in html_of(second) and "page=1" in html_of(second)
    assert status(index.url) == "miss"  # its own entry


# --- 5. Rate limits survive a flood of page entries ------------------------------------------


def signup_counter_key(address="127.0.0.1"):
    digest = hashlib.sha256(f"ip:{address}".encode()).hexdigest()[:32]
    return f"wagtail_career:ratelimit:signup:{digest}"


def test_rate_limits_survive_a_flood_of_page_entries(
    locmem_caches, settings, article, career_index, page_cache
):
    # Django's default local-memory cache keeps 300 entries: the flood would evict counters
    # kept beside the pages.
    settings.WAGTAIL_CAREER_NEWSLETTER_RATE_LIMIT = 3
    rate_limit_cache().clear()  # the suite's fixtures clear only the default cache
    assert rate_limit_cache() is not caches["default"]
    assert rate_limit_cache() is not shared_cache()
    visitor = Client()
    statuses = [
        visitor.post(SIGNUP_URL, signup_data(email=f"p{n}@example.com")).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 200]
    assert rate_limit_cache().get(signup_counter_key()) == 3

    flood = Client()
    for n in range(420):
        assert flood.get(f"{career_index.url}?n={n}").status_code == 200
    for n in range(420):  # entries that are stored: more than LocMem's 300
        assert flood.get(f"{career_index.url}?page={n}").status_code == 200

    refused = visitor.post(SIGNUP_URL, signup_data(email="p4@example.com"))
    assert refused.status_code == 429
    assert "Trop de demandes" in html_of(refused)
    # The counters live in their own alias, never in the page cache.
    assert caches["default"].get(signup_counter_key()) is None
    assert shared_cache().get(signup_counter_key()) is None
    assert rate_limit_cache().get(signup_counter_key()) == 4
    assert not [key for key in caches["default"]._cache if "ratelimit" in key]


# --- 6. Fragments keyed by site and language ---------------------------------------------------


def fragment_keys(name):
    """The keys of the ``name`` fragments in the shared (local-memory) cache."""
    default = shared_cache()
    assert isinstance(default, LocMemCache), "use the locmem_caches fixture"
    return {key for key in default._cache if f"template.cache.{name}." in key}


@pytest.mark.parametrize("with_page_cache", [True, False])
def test_related_articles_are_cached_per_language(
    locmem_caches, settings, make_article, article, with_page_cache
):
    if with_page_cache:
        turn_page_cache_on(settings)
    make_article("Un voisin")
    # Computed once: a request to /en/… leaves English active in this thread.
    url = article.url
    for _ in range(2):  # the second time from the fragments
        french = html_of(get(url))
        english = html_of(get("/en" + url))
        assert "Articles connexes" in french and "Related articles" not in french
        assert "Related articles" in english and "Articles connexes" not in english
        assert "Un voisin" in french and "Un voisin" in english
    for accept in ("en", "fr"):  # the language of the URL wins over Accept-Language
        assert "Articles connexes" in html_of(get(url, HTTP_ACCEPT_LANGUAGE=accept))
        assert "Related articles" in html_of(get("/en" + url, HTTP_ACCEPT_LANGUAGE=accept))
    assert len(fragment_keys("related")) == 2
    assert len(fragment_keys("authors")) == 2


def test_fragments_are_cached_per_site(locmem_caches, article, make_article, home):
    make_article("Un voisin")
    Site.objects.create(hostname="autre.example", port=80, root_page=home)
    get(article.url)
    assert len(fragment_keys("related")) == 1
    response = get(article.url, HTTP_HOST="autre.example")
    assert response.status_code == 200
    assert "Articles connexes" in html_of(response)
    assert len(fragment_keys("related")) == 2


# --- 7. Exact purges ----------------------------------------------------------------------------


@pytest.fixture
def two_indexes(make_article, make_author, home):
    lea = make_author("Léa Gagnon", slug="lea")
    here = make_article("Ici", authors=[lea])
    other_index = CareerIndexPage(title="Autre", slug="autre")
    home.add_child(instance=other_index)
    other_index.save_revision().publish()
    elsewhere = make_article("Ailleurs", authors=[lea], parent=other_index)
    return {"here": here, "elsewhere": elsewhere, "other_index": other_index, "lea": lea}


def test_publishing_an_article_keeps_another_indexs_pages(
    two_indexes, make_article, page_cache, django_capture_on_commit_callbacks
):
    urls = [two_indexes["elsewhere"].url, two_indexes["other_index"].url, two_indexes["here"].url]
    for url in urls:
        assert status(url) == "miss"
        assert status(url) == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        make_article("Tout nouveau")
    assert status(two_indexes["elsewhere"].url) == "hit"
    assert status(two_indexes["other_index"].url) == "hit"
    # Its own index's article lists it among related articles: rebuilt.
    response = get(two_indexes["here"].url)
    assert response[STATUS_HEADER] == "miss"
    assert "Tout nouveau" in html_of(response)


def test_editing_an_author_purges_the_article_page(
    two_indexes, page_cache, django_capture_on_commit_callbacks
):
    url = two_indexes["here"].url
    assert status(url) == "miss"
    assert status(url) == "hit"
    lea = two_indexes["lea"]
    lea.name = "Léa Gagnon-Roy"
    lea.bio = "Une nouvelle biographie"
    with django_capture_on_commit_callbacks(execute=True):
        lea.save()
    response = get(url)
    assert response[STATUS_HEADER] == "miss"
    html = html_of(response)
    assert "Léa Gagnon-Roy" in html
    assert "Une nouvelle biographie" in section(html, "career-author-box")
    assert status(url) == "hit"
