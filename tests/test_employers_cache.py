"""The employers list is cached, cleared on every change, and costs a fixed number of queries."""

import io
import re

import pytest
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.core.files.images import ImageFile
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from wagtail.models import Site

from tests.testapp.models import FeatureArticlePage
from wagtail_career import cache as career_cache
from wagtail_career.employers.models import Employer, EmployerSettings
from wagtail_career.employers.sidebar import employer_dependencies

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture(autouse=True)
def _fresh_state():
    cache.clear()
    with translation.override("fr"):
        yield


def fragment_key(article, language):
    """The key of ``article``'s cached employers sidebar in ``language``, as
    ``{% careercache "employers" section.dependencies section.limit %}`` builds it now."""
    site = article.get_site()
    request = RequestFactory().get(article.url, SERVER_NAME=site.hostname)
    dependencies = employer_dependencies(request)
    version = ":".join(
        str(part)
        for part in (career_cache.version(dependencies), site.pk, language, article.cache_key)
    )
    limit = EmployerSettings.for_site(site).employers_limit
    return make_template_fragment_key("employers", [version, limit])


def sidebar_names(client, url, **extra):
    html = client.get(url, **extra).content.decode()
    section = re.search(r'<section class="career-employers".*?</section>', html, re.S)
    if not section:
        return []
    return re.findall(r'class="career-employer__name"[^>]*>([^<]+)<', section.group(0))


def employer_queries(queries):
    return [q["sql"] for q in queries if 'FROM "wagtail_career_employers_employer"' in q["sql"]]


def admin_url(name, *args):
    return reverse(f"wagtailsnippets_wagtail_career_employers_employer:{name}", args=args)


def test_list_is_served_from_the_cache(client, article, make_employer):
    employer = make_employer("Desjardins")
    assert sidebar_names(client, article.url) == ["Desjardins"]

    # A change that bypasses the model's signals is not seen: the list comes from the cache...
    Employer.objects.filter(pk=employer.pk).update(name="Caché")
    with CaptureQueriesContext(connection) as queries:
        assert sidebar_names(client, article.url) == ["Desjardins"]
    # ...without a query for employers.
    assert employer_queries(queries.captured_queries) == []


def test_cache_is_per_language(client, article, make_employer):
    make_employer("Desjardins")

    french = client.get(article.url).content.decode()
    english = client.get("/en" + article.url).content.decode()

    assert "(site externe)" in french and "(external site)" not in french
    assert "(external site)" in english and "(site externe)" not in english
    assert cache.get(fragment_key(article, "fr")) is not None
    assert cache.get(fragment_key(article, "en")) is not None


def test_cache_is_per_site(client, article, make_employer, home):
    for name in ["Desjardins", "Gowling WLG", "ZSA"]:
        make_employer(name)
    other = Site.objects.create(hostname="autre.example", root_page=home)
    other_settings = EmployerSettings.for_site(other)
    other_settings.employers_limit = 1
    other_settings.save()

    assert sidebar_names(client, article.url) == ["Desjardins", "Gowling WLG", "ZSA"]
    assert sidebar_names(client, article.url, HTTP_HOST="autre.example") == ["Desjardins"]


def test_saving_an_employer_clears_the_cache(client, article, make_employer):
    employer = make_employer("Desjardins")
    sidebar_names(client, article.url)

    employer.name = "Desjardins Entreprises"
    employer.save()

    assert sidebar_names(client, article.url) == ["Desjardins Entreprises"]


def test_an_employer_who_stops_recruiting_disappears(client, article, make_employer):
    employer = make_employer("Desjardins")
    make_employer("ZSA")
    sidebar_names(client, article.url)

    employer.is_recruiting = False
    employer.save()

    assert sidebar_names(client, article.url) == ["ZSA"]


def test_deleting_an_employer_clears_the_cache(client, article, make_employer):
    employer = make_employer("Desjardins")
    make_employer("ZSA")
    sidebar_names(client, article.url)

    employer.delete()

    assert sidebar_names(client, article.url) == ["ZSA"]


def test_changes_in_the_settings_show_at_once(client, article, make_employer, home):
    for name in ["Desjardins", "Gowling WLG", "ZSA"]:
        make_employer(name)
    assert len(sidebar_names(client, article.url)) == 3

    settings = EmployerSettings.for_site(home.get_site())
    settings.employers_limit = 2
    settings.employers_heading = "Ils embauchent"
    settings.save()

    html = client.get(article.url).content.decode()
    assert "Ils embauchent" in html
    assert sidebar_names(client, article.url) == ["Desjardins", "Gowling WLG"]


