"""The newest job offers beside articles (the sidebar part) and in their body (the block)."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Locale, Page, Site

from tests.pages import JobIndexPage, JobOfferPage
from tests.testapp.models import FeatureArticlePage
from wagtail_career.cache import STATUS_HEADER
from wagtail_career.jobs.blocks import tag_names
from wagtail_career.jobs.models import JobSettings

PAGE_CACHE = "wagtail_career.cache.CareerPageCacheMiddleware"
SIDEBAR = r'<section class="career-jobs career-jobs--sidebar".*?</section>'
BLOCK = r'<section class="career-jobs career-body__jobs".*?</section>'


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


@pytest.fixture
def job_settings(home):
    return JobSettings.for_site(home.get_site())


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def section(html, pattern=SIDEBAR):
    match = re.search(pattern, html, re.S)
    return match.group(0) if match else ""


def titles(html):
    return re.findall(r'<h3 class="career-job-card__title"><a href="[^"]*">([^<]+)</a></h3>', html)


def posted(days_ago):
    return timezone.now() - timedelta(days=days_ago)


# The sidebar part ---------------------------------------------------------------------------


def test_the_newest_open_offers_show_beside_an_article(client, article, job_index, make_offer):
    for days_ago, title in [(4, "Comptable"), (1, "Analyste"), (3, "Juriste"), (2, "Designer")]:
        make_offer(title=title, date_posted=posted(days_ago))

    part = section(get(client, article.url))

    assert '<h2 class="career-jobs__heading">Dernières offres d’emploi</h2>' in part
    assert 'aria-label="Dernières offres d’emploi"' in part
    # The settings' default count (3), newest first, as h3 under the part's h2.
    assert titles(part) == ["Analyste", "Designer", "Juriste"]
    offer = JobOfferPage.objects.get(title="Analyste")
    assert f'href="{offer.url}"' in part
    assert f'<a href="{job_index.url}">Voir toutes les offres d’emploi</a>' in part


def test_closed_draft_and_private_offers_are_not_shown(client, article, job_index, make_offer):
    make_offer(title="Ouverte")
    make_offer(title="Brouillon", publish=False)
    closed = make_offer(title="Fermée", valid_through=timezone.now() + timedelta(days=1))
    JobOfferPage.objects.filter(pk=closed.pk).update(valid_through=posted(1))
    private_index = JobIndexPage(title="Interne", slug="interne")
    job_index.get_parent().add_child(instance=private_index)
    private_index.save_revision().publish()
    private_index.view_restrictions.create(restriction_type="login")
    make_offer(title="Réservée", parent=private_index)

    assert titles(section(get(client, article.url))) == ["Ouverte"]


def test_only_the_sites_offers_are_shown(client, article, job_index, make_offer):
    make_offer(title="Ici")
    other_home = Page.get_first_root_node().add_child(
        instance=Page(title="Autre site", slug="autre-site")
    )
    Site.objects.create(hostname="autre.example", root_page=other_home)
    other_index = JobIndexPage(title="Emplois ailleurs", slug="emplois-ailleurs")
    other_home.add_child(instance=other_index)
    other_index.save_revision().publish()
    make_offer(title="Ailleurs", parent=other_index)

    assert titles(section(get(client, article.url))) == ["Ici"]


def test_the_settings_count_and_heading(client, article, job_index, make_offer, job_settings):
    for days_ago in range(6):
        make_offer(title=f"Offre {days_ago}", date_posted=posted(days_ago))
    job_settings.latest_offers_count = 5
    job_settings.latest_offers_heading = "Ils recrutent <vite>"
    job_settings.save()

    part = section(get(client, article.url))

    assert titles(part) == [f"Offre {n}" for n in range(5)]
    assert '<h2 class="career-jobs__heading">Ils recrutent &lt;vite&gt;</h2>' in part

    job_settings.latest_offers_count = 0
    job_settings.save()
    html = get(client, article.url)
    assert section(html) == "" and "Ils recrutent" not in html


def test_nothing_is_shown_without_an_open_offer(client, article, job_index):
    html = get(client, article.url)
    assert section(html) == "" and "Voir toutes les offres d’emploi" not in html


def test_offer_titles_are_escaped(client, article, job_index, make_offer):
    make_offer(title="<script>alert(1)</script>")

    html = get(client, article.url)

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in section(html)


def test_a_published_offer_shows_at_once_on_a_cached_article(
    client, page_cache, article, job_index, make_offer
):
    make_offer(title="Première", date_posted=posted(2))
    assert client.get(article.url).get(STATUS_HEADER) == "miss"
    assert client.get(article.url).get(STATUS_HEADER) == "hit"

    second = make_offer(title="Seconde", date_posted=posted(1))
    response = client.get(article.url)
    assert response.get(STATUS_HEADER) == "miss"
    assert titles(section(response.content.decode())) == ["Seconde", "Première"]

    second.unpublish()
    assert titles(section(get(client, article.url))) == ["Première"]


def queries(client, url):
    """Queries of an anonymous GET of ``url``: cold (empty cache), then warm; and the warm
    ones reading the job offers' tables."""
    get(client, url)  # renditions made once, as on a live site
    counts = []
    for warm in (False, True):
        if not warm:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            get(client, url)
        counts.append(len(captured))
    jobs = [q["sql"] for q in captured.captured_queries if "wagtail_career_job" in q["sql"]]
    return counts, jobs


