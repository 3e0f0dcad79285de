"""A job offer's page (issue #14): its facts, salary in the visitor's language, how to
apply, share links, the JobPosting JSON-LD Google for Jobs reads, and what a closed offer
answers (410 Gone, noindex, no JSON-LD), even from the page cache."""

import json
import re
from datetime import datetime, timedelta
from decimal import Decimal
from html import escape, unescape
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, trans_real
from wagtail.models import Locale
from wagtail.test.utils.form_data import querydict_from_html

from tests.clock import later
from tests.pages import JobOfferPage
from tests.test_i18n_acceptance import translate_page
from wagtail_career.cache import STATUS_HEADER, shared_cache
from wagtail_career.jobs import offer_page
from wagtail_career.jobs.salary import format_salary

XSS = "</script><script>alert(1)</script> & <!-- «x»"
PAGE_CACHE = "wagtail_career.cache.CareerPageCacheMiddleware"
GOOGLE_REQUIRED = ("title", "description", "datePosted", "hiringOrganization")

# The French of the salary strings (pgettext keys: context, then msgid), as the catalogue
# will have them: format_salary's French must come out exactly so.
FRENCH_SALARY = {
    ("currency symbol of the Canadian dollar", "$"): "$",
    ("currency symbol of the US dollar", "US$"): "$ US",
    ("salary amount with a currency symbol", "%(symbol)s%(amount)s"): "%(amount)s\u00a0%(symbol)s",
    ("salary amount with a currency code", "%(code)s %(amount)s"): "%(amount)s\u00a0%(code)s",
    ("salary range", "%(minimum)s–%(maximum)s %(unit)s"): "%(minimum)s à %(maximum)s %(unit)s",
    ("salary with only a minimum", "From %(minimum)s %(unit)s"): "À partir de %(minimum)s %(unit)s",
    ("salary with only a maximum", "Up to %(maximum)s %(unit)s"): "Jusqu’à %(maximum)s %(unit)s",
    ("salary of one amount", "%(amount)s %(unit)s"): "%(amount)s %(unit)s",
    ("salary", "an hour"): "de l’heure",
    ("salary", "a day"): "par jour",
    ("salary", "a week"): "par semaine",
    ("salary", "a month"): "par mois",
    ("salary", "a year"): "par année",
}


@pytest.fixture
def french_salary(monkeypatch):
    """The French salary strings in the French catalogue for this test only (restored
    after), whether or not the catalogue has them yet."""
    catalogue = trans_real.translation("fr")._catalog._catalogs[0]
    for (context, msgid), msgstr in FRENCH_SALARY.items():
        monkeypatch.setitem(catalogue, f"{context}\x04{msgid}", msgstr)


def spaces(text):
    """Non-breaking and thin spaces (Django's French grouping) as plain ones."""
    return re.sub(r"[\u00a0\u202f\u2009]", " ", text)


def head_of(html):
    return html[html.index("<head>") : html.index("</head>")]


def meta(html, attribute, name):
    pattern = rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">'
    return [unescape(value) for value in re.findall(pattern, head_of(html))]


def json_ld_blocks(html):
    return re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)


def posting(html):
    [block] = json_ld_blocks(html)
    return json.loads(block)


def facts(html):
    """``{term: description}`` of the facts list, tags stripped, spaces normalised."""
    dl = html[html.index('<dl class="career-job-facts">') : html.index("</dl>")]
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", dl, re.S)
    return {
        unescape(term): " ".join(unescape(re.sub(r"<[^>]+>", " ", value)).split())
        for term, value in pairs
    }


def french(text):
    with translation.override("fr"):
        return gettext(text)


@pytest.fixture
def employer(make_employer):
    return make_employer("Boréal Talents", slug="boreal-talents", website="https://boreal.example/")


@pytest.fixture
def full_offer(make_offer, employer):
    return make_offer(
        title="Conseillère en recrutement",
        slug="conseillere",
        employer=employer,
        employment_type="PART_TIME",
        workplace="hybrid",
        city="Montréal",
        region="QC",
        postal_code="H2X 1Y4",
        country="CA",
        salary_min=Decimal("55000"),
        salary_max=Decimal("65000"),
        salary_unit="YEAR",
        description="<h2>Vos tâches</h2><ul><li>Accueillir les candidats</li></ul>",
        apply_url="https://boreal.example/postuler",
        apply_email="emplois@boreal.example",
        date_posted=timezone.make_aware(datetime(2026, 3, 2, 9, 0)),
        valid_through=timezone.make_aware(datetime(2031, 5, 4, 17, 0)),
    )


