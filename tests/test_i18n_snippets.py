"""Bilingual content the Wagtail way: translated authors, employers and settings texts.

Run with the internationalised settings: ``pytest --ds=tests.settings_i18n
tests/test_i18n_snippets.py``. French is the default locale; English pages and snippets are
made with Wagtail's ``copy_for_translation``, as wagtail.contrib.simple_translation does.
"""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Site

from tests.testapp.models import FeatureArticlePage
from wagtail_career.employers.models import EmployerSettings, EmployerSettingsTranslation
from wagtail_career.localize import localized
from wagtail_career.models import Author, CareerSettings, CareerSettingsTranslation
from wagtail_career.newsletter.models import NewsletterSettings, NewsletterSettingsTranslation

pytestmark = pytest.mark.skipif(
    not getattr(settings, "WAGTAIL_I18N_ENABLED", False),
    reason="needs --ds=tests.settings_i18n",
)


@pytest.fixture(autouse=True)
def _fresh():
    cache.clear()
    with translation.override("fr"):
        yield


@pytest.fixture
def en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def fr(db):
    return Locale.get_default()


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


def translate_page(page, locale):
    """The page's translation in ``locale``, published with its untranslated parents."""
    parent = page.get_parent().specific
    if not parent.is_root() and not parent.has_translation(locale):
        translate_page(parent, locale)
    return publish(page.copy_for_translation(locale))


def translate_snippet(obj, locale, **changes):
    translated = obj.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save()
    return translated


@pytest.fixture
def index_en(career_index, en):
    return translate_page(career_index, en)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def signature(html):
    match = re.search(r'<footer class="career-signature">.*?</footer>', html, re.S)
    return match.group(0) if match else ""


def employer_names(html):
    match = re.search(r'<section class="career-employers".*?</section>', html, re.S)
    section = match.group(0) if match else ""
    return re.findall(r'class="career-employer__name"[^>]*>([^<]+)<', section)


# Authors --------------------------------------------------------------------------------


def test_english_article_shows_translated_authors_and_falls_back(
    client, make_article, make_author, en, index_en
):
    lea = make_author("Léa Gagnon", slug="lea", role="Directrice associée")
    paul = make_author("Paul Roy", slug="paul", role="Conseiller principal")
    translate_snippet(lea, en, role="Associate director", bio="Recruiter for 15 years.")
    article = make_article(title="Le CV", slug="cv", authors=[lea, paul])
    article_en = translate_page(article, en)

    html_en = get(client, article_en.url)
    assert article_en.url.startswith("/en/")
    assert "Associate director" in signature(html_en)
    assert "Conseiller principal" in signature(html_en)  # no translation: the original
    assert "Directrice associée" not in html_en
    assert "Recruiter for 15 years." in html_en  # the author's card

    html_fr = get(client, article.url)
    assert "Directrice associée" in signature(html_fr)
    assert "Associate director" not in html_fr


def test_localized_is_one_query_and_keeps_order(make_author, en):
    authors = [make_author(f"Autrice {n}", slug=f"a-{n}") for n in range(5)]
    for author in authors[::2]:
        translate_snippet(author, en, role=f"Role {author.slug}")
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        result = localized([*authors, None])
    assert len(queries) == 1
    assert [getattr(a, "slug", None) for a in result] == [a.slug for a in authors] + [None]
    assert [a.locale_id for a in result[:5]] == [en.pk, authors[1].locale_id] * 2 + [en.pk]
    with translation.override("fr"):
        assert [a.pk for a in localized(authors)] == [a.pk for a in authors]


def translated_article(make_article, make_author, en, count):
    authors = [make_author(f"Auteur {count}-{n}", slug=f"auteur-{count}-{n}") for n in range(count)]
    for author in authors:
        translate_snippet(author, en, role="Adviser")
    article = make_article(title=f"Article {count}", slug=f"article-q-{count}", authors=authors)
    return translate_page(article, en)


def page_queries(client, url):
    get(client, url)  # warm what is not per page (site, locales…)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        html = get(client, url)
    return len(queries), html


def test_article_queries_do_not_grow_with_authors(client, make_article, make_author, en, index_en):
    # Both articles exist first: each has the other as a related article.
    one = translated_article(make_article, make_author, en, 1)
    five = translated_article(make_article, make_author, en, 5)
    one_queries, one_html = page_queries(client, one.url)
    five_queries, five_html = page_queries(client, five.url)
    assert signature(one_html).count("Adviser") == 1
    assert signature(five_html).count("Adviser") == 5
    assert one_queries == five_queries


def test_listing_and_feed_show_translated_bylines_in_constant_queries(
    client, make_article, make_author, en, index_en
):
    def make(n):
        author = make_author(f"Nom {n}", slug=f"nom-{n}")
        translate_snippet(author, en, name=f"Name {n}")
        translate_page(make_article(title=f"Article {n}", slug=f"art-{n}", authors=[author]), en)

    make(1)
    get(client, index_en.url)
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        html = get(client, index_en.url)
    assert "Name 1" in html and "Nom 1" not in html
    for n in range(2, 6):
        make(n)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        html = get(client, index_en.url)
    assert all(f"Name {n}" in html for n in range(1, 6))
    assert len(few) == len(many)

    feed = get(client, index_en.url + "feed/rss/")
    assert "Name 3" in feed and "Nom 3" not in feed