def test_queries_do_not_grow_with_offers(
    client, make_article, job_index, make_offer, make_employer, job_settings
):
    job_settings.latest_offers_count = 20
    job_settings.save()
    employer = make_employer()
    page = make_article(
        body=[
            ("latest_job_offers", {"heading": "", "count": 12, "employers": [], "tags": ""}),
            (
                "latest_job_offers",
                {"heading": "Chez nous", "count": 12, "employers": [employer], "tags": "cv"},
            ),
        ],
        page_model=FeatureArticlePage,
    )

    def add(count):
        for _ in range(count):
            make_offer(tags=["cv"])
            make_offer(employer=employer, tags=["cv", "paie"])

    add(2)
    small, _jobs = queries(client, page.url)
    add(13)
    large, jobs = queries(client, page.url)
    # Warm, the part and the blocks come from their cached fragments: not even the settings.
    assert jobs == []
    html = get(client, page.url)
    assert len(titles(section(html))) == 20
    assert len(titles(section(html, BLOCK))) == 12
    assert small == large


# The block ----------------------------------------------------------------------------------


def blocks_of(html):
    return re.findall(BLOCK, html, re.S)


def block(make_article, heading="", count=3, employers=(), tags=""):
    return make_article(
        body=[
            (
                "latest_job_offers",
                {"heading": heading, "count": count, "employers": list(employers), "tags": tags},
            )
        ],
        page_model=FeatureArticlePage,
    )


def test_block_lists_the_newest_open_offers(client, make_article, job_index, make_offer):
    for days_ago in range(4):
        make_offer(title=f"Offre {days_ago}", date_posted=posted(days_ago))
    make_offer(title="Brouillon", publish=False)
    page = block(make_article, heading="Nos postes", count=2)

    found = blocks_of(get(client, page.url))

    assert len(found) == 1
    assert '<h2 class="career-jobs__heading">Nos postes</h2>' in found[0]
    assert titles(found[0]) == ["Offre 0", "Offre 1"]


def test_block_heading_defaults_to_the_settings(client, make_article, job_index, make_offer):
    make_offer()
    page = block(make_article)

    assert "Dernières offres d’emploi</h2>" in blocks_of(get(client, page.url))[0]


def test_block_filters_by_employer_and_tag(
    client, make_article, job_index, make_offer, make_employer
):
    ici, la, autre = make_employer("Ici"), make_employer("Là"), make_employer("Autre")
    make_offer(title="Ici Python", employer=ici, tags=["Python"], date_posted=posted(1))
    make_offer(title="Là Django", employer=la, tags=["django", "Python"], date_posted=posted(2))
    make_offer(title="Ici Compta", employer=ici, tags=["compta"], date_posted=posted(3))
    make_offer(title="Autre Python", employer=autre, tags=["python"], date_posted=posted(4))

    by_employers = block(make_article, employers=[ici, la], count=12)
    by_tags = block(make_article, tags=" python , Django,,", count=12)
    both = block(make_article, employers=[ici, la], tags="python", count=12)
    no_match = block(make_article, employers=[autre], tags="compta")

    assert titles(blocks_of(get(client, by_employers.url))[0]) == [
        "Ici Python",
        "Là Django",
        "Ici Compta",
    ]
    # Tags are OR'ed, case-insensitive, each offer listed once.
    assert titles(blocks_of(get(client, by_tags.url))[0]) == [
        "Ici Python",
        "Là Django",
        "Autre Python",
    ]
    # Employers AND tags.
    assert titles(blocks_of(get(client, both.url))[0]) == ["Ici Python", "Là Django"]
    assert blocks_of(get(client, no_match.url)) == []


def test_block_with_its_chosen_employers_deleted_shows_nothing(
    client, make_article, job_index, make_offer, make_employer
):
    gone = make_employer("Disparu")
    make_offer(employer=gone)
    make_offer()
    page = block(make_article, employers=[gone])
    gone.delete()

    assert blocks_of(get(client, page.url)) == []


def test_two_blocks_of_a_page_are_cached_apart(client, make_article, job_index, make_offer):
    make_offer(title="Python", tags=["python"])
    make_offer(title="Compta", tags=["compta"])
    page = make_article(
        body=[
            ("latest_job_offers", {"heading": "", "count": 3, "employers": [], "tags": "python"}),
            ("latest_job_offers", {"heading": "", "count": 3, "employers": [], "tags": "compta"}),
        ],
        page_model=FeatureArticlePage,
    )

    for _ in range(2):  # rendered, then from the fragment cache
        found = blocks_of(get(client, page.url))
        assert [titles(item) for item in found] == [["Python"], ["Compta"]]


def test_tag_names():
    assert tag_names(" Python, python ,, Télétravail ") == ["Python", "Télétravail"]
    assert tag_names("") == []


# With Wagtail's internationalisation (--ds=tests.settings_i18n) ---------------------------


def translate_page(page, locale):
    parent = page.get_parent().specific
    if not parent.is_root() and not parent.has_translation(locale):
        translate_page(parent, locale)
    translated = page.copy_for_translation(locale)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific


@pytest.mark.skipif(
    not getattr(settings, "WAGTAIL_I18N_ENABLED", False), reason="needs --ds=tests.settings_i18n"
)
def test_an_article_shows_the_offers_of_its_language(client, article, job_index, make_offer):
    en = Locale.objects.get_or_create(language_code="en")[0]
    job_index_en = translate_page(job_index, en)
    make_offer(title="Analyste", parent=job_index)
    make_offer(title="Analyst", parent=job_index_en)
    article_en = translate_page(article, en)

    french = section(get(client, article.url))
    english = section(get(client, article_en.url))

    assert titles(french) == ["Analyste"]
    assert f'<a href="{job_index.url}">' in french
    assert titles(english) == ["Analyst"]
    assert f'<a href="{job_index_en.url}">' in english and job_index_en.url.startswith("/en/")