# --- The page -------------------------------------------------------------------------------


def test_the_page_shows_every_property_of_the_offer(client, full_offer, employer, job_index):
    response = client.get(full_offer.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="career-job-offer-title" class="career-job-offer__title">' in html
    assert "Conseillère en recrutement</h1>" in html
    # Facts, as a description list, labelled in the visitor's language.
    with translation.override("fr"):
        workplace = str(full_offer.get_workplace_display())
        employment_type = str(full_offer.get_employment_type_display())
    assert facts(html) == {
        french("Employer"): "Boréal Talents",
        french("Location"): "Montréal, QC H2X 1Y4, CA",
        french("Workplace"): workplace,
        french("Employment type"): employment_type,
        french("Salary"): spaces(format_salary(55000, 65000, "CAD", "YEAR", "fr")),
        french("Posted on"): "2 mars 2026",
        french("Apply before"): "4 mai 2031 17:00",
    }
    assert '<time datetime="2026-03-02">' in html
    assert '<time datetime="2031-05-04T17:00-0400">' in html
    # The employer: its logo's rendition and its profile under the job index.
    assert re.search(
        r'<img [^>]*class="career-job-facts__logo"[^>]* '
        r'src="/media/images/[^"]+\.format-png\.max-160x80\.png"',
        html,
    )
    profile = job_index.profile_url(employer)
    assert profile == "/emplois/employers/boreal-talents/"
    assert f'<a class="career-job-facts__employer" href="{profile}">Boréal Talents</a>' in html
    # The description, as rich text (not escaped).
    assert "<h2>Vos tâches</h2><ul><li>Accueillir les candidats</li></ul>" in html
    # Both ways to apply.
    assert 'href="https://boreal.example/postuler"' in html
    assert 'href="mailto:emplois@boreal.example"' in html
    # Share links of the offer's full URL, under a heading about the offer.
    assert french("Share this job offer") in html
    assert "Share this article!" not in html and french("Share this article!") not in html
    url = quote("http://localhost/emplois/conseillere/", safe="")
    assert f"https://www.linkedin.com/sharing/share-offsite/?url={url}" in html
    # The way back, the stylesheets and the share script.
    assert re.search(
        r'<nav class="career-breadcrumb"[^>]*>\s*<a href="/emplois/">Emplois</a>', html
    )
    assert "/static/wagtail_career/css/career.css" in html
    assert "/static/wagtail_career/css/jobs.css" in html
    assert "/static/wagtail_career/js/share.js" in html


def test_only_an_email_gives_a_mailto_call_to_action(client, make_offer):
    offer = make_offer(apply_url="", apply_email="rh@example.com")
    html = client.get(offer.url).content.decode()
    assert re.search(
        r'class="[^"]*career-job-apply__link--primary" href="mailto:rh@example.com"', html
    )
    assert "postuler" not in html


def test_an_offer_without_salary_logo_or_employer_still_renders(client, make_offer, make_employer):
    offer = make_offer(employer=make_employer(logo=False), city="", region="")
    html = client.get(offer.url).content.decode()
    assert french("Salary") not in facts(html)
    assert "career-job-facts__logo" not in html
    assert posting(html)["hiringOrganization"].get("logo") is None

    offer.employer.delete()  # SET_NULL: the offer stays
    response = client.get(offer.url + "?utm_source=x&page=abc")
    assert response.status_code == 200
    html = response.content.decode()
    assert french("Employer") not in facts(html)
    assert "hiringOrganization" not in posting(html)


def test_the_employer_is_not_linked_when_the_parent_is_not_a_job_index(client, full_offer):
    assert offer_page.employer_profile_url(object(), full_offer.employer, None) == ""
    assert offer_page.feed_links(object(), None) == []


def test_the_query_count_is_bounded_and_does_not_grow_with_offers(
    client, make_offer, employer, django_assert_max_num_queries
):
    offers = [make_offer(employer=employer, tags=["RH"]) for _ in range(3)]
    client.get(offers[0].url)  # renditions made once

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(offers[0].url).status_code == 200
        return len(queries)

    few = count()
    with django_assert_max_num_queries(15):
        client.get(offers[0].url)
    offers += [make_offer(employer=employer) for _ in range(12)]
    assert count() == few


# --- Salary ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minimum", "maximum", "currency", "unit", "expected"),
    [
        (55000, 65000, "CAD", "YEAR", "$55,000–$65,000 a year"),
        (Decimal("55000.00"), Decimal("65000.00"), "CAD", "YEAR", "$55,000–$65,000 a year"),
        (55000, None, "CAD", "YEAR", "From $55,000 a year"),
        (None, 65000, "CAD", "YEAR", "Up to $65,000 a year"),
        (60000, 60000, "CAD", "YEAR", "$60,000 a year"),
        (Decimal("25.50"), Decimal("30"), "CAD", "HOUR", "$25.50–$30 an hour"),
        (300, 400, "CAD", "DAY", "$300–$400 a day"),
        (1000, None, "CAD", "WEEK", "From $1,000 a week"),
        (5000, 6000, "usd", "MONTH", "US$5,000–US$6,000 a month"),
        (50000, 60000, "EUR", "YEAR", "EUR 50,000–EUR 60,000 a year"),
        (None, None, "CAD", "YEAR", ""),
    ],
)
def test_salary_in_english(minimum, maximum, currency, unit, expected):
    assert format_salary(minimum, maximum, currency, unit, "en") == expected