def test_author_slugs_are_unique_per_locale(make_author, fr, en):
    camille = make_author("Camille Tremblay", slug="camille-tremblay")
    translated = translate_snippet(camille, en, role="Associate director")
    assert translated.slug == "camille-tremblay"  # kept: another locale
    assert translated.translation_key == camille.translation_key

    # Within a locale: the name's slug, then -2.
    other = Author.objects.create(name="Camille Tremblay", locale=fr)
    assert other.slug == "camille-tremblay-2"
    other_en = Author.objects.create(name="Camille Tremblay", locale=en)
    assert other_en.slug == "camille-tremblay-2"
    clash = Author.objects.create(name="Autre", slug="camille-tremblay", locale=en)
    assert clash.slug == "camille-tremblay-3"
    # A new author without a locale gets the default one.
    assert Author.objects.create(name="Sans locale").locale == fr


def test_author_archive_per_locale(client, make_article, make_author, en, index_en, career_index):
    lea = make_author("Léa Gagnon", slug="lea", role="Directrice associée")
    lea_en = translate_snippet(lea, en, role="Associate director")
    paul = make_author("Paul Roy", slug="paul")
    article = make_article(title="Le CV", slug="cv", authors=[lea])
    article_en = translate_page(article, en)
    translate_snippet(lea, Locale.objects.get_or_create(language_code="de")[0], slug="lea-de")
    make_article(title="Seul en français", slug="seul", authors=[lea, paul])

    html_en = get(client, index_en.url + "authors/lea/")
    assert "Associate director" in html_en and "Directrice associée" not in html_en
    assert article_en.title in html_en and "Seul en français" not in html_en
    assert "/en/" in index_en.url

    # An English article that links the English translation shows in the French archive.
    article_en.article_authors.update(author=lea_en)
    html_fr = get(client, career_index.url + "authors/lea/")
    assert "Directrice associée" in html_fr
    assert "Seul en français" in html_fr and "Le CV" in html_fr

    # An untranslated author: the default locale's, in the English archive.
    assert get(client, index_en.url + "authors/paul/")
    # Another locale's slug is not found from English or French.
    assert client.get(index_en.url + "authors/lea-de/").status_code == 404
    assert client.get(index_en.url + "authors/lea/feed/rss/").status_code == 200


# Employers ------------------------------------------------------------------------------


def test_english_sidebar_lists_english_employers_with_fallback(
    client, make_article, make_employer, en, index_en, career_index
):
    first = make_employer("Premier employeur")
    second = make_employer("Deuxième employeur")
    third = make_employer("Troisième employeur")
    stopped = make_employer("Arrêté")
    first_en = translate_snippet(first, en, name="First employer")
    translate_snippet(third, en, name="Third employer")
    translate_snippet(stopped, en, name="Stopped", is_recruiting=False)
    assert first_en.sort_order == first.sort_order
    # The editors move the first employer last, in French: English follows.
    first.sort_order = 99
    first.save()

    article = make_article(title="Le CV", slug="cv", page_model=FeatureArticlePage)
    article_en = translate_page(article, en)

    assert employer_names(get(client, article_en.url)) == [
        "Deuxième employeur",
        "Third employer",
        "First employer",
    ]
    assert employer_names(get(client, article.url)) == [
        "Deuxième employeur",
        "Troisième employeur",
        "Arrêté",
        "Premier employeur",
    ]
    directory = get(client, index_en.url + "employers/")
    assert "Third employer" in directory and "Troisième employeur" not in directory
    assert "Deuxième employeur" in directory and "Stopped" not in directory
    assert second.locale.language_code == "fr"


def test_employers_block_in_english_shows_chosen_translations(
    client, make_article, make_employer, en, index_en
):
    chosen = make_employer("Choisi")
    other = make_employer("Autre")
    translate_snippet(chosen, en, name="Chosen")
    article = make_article(
        title="Bloc",
        slug="bloc",
        page_model=FeatureArticlePage,
        body=[("employers", {"heading": "", "employers": [chosen, other]})],
    )
    article_en = translate_page(article, en)
    html = get(client, article_en.url)
    block = html.split('class="career-employers', 1)[-1]
    assert "Chosen" in html and "Choisi" not in html and "Autre" in block


# Settings texts per language --------------------------------------------------------------


