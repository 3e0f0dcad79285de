"""Employers and their job offers: who is hiring, their profile links and their counts of
open offers in the sidebar and the directory, kept fresh by the caches."""

import re
import time
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Locale, Site

from tests.pages import JobOfferPage
from wagtail_career.cache import STATUS_HEADER
from wagtail_career.employers.models import Employer
from wagtail_career.jobs.employers import annotate_employer_cards, employers_with_open_offers
from wagtail_career.jobs.models import JobSettings

PAGE_CACHE = "wagtail_career.cache.CareerPageCacheMiddleware"
i18n_only = pytest.mark.skipif(
    not getattr(django_settings, "WAGTAIL_I18N_ENABLED", False),
    reason="needs --ds=tests.settings_i18n",
)


@pytest.fixture(autouse=True)
def _fresh_state():
    cache.clear()
    with translation.override("fr"):
        yield


@pytest.fixture
def page_cache(settings):
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(middleware.index("django.middleware.common.CommonMiddleware") + 1, PAGE_CACHE)
    settings.MIDDLEWARE = middleware


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def sidebar(html):
    match = re.search(r'<section class="career-employers".*?</section>', html, re.S)
    return match.group(0) if match else ""


def cards(section):
    """``{name: (href or None, count text or None)}`` of the employers' list items."""
    found = {}
    for item in re.findall(r'<li class="career-employer">(.*?)</li>', section, re.S):
        link = re.search(r'<a class="career-employer__name" href="([^"]*)"[^>]*>([^<]+)<', item)
        name = link.group(2) if link else re.search(r"__name\">([^<]+)<", item).group(1)
        count = re.search(r'class="career-employer__count">([^<]+)<', item)
        found[name.strip()] = (link.group(1) if link else None, count and count.group(1))
    return found


def directory_cards(html):
    """The directory's ``{name: (href or None, count text or None)}``."""
    found = {}
    for item in html.split('<li class="career-directory__item">')[1:]:
        name = re.search(r'<h2 class="career-directory__name">(.*?)</h2>', item, re.S).group(1)
        link = re.search(r'<a href="([^"]*)">([^<]+)</a>', name)
        count = re.search(r'class="career-directory__count">([^<]+)<', item)
        label = link.group(2) if link else name
        found[label.strip()] = (link.group(1) if link else None, count and count.group(1))
    return found


def profile(index, employer):
    return f"{index.url}employers/{employer.slug}/"


def test_sidebar_links_each_employer_to_its_profile_with_its_count(
    client, article, job_index, make_employer, make_offer
):
    hiring = make_employer("Desjardins")
    make_offer(employer=hiring)
    make_offer(employer=hiring)
    one = make_employer("Gowling WLG")
    make_offer(employer=one)
    flagged = make_employer("ZSA", website="https://zsa.example/")  # no offer: ticked only

    found = cards(sidebar(get(client, article.url)))

    assert found["Desjardins"] == (profile(job_index, hiring), "2 postes à pourvoir")
    assert found["Gowling WLG"] == (profile(job_index, one), "1 poste à pourvoir")
    # A profile on the site, even without an open offer: no count then.
    assert found["ZSA"] == (profile(job_index, flagged), None)


def test_directory_links_each_employer_to_its_profile_with_its_count(
    client, career_index, job_index, make_employer, make_offer
):
    hiring = make_employer("Desjardins")
    make_offer(employer=hiring)
    make_offer(employer=hiring)

    html = get(client, career_index.url + "employers/")

    assert directory_cards(html)["Desjardins"] == (
        profile(job_index, hiring),
        "2 postes à pourvoir",
    )


def test_without_a_job_index_the_cards_link_to_the_employer(client, article, make_employer):
    make_employer("Desjardins", careers_url="https://desjardins.example/emplois")

    section = sidebar(get(client, article.url))

    assert 'href="https://desjardins.example/emplois" rel="noopener"' in section
    assert "career-employer__count" not in section


def test_an_employer_with_open_offers_is_hiring_without_the_flag(
    client, article, make_employer, make_offer
):
    unticked = make_employer("Desjardins", is_recruiting=False)
    make_offer(employer=unticked)
    make_employer("La Presse", is_recruiting=False)  # no offer
    closed = make_employer("ZSA", is_recruiting=False)
    make_offer(employer=closed, valid_through=timezone.now() + timedelta(days=2))
    JobOfferPage.objects.filter(employer=closed).update(
        valid_through=timezone.now() - timedelta(minutes=1)
    )
    draft = make_employer("Gowling WLG", is_recruiting=False)
    make_offer(employer=draft, publish=False)

    assert list(cards(sidebar(get(client, article.url)))) == ["Desjardins"]
    assert set(employers_with_open_offers().values_list("pk", flat=True)) == {unticked.pk}


def test_publishing_and_unpublishing_an_offer_refresh_the_lists(
    client, article, career_index, make_employer, make_offer
):
    employer = make_employer("Desjardins", is_recruiting=False)
    directory = career_index.url + "employers/"
    assert cards(sidebar(get(client, article.url))) == {}
    assert "Desjardins" not in get(client, directory)

    offer = make_offer(employer=employer)
    assert cards(sidebar(get(client, article.url)))["Desjardins"][1] == "1 poste à pourvoir"
    assert directory_cards(get(client, directory))["Desjardins"][1] == "1 poste à pourvoir"

    offer.unpublish()
    assert cards(sidebar(get(client, article.url))) == {}
    assert "Desjardins" not in get(client, directory)