@pytest.mark.parametrize(
    ("minimum", "maximum", "currency", "unit", "expected"),
    [
        (55000, 65000, "CAD", "YEAR", "55 000 $ à 65 000 $ par année"),
        (55000, None, "CAD", "YEAR", "À partir de 55 000 $ par année"),
        (None, 65000, "CAD", "YEAR", "Jusqu’à 65 000 $ par année"),
        (Decimal("25.50"), Decimal("30.00"), "CAD", "HOUR", "25,50 $ à 30 $ de l’heure"),
        (300, 400, "CAD", "DAY", "300 $ à 400 $ par jour"),
        (1000, 1000, "CAD", "WEEK", "1 000 $ par semaine"),
        (5000, 6000, "USD", "MONTH", "5 000 $ US à 6 000 $ US par mois"),
        (50000, 60000, "EUR", "YEAR", "50 000 EUR à 60 000 EUR par année"),
        (None, None, "CAD", "YEAR", ""),
    ],
)
def test_salary_in_french(french_salary, minimum, maximum, currency, unit, expected):
    assert spaces(format_salary(minimum, maximum, currency, unit, "fr")) == expected


def test_salary_language_is_the_one_asked_not_the_active_one(french_salary):
    with translation.override("fr"):
        assert format_salary(55000, 65000, "CAD", "YEAR", "en") == "$55,000–$65,000 a year"
        assert translation.get_language() == "fr"


def test_the_page_shows_the_salary_in_the_visitors_language(client, full_offer, french_salary):
    url = full_offer.url
    html = client.get(url).content.decode()
    assert facts(html)[french("Salary")] == "55 000 $ à 65 000 $ par année"
    html = client.get("/en" + url).content.decode()
    assert facts(html)["Salary"] == "$55,000–$65,000 a year"


# --- JSON-LD --------------------------------------------------------------------------------


def test_the_job_posting_has_what_google_reads(client, full_offer, employer):
    html = client.get(full_offer.url).content.decode()
    data = posting(html)
    full_offer.refresh_from_db()
    logo = meta(html, "property", "og:image")[0]
    assert re.fullmatch(r"http://localhost/media/images/.+\.max-160x80\.png", logo)
    assert data == {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Conseillère en recrutement",
        "description": "<h2>Vos tâches</h2><ul><li>Accueillir les candidats</li></ul>",
        "datePosted": "2026-03-02T09:00:00-05:00",
        "validThrough": "2031-05-04T17:00:00-04:00",
        "employmentType": "PART_TIME",
        "hiringOrganization": {
            "@type": "Organization",
            "name": "Boréal Talents",
            "sameAs": "https://boreal.example/",
            "logo": logo,
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Montréal",
                "addressRegion": "QC",
                "postalCode": "H2X 1Y4",
                "addressCountry": "CA",
            },
        },
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "CAD",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": 55000,
                "maxValue": 65000,
                "unitText": "YEAR",
            },
        },
        "directApply": False,
        "identifier": {
            "@type": "PropertyValue",
            "name": "Boréal Talents",
            "value": str(full_offer.pk),
        },
        "url": "http://localhost/emplois/conseillere/",
        "inLanguage": "fr",
    }