def test_replacing_a_logo_file_clears_the_cache(client, article, make_employer):
    employer = make_employer("Desjardins")
    old_url = employer.logo.get_rendition("format-png|max-160x80").url
    assert old_url in client.get(article.url).content.decode()

    buffer = io.BytesIO()
    PILImage.new("RGB", (100, 100), (200, 0, 0)).save(buffer, "PNG")
    logo = employer.logo
    # What the admin's image edit view does when a new file is uploaded.
    logo.file = ImageFile(buffer, name="nouveau-logo.png")
    logo.renditions.all().delete()
    logo.save()

    html = client.get(article.url).content.decode()
    assert old_url not in html
    assert logo.get_rendition("format-png|max-160x80").url in html


def test_a_transaction_that_commits_clears_the_cache_again(
    article, make_employer, django_capture_on_commit_callbacks
):
    employer = make_employer("Desjardins")

    with django_capture_on_commit_callbacks(execute=True):
        employer.save()
        # A page view during the transaction still reads the old rows, and caches them.
        cache.set(fragment_key(article, "fr"), "<ul>ancienne liste</ul>")

    assert cache.get(fragment_key(article, "fr")) is None


# Through the admin, as editors do ------------------------------------------------------------


@pytest.fixture
def admin(client, django_user_model):
    """A superuser's client; the visitor's requests go through the same client."""
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.com", "pw"))
    return client


def test_admin_edit_shows_on_the_next_page_view(admin, article, make_employer):
    employer = make_employer("Desjardins")
    assert sidebar_names(admin, article.url) == ["Desjardins"]

    response = admin.post(
        admin_url("edit", employer.pk),
        {
            "name": "Desjardins Groupe",
            "logo": employer.logo.pk,
            "website": employer.website,
            "is_recruiting": "on",
        },
    )

    assert response.status_code == 302
    assert sidebar_names(admin, article.url) == ["Desjardins Groupe"]


def test_admin_reorder_shows_on_the_next_page_view(admin, article, make_employer):
    for name in ["Desjardins", "Gowling WLG", "La Presse", "ZSA"]:
        make_employer(name)
    assert sidebar_names(admin, article.url) == ["Desjardins", "Gowling WLG", "La Presse", "ZSA"]

    zsa = Employer.objects.get(name="ZSA")
    response = admin.post(admin_url("reorder", zsa.pk) + "?position=0", **XHR)

    assert response.status_code == 200
    assert sidebar_names(admin, article.url) == ["ZSA", "Desjardins", "Gowling WLG", "La Presse"]


def test_admin_delete_shows_on_the_next_page_view(admin, article, make_employer):
    employer = make_employer("Desjardins")
    make_employer("ZSA")
    sidebar_names(admin, article.url)

    admin.post(admin_url("delete", employer.pk))

    assert sidebar_names(admin, article.url) == ["ZSA"]


# Query counts ---------------------------------------------------------------------------------


def add_employers(make_employer, total):
    for n in range(Employer.objects.count(), total):
        make_employer(f"Employeur {n:02d}")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries), employer_queries(queries.captured_queries), response


def test_article_query_count_does_not_grow_with_employers(
    client, make_article, make_employer, home
):
    settings = EmployerSettings.for_site(home.get_site())
    settings.employers_limit = 100  # show them all, so every employer is rendered
    settings.save()
    # The body's block lists every recruiting employer too.
    page = make_article(
        body=[("employers", {"heading": "", "employers": []})], page_model=FeatureArticlePage
    )

    cold, warm = {}, {}
    for size in (5, 20, 50):
        add_employers(make_employer, size)
        client.get(page.url)  # generates the renditions, once per logo
        cache.clear()
        cold_count, cold_employer_sql, response = count_queries(client, page.url)
        assert response.content.decode().count('class="career-employer__name"') == 2 * size
        warm_count, warm_employer_sql, _ = count_queries(client, page.url)
        cold[size], warm[size] = cold_count, warm_count
        # Cold: one employers query for the sidebar, one for the block.
        assert len(cold_employer_sql) == 2
        # Warm: the sidebar comes from the cache, the block still queries once.
        assert len(warm_employer_sql) == 1

    assert cold[5] == cold[20] == cold[50]
    assert warm[5] == warm[20] == warm[50]
    assert warm[5] < cold[5]
    print(f"article queries: cold cache {cold}, warm cache {warm}")


def test_directory_query_count_does_not_grow_with_employers(client, career_index, make_employer):
    url = career_index.url + "employers/"
    counts = {}
    for size in (5, 50):
        add_employers(make_employer, size)
        client.get(url)  # generates the renditions
        counts[size], employer_sql, response = count_queries(client, url)
        assert len(employer_sql) == 1
        assert response.content.decode().count('class="career-directory__name"') == size
    assert counts[5] == counts[50]
    print(f"directory queries: {counts}")