def test_unpublishing_the_job_index_drops_the_profile_links_from_cached_pages(
    client, page_cache, article, job_index, make_employer, make_offer
):
    employer = make_employer("Desjardins", careers_url="https://desjardins.example/emplois")
    make_offer(employer=employer)
    assert cards(sidebar(get(client, article.url)))["Desjardins"][0] == profile(job_index, employer)
    assert client.get(article.url)[STATUS_HEADER] == "hit"

    job_index.unpublish()

    link, count = cards(sidebar(get(client, article.url)))["Desjardins"]
    assert (link, count) == ("https://desjardins.example/emplois", None)


def test_a_closing_offer_leaves_the_counts_through_warm_caches(
    client, page_cache, article, career_index, make_employer, make_offer
):
    employer = make_employer("Desjardins")
    closing = make_offer(employer=employer)
    make_offer(employer=employer)
    # The closing date set with an UPDATE: no signal, no purge. Only its passing can make
    # the cached pages and fragments stale.
    deadline = timezone.now() + timedelta(seconds=3)
    JobOfferPage.objects.filter(pk=closing.pk).update(valid_through=deadline)
    directory = career_index.url + "employers/"
    for url in (article.url, directory):
        assert client.get(url).get(STATUS_HEADER) == "miss"
        response = client.get(url)
        assert response.get(STATUS_HEADER) == "hit"
        assert "2 postes à pourvoir" in response.content.decode()

    time.sleep(max(0.0, (deadline - timezone.now()).total_seconds()) + 0.1)

    for url in (article.url, directory):
        response = client.get(url)
        assert response.get(STATUS_HEADER) == "miss"
        html = response.content.decode()
        assert "1 poste à pourvoir" in html and "2 postes à pourvoir" not in html
        assert client.get(url).get(STATUS_HEADER) == "hit"


def article_queries(client, url):
    """Queries of an anonymous GET of ``url``, cold (empty cache) and warm."""
    get(client, url)  # renditions made once, as on a live site
    counts = []
    for warm in (False, True):
        if not warm:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            html = get(client, url)
        counts.append(len(captured))
    return counts, html


def test_article_queries_do_not_grow_with_employers_and_offers(
    client, article, job_index, make_employer, make_offer, home
):
    job_settings = JobSettings.for_site(home.get_site())
    job_settings.latest_offers_count = 20
    job_settings.save()

    def add(count):
        for _ in range(count):
            employer = make_employer()
            make_offer(employer=employer)
            make_offer(employer=employer)

    add(3)
    small, html = article_queries(client, article.url)
    assert len(re.findall(r"\d postes à pourvoir", sidebar(html))) == 3
    add(9)
    large, html = article_queries(client, article.url)
    assert len(re.findall(r"\d postes à pourvoir", sidebar(html))) == 8  # the sidebar's limit
    assert html.count('class="career-job-card"') == 20
    assert small == large


def test_the_cards_cost_the_same_for_3_and_12_employers(job_index, make_employer, make_offer):
    def annotate_queries(count):
        for _ in range(count):
            make_offer(employer=make_employer())
        employers = list(Employer.objects.all())
        request = RequestFactory().get("/")
        Site.find_for_request(request)
        Site.get_site_root_paths()  # cached by Wagtail for every page URL anyway
        with CaptureQueriesContext(connection) as captured:
            annotate_employer_cards(employers, request)
        assert all(employer.profile_url for employer in employers)
        assert {employer.open_positions for employer in employers} == {1}
        return len(captured)

    small = annotate_queries(3)
    assert annotate_queries(9) == small
    # The index, the counts, and Wagtail's view restrictions read by each .public().
    assert small <= 4


# With Wagtail's internationalisation (--ds=tests.settings_i18n) ---------------------------


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


def translate_page(page, locale):
    parent = page.get_parent().specific
    if not parent.is_root() and not parent.has_translation(locale):
        translate_page(parent, locale)
    return publish(page.copy_for_translation(locale))


@i18n_only
def test_counts_are_of_the_active_language_matched_by_translation(
    client, article, job_index, make_employer, make_offer
):
    en = Locale.objects.get_or_create(language_code="en")[0]
    employer = make_employer("Desjardins")
    employer_en = employer.copy_for_translation(en)
    employer_en.name = "Desjardins (EN)"
    employer_en.save()
    job_index_en = translate_page(job_index, en)
    make_offer(employer=employer)  # French
    # English offers: one names the French original (a translated page may), one the English.
    make_offer(employer=employer, parent=job_index_en)
    make_offer(employer=employer_en, parent=job_index_en)
    article_en = translate_page(article, en)

    assert cards(sidebar(get(client, article.url)))["Desjardins"] == (
        profile(job_index, employer),
        "1 poste à pourvoir",
    )
    assert cards(sidebar(get(client, article_en.url)))["Desjardins (EN)"] == (
        profile(job_index_en, employer_en),
        "2 open positions",
    )