@pytest.mark.parametrize(
    ("workplace", "city", "has_place"),
    [
        ("on_site", "Québec", True),
        ("hybrid", "Laval", True),
        ("remote", "", False),
        ("remote", "Gatineau", True),
    ],
)
def test_every_workplace_has_googles_required_properties(
    client, make_offer, workplace, city, has_place
):
    offer = make_offer(workplace=workplace, city=city, region="QC", country="CA")
    data = posting(client.get(offer.url).content.decode())
    for name in GOOGLE_REQUIRED:
        assert data[name], name
    assert data["hiringOrganization"]["@type"] == "Organization"
    assert data["hiringOrganization"]["name"]
    if workplace == "remote":
        assert data["jobLocationType"] == "TELECOMMUTE"
        assert data["applicantLocationRequirements"] == {"@type": "Country", "name": "CA"}
    else:
        assert "jobLocationType" not in data and "applicantLocationRequirements" not in data
    if has_place:
        address = data["jobLocation"]["address"]
        assert address == {
            "@type": "PostalAddress",
            "addressLocality": city,
            "addressRegion": "QC",
            "addressCountry": "CA",
        }  # no empty postalCode
    else:
        assert "jobLocation" not in data


@pytest.mark.parametrize(
    ("minimum", "maximum", "value"),
    [
        (Decimal("25.50"), None, {"minValue": 25.5}),
        (None, Decimal("70000"), {"maxValue": 70000}),
        (Decimal("60000"), Decimal("60000"), {"value": 60000}),
    ],
)
def test_the_salary_in_the_job_posting(client, make_offer, minimum, maximum, value):
    offer = make_offer(salary_min=minimum, salary_max=maximum, salary_unit="HOUR")
    salary = posting(client.get(offer.url).content.decode())["baseSalary"]
    assert salary["value"] == {"@type": "QuantitativeValue", **value, "unitText": "HOUR"}


def test_no_salary_no_closing_date_no_empty_values(client, make_offer):
    offer = make_offer()
    data = posting(client.get(offer.url).content.decode())
    assert "baseSalary" not in data and "validThrough" not in data
    offer.refresh_from_db()
    assert (
        data["datePosted"]
        == timezone.localtime(offer.first_published_at).replace(microsecond=0).isoformat()
    )


def test_direct_apply_only_when_applying_on_this_site(client, make_offer):
    here = make_offer(apply_url="http://localhost/postuler/")
    assert posting(client.get(here.url).content.decode())["directApply"] is True
    by_email = make_offer(apply_url="", apply_email="rh@example.com")
    assert posting(client.get(by_email.url).content.decode())["directApply"] is False


def test_title_and_employer_cannot_break_out_of_the_script(client, make_offer, make_employer):
    # The description as the editor stores what someone typed: escaped.
    offer = make_offer(title=XSS, employer=make_employer(XSS), description=f"<p>{escape(XSS)}</p>")
    html = client.get(offer.url).content.decode()
    assert "<script>alert(1)" not in html
    assert html.count("<script") == 2  # the JSON-LD and share.js
    data = posting(html)
    assert data["title"] == XSS
    assert data["hiringOrganization"]["name"] == XSS
    assert data["identifier"]["name"] == XSS
    assert data["description"] == f"<p>{escape(XSS)}</p>"
    assert meta(html, "property", "og:title") == [XSS]


# --- Closed ---------------------------------------------------------------------------------


def close(offer):
    """The offer's closing moment passed, before publish_scheduled unpublished it."""
    JobOfferPage.objects.filter(pk=offer.pk).update(
        valid_through=timezone.now() - timedelta(minutes=1)
    )


def test_a_closed_offer_is_gone_noindex_and_has_no_job_posting(client, full_offer, job_index):
    close(full_offer)
    response = client.get(full_offer.url)
    assert response.status_code == 410
    assert response["X-Robots-Tag"] == "noindex"
    html = response.content.decode()
    assert meta(html, "name", "robots") == ["noindex"]
    assert json_ld_blocks(html) == []
    assert french("This job offer is closed") in html
    assert "Conseillère en recrutement" in html and "Boréal Talents" in html
    assert re.search(r'<a class="career-job-closed__link" href="/emplois/">', html)
    # Nothing to apply to or to share any more.
    assert "boreal.example/postuler" not in html and "mailto:emplois@" not in html
    assert "career-share" not in html
    assert '<link rel="canonical" href="http://localhost/emplois/conseillere/">' in html