def test_settings_texts_per_language_with_fallback(
    client, make_article, make_employer, en, index_en
):
    site = Site.objects.get(is_default_site=True)
    career = CareerSettings.for_site(site)
    career.contact_cta_heading = "Des questions ?"
    career.contact_cta_text = "Écrivez-nous."
    career.contact_cta_url = "/contact/"
    career.save()
    CareerSettingsTranslation.objects.create(
        settings=career, language="en", contact_cta_heading="Any questions?"
    )

    employers = EmployerSettings.for_site(site)
    employers.employers_heading = "Ils recrutent"
    employers.save()
    EmployerSettingsTranslation.objects.create(
        settings=employers, language="en", employers_heading="They are hiring"
    )

    newsletter = NewsletterSettings.for_site(site)
    newsletter.newsletter_heading = "Notre infolettre"
    newsletter.newsletter_button_label = "M'abonner"
    newsletter.save()
    NewsletterSettingsTranslation.objects.create(
        settings=newsletter, language="en", newsletter_heading="Our newsletter"
    )

    make_employer("Desjardins")
    article = make_article(title="Le CV", slug="cv", page_model=FeatureArticlePage)
    article_en = translate_page(article, en)

    html_en = get(client, article_en.url)
    assert "Any questions?" in html_en and "Des questions ?" not in html_en
    assert "Écrivez-nous." in html_en  # no English text: the main one
    assert "Contact us" in html_en  # neither: the translated default
    assert "They are hiring" in html_en and "Ils recrutent" not in html_en
    with translation.override("en"):
        texts = NewsletterSettings.for_site(site).get_newsletter_texts()
    assert texts["heading"] == "Our newsletter"
    assert texts["button_label"] == "M'abonner"
    assert texts["text"] == "One email when new career articles are published. No spam."

    html_fr = get(client, article.url)
    assert "Des questions ?" in html_fr and "Any questions?" not in html_fr
    assert "Ils recrutent" in html_fr
    with translation.override("fr"):
        assert NewsletterSettings.for_site(site).get_newsletter_texts()["heading"] == (
            "Notre infolettre"
        )


def test_settings_translations_cost_one_query_per_request(rf, en):
    site = Site.objects.get(is_default_site=True)
    career = CareerSettings.for_site(site)
    career.save()
    CareerSettingsTranslation.objects.create(
        settings=career, language="en", contact_cta_heading="Any questions?"
    )
    request = rf.get("/en/")
    request.site = site
    with translation.override("en"):
        settings_ = CareerSettings.for_request(request)
        with CaptureQueriesContext(connection) as queries:
            for name in ("contact_cta_heading", "contact_cta_text", "contact_cta_link_text"):
                settings_.translated(name)
            CareerSettings.for_request(request).translated("contact_cta_heading")
        assert len(queries) == 1
    with translation.override("fr"), CaptureQueriesContext(connection) as queries:
        CareerSettings.for_site(site).translated("contact_cta_heading")
    assert len(queries) == 0  # the settings come from the cache; French is the main text


@pytest.mark.parametrize(
    "setting, prefix, field, value",
    [
        ("wagtail_career/careersettings", "translations", "contact_cta_heading", "Any questions?"),
        (
            "wagtail_career_employers/employersettings",
            "translations",
            "employers_heading",
            "They are hiring",
        ),
        (
            "wagtail_career_newsletter/newslettersettings",
            "translations",
            "newsletter_heading",
            "Our newsletter",
        ),
    ],
)
def test_settings_admin_edits_translations(admin_client, setting, prefix, field, value):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/{setting}/{site.pk}/"
    assert admin_client.get(url).status_code == 200
    changes = {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        f"{prefix}-0-language": "en",
        f"{prefix}-0-{field}": value,
        f"{prefix}-0-ORDER": "1",
        f"{prefix}-0-DELETE": "",
        f"{prefix}-0-id": "",
    }
    response = post_with(admin_client, url, changes)
    assert response.status_code == 302, response.content.decode()[:2000]
    model = {"careersettings": CareerSettings, "employersettings": EmployerSettings}.get(
        setting.split("/")[1], NewsletterSettings
    )
    instance = model.for_site(site)
    assert [(t.language, getattr(t, field)) for t in instance.translations.all()] == [("en", value)]
    assert admin_client.get(url).status_code == 200

    changes[f"{prefix}-0-language"] = "de"  # not one of the site's languages
    changes[f"{prefix}-INITIAL_FORMS"] = "0"
    response = post_with(admin_client, url, changes)
    assert response.status_code == 200  # the form again, with the error


def post_with(client, url, changes):
    from wagtail.test.utils.form_data import querydict_from_html

    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    for name in list(data):
        if name.startswith("translations-"):
            data.pop(name)
    for name, value in changes.items():
        data[name] = value
    return client.post(url, data)


def test_admin_adds_an_english_author_with_a_french_slug(admin_client, make_author, en):
    make_author("Camille Tremblay", slug="camille-tremblay")
    url = "/admin/snippets/wagtail_career/author/add/?locale=en"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url, {"name": "Camille Tremblay", "slug": "camille-tremblay", "role": "Director"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Author.objects.get(locale=en).slug == "camille-tremblay"
    # The same slug again in English: made unique, not an error.
    admin_client.post(url, {"name": "Camille Tremblay", "slug": "camille-tremblay"})
    assert sorted(Author.objects.filter(locale=en).values_list("slug", flat=True)) == [
        "camille-tremblay",
        "camille-tremblay-2",
    ]