def test_a_closed_offer_is_in_no_sitemap(client, full_offer):
    request = RequestFactory().get("/")
    [entry] = full_offer.get_sitemap_urls(request)
    assert entry["location"] == "http://localhost/emplois/conseillere/"
    assert "/emplois/conseillere/" in client.get("/sitemap.xml").content.decode()
    close(full_offer)
    full_offer.refresh_from_db()
    assert full_offer.get_sitemap_urls(request) == []
    shared_cache().clear()  # close() moved the closing, not the clock its token expires on
    assert "/emplois/conseillere/" not in client.get("/sitemap.xml").content.decode()


@pytest.fixture
def page_cache(settings):
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(middleware.index("django.middleware.common.CommonMiddleware") + 1, PAGE_CACHE)
    settings.MIDDLEWARE = middleware
    # Time is moved by hand: the cache must be one whose expiry reads time.time().
    settings.CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"offer-{alias}",
        }
        for alias in ("default", "wagtail_career_ratelimit")
    }


def test_a_cached_open_offer_is_gone_from_its_closing_second(page_cache, make_offer):
    offer = make_offer(valid_through=timezone.now() + timedelta(seconds=60))
    first = Client().get(offer.url)
    assert (first.status_code, first[STATUS_HEADER]) == (200, "miss")
    with later(50):  # before the closing, well within the cache's timeout
        cached = Client().get(offer.url)
        assert (cached.status_code, cached[STATUS_HEADER]) == (200, "hit")
    with later(62):
        for _ in range(2):  # and the 410 itself is never stored
            gone = Client().get(offer.url)
            assert gone.status_code == 410
            assert STATUS_HEADER not in gone
            assert json_ld_blocks(gone.content.decode()) == []


# --- Editing --------------------------------------------------------------------------------


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_superuser("rh", "rh@example.com", "pw")
    editor = Client()
    editor.force_login(user)
    return editor


def edit_form(editor, offer, **changes):
    url = reverse("wagtailadmin_pages:edit", args=[offer.pk])
    data = querydict_from_html(editor.get(url).content.decode(), form_id="page-edit-form")
    for name, value in changes.items():
        data[name] = value
    data["action-publish"] = "action-publish"
    return editor.post(url, data)


def test_publishing_with_a_closing_date_schedules_the_unpublication(make_offer, editor):
    moment = timezone.now() + timedelta(days=30)
    offer = make_offer(valid_through=moment)
    assert offer.expire_at == moment

    response = edit_form(editor, offer, valid_through="2031-05-04 17:00")
    assert response.status_code == 302, response.content.decode()[:2000]
    offer.refresh_from_db()
    closing = timezone.make_aware(datetime(2031, 5, 4, 17, 0))
    assert offer.valid_through == closing
    assert offer.expire_at == closing
    assert offer.live


def test_the_edit_form_refuses_an_offer_nobody_can_apply_to(make_offer, editor):
    offer = make_offer(apply_url="https://employeur.example/postuler", apply_email="")
    response = edit_form(editor, offer, apply_url="", apply_email="")
    assert response.status_code == 200
    assert french("Give an application page, an email address, or both.") in unescape(
        response.content.decode()
    )
    offer.refresh_from_db()
    assert offer.apply_url == "https://employeur.example/postuler"


# --- Bilingual site (--ds=tests.settings_i18n) ----------------------------------------------


@pytest.mark.skipif(
    not getattr(settings, "WAGTAIL_I18N_ENABLED", False),
    reason="bilingual site only: run with --ds=tests.settings_i18n",
)
def test_a_translated_offer_shows_its_employer_and_salary_in_its_language(
    client, home, job_index, full_offer, employer
):
    en = Locale.objects.get_or_create(language_code="en")[0]
    english_employer = employer.copy_for_translation(en)
    english_employer.name = "Boreal Talent"
    english_employer.slug = "boreal-talent"
    english_employer.save()
    translate_page(home, en, title="Home", slug="home-en")
    translate_page(job_index, en, title="Jobs", slug="jobs")
    english = translate_page(full_offer, en, title="Recruitment adviser", slug="adviser")
    url = english.get_url()
    assert url == "/en/jobs/adviser/"

    html = client.get(url).content.decode()
    assert facts(html)["Employer"] == "Boreal Talent"
    assert facts(html)["Salary"] == "$55,000–$65,000 a year"
    assert 'href="/en/jobs/employers/boreal-talent/"' in html
    data = posting(html)
    assert data["inLanguage"] == "en"
    assert data["hiringOrganization"]["name"] == "Boreal Talent"
    assert data["url"] == "http://localhost/en/jobs/adviser/"
    assert ("fr", "http://localhost/emplois/conseillere/") in re.findall(
        r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head_of(html)
    )
