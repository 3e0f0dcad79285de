"""The example site's job offers demo (issue #14): ``load_career_demo``, run twice on a
throwaway database, makes a job index in each language and bilingual offers for the demo's
employers (one closed, one closing soon), without duplicates.

The demo is a separate Django project (its ``home`` and ``demo`` apps are not in the test
settings), so, as in test_hardening2_example_site.py, it runs in a subprocess with its own
settings and SQLite database, loaded once for the module; the tests read the facts it prints.
"""

import datetime
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.utils.text import slugify

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_SITE = REPO / "example_site"
DAY = datetime.timedelta(days=1).total_seconds()

LOAD_TWICE = """
import json, django
django.setup()
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment
from django.utils import timezone
from wagtail.models import Page
from wagtail_career.employers.models import Employer
from wagtail_career.jobs.pages.models import JobIndexPage, JobOfferPage, JobOfferPageTag


def counts():
    return {
        "pages": Page.objects.count(),
        "indexes": JobIndexPage.objects.count(),
        "offers": JobOfferPage.objects.count(),
        "employers": Employer.objects.count(),
        "tagged": JobOfferPageTag.objects.count(),
    }


def errors(page):
    try:
        page.full_clean()
    except ValidationError as error:
        return error.message_dict
    return None


call_command("migrate", verbosity=0, interactive=False)
setup_test_environment()
call_command("load_career_demo", quiet=True)
first = counts()
call_command("load_career_demo", quiet=True)
second = counts()
now = timezone.now()
client = Client()
indexes = [
    {
        "language": index.locale.language_code,
        "slug": index.slug,
        "url": index.get_url(),
        "live": index.live,
        "key": str(index.translation_key),
        "status": client.get(index.get_url()).status_code,
    }
    for index in JobIndexPage.objects.select_related("locale")
]
employers = [
    {"key": str(e.translation_key), "language": e.locale.language_code, "name": e.name}
    for e in Employer.objects.select_related("locale")
]
offers = []
for offer in JobOfferPage.objects.select_related("locale", "employer__locale").order_by("path"):
    offers.append({
        "slug": offer.slug,
        "language": offer.locale.language_code,
        "url": offer.get_url(),
        "live": offer.live,
        "key": str(offer.translation_key),
        "employer": str(offer.employer.translation_key),
        "employer_name": offer.employer.name,
        "employer_language": offer.employer.locale.language_code,
        "employment_type": offer.employment_type,
        "workplace": offer.workplace,
        "city": offer.city,
        "region": offer.region,
        "postal_code": offer.postal_code,
        "salary": [str(offer.salary_min), str(offer.salary_max), offer.salary_unit],
        "currency": offer.salary_currency,
        "apply": [offer.apply_url, offer.apply_email],
        "tags": sorted(offer.tags.names()),
        "posted_ago": (now - offer.date_posted).total_seconds(),
        "closes_in": (
            (offer.valid_through - now).total_seconds() if offer.valid_through else None
        ),
        "errors": errors(offer),
        "status": client.get(offer.get_url()).status_code,
    })
print(json.dumps({
    "first": first, "second": second, "indexes": indexes, "employers": employers,
    "offers": offers,
}))
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """What the demo holds after two loads (see LOAD_TWICE)."""
    scratch = tmp_path_factory.mktemp("jobs-demo")
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "WAGTAILADMIN_", "CAREER_")) and key != "DATABASE_URL"
    }
    environ.update(
        DJANGO_SETTINGS_MODULE="example_site.settings.dev",
        DATABASE_URL=f"sqlite:///{scratch / 'db.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(scratch / "media"),
    )
    result = subprocess.run(
        [sys.executable, "-c", LOAD_TWICE],
        cwd=EXAMPLE_SITE,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def offers_in(demo, language):
    return [offer for offer in demo["offers"] if offer["language"] == language]


def test_loading_the_demo_again_makes_no_duplicates(demo):
    assert demo["first"] == demo["second"]
    assert demo["second"]["indexes"] == 2
    assert demo["second"]["offers"] == 2 * len(offers_in(demo, "fr"))


def test_the_job_index_exists_in_french_and_in_english(demo):
    by_language = {index["language"]: index for index in demo["indexes"]}
    assert sorted(by_language) == ["en", "fr"]
    french, english = by_language["fr"], by_language["en"]
    assert (french["slug"], french["url"]) == ("offres-emploi", "/offres-emploi/")
    assert (english["slug"], english["url"]) == ("job-offers", "/en/job-offers/")
    assert english["key"] == french["key"]  # a Wagtail translation of the French index
    assert french["live"] and english["live"]
    assert french["status"] == english["status"] == 200


def test_every_employer_has_up_to_four_offers(demo):
    french_offers = offers_in(demo, "fr")
    assert 14 <= len(french_offers) <= 18
    per_employer = Counter(offer["employer"] for offer in french_offers)
    french_employers = [e for e in demo["employers"] if e["language"] == "fr"]
    assert set(per_employer) <= {employer["key"] for employer in french_employers}
    assert all(0 <= per_employer[employer["key"]] <= 4 for employer in french_employers)
    assert all(offer["employer_language"] == "fr" for offer in french_offers)
    # The employer that does not recruit has none.
    zenith = next(e for e in french_employers if e["name"] == "Atelier Zénith Conseil")
    assert per_employer[zenith["key"]] == 0


def test_every_offer_passes_the_models_validation(demo):
    assert [offer["slug"] for offer in demo["offers"] if offer["errors"]] == []
    # Candidates apply on the employer's own (example) domain, by its page or by email.
    for offer in demo["offers"]:
        url, email = offer["apply"]
        assert url or email
        domain = f"{slugify(offer['employer_name'])}.example"
        assert url == "" or url.startswith(f"https://{domain}/")
        assert email == "" or email.endswith(f"@{domain}")


def test_one_offer_is_closed_live_and_answers_410(demo):
    closed = [
        offer
        for offer in demo["offers"]
        if offer["closes_in"] is not None and offer["closes_in"] <= 0
    ]
    assert sorted(offer["language"] for offer in closed) == ["en", "fr"]
    assert closed[0]["key"] == closed[1]["key"]  # the same offer, in both languages
    assert all(offer["live"] for offer in closed)
    assert [offer["status"] for offer in closed] == [410, 410]
    # Every other offer is open and its page answers.
    assert {offer["status"] for offer in demo["offers"] if offer not in closed} == {200}


def test_one_offer_closes_within_a_week(demo):
    soon = [
        offer
        for offer in offers_in(demo, "fr")
        if offer["closes_in"] is not None and 0 < offer["closes_in"] <= 7 * DAY
    ]
    assert len(soon) == 1
    assert 2 * DAY < soon[0]["closes_in"] <= 3 * DAY  # three days after the loading


def test_the_offers_vary_like_real_ones(demo):
    french_offers = offers_in(demo, "fr")
    workplaces = Counter(offer["workplace"] for offer in french_offers)
    assert workplaces["remote"] >= 3
    assert workplaces["hybrid"] >= 2
    assert workplaces["on_site"] >= 3
    assert len({offer["employment_type"] for offer in french_offers}) >= 4
    units = Counter(offer["salary"][2] for offer in french_offers if offer["salary"][0] != "None")
    assert units["HOUR"] == 1
    assert units["YEAR"] >= 8
    assert any(offer["salary"][:2] == ["None", "None"] for offer in french_offers)
    for offer in french_offers:
        low, high, _unit = offer["salary"]
        if low != "None":
            assert float(low) <= float(high)
    assert {offer["currency"] for offer in french_offers} == {"CAD"}
    assert {offer["region"] for offer in french_offers} == {"QC"}
    cities = {offer["city"] for offer in french_offers if offer["city"]}
    assert {"Montréal", "Québec", "Laval", "Sherbrooke", "Gatineau"} <= cities
    assert all(offer["postal_code"] for offer in french_offers if offer["workplace"] != "remote")
    assert all(0 < offer["posted_ago"] <= 30 * DAY for offer in demo["offers"])
    assert len({round(offer["posted_ago"] / DAY) for offer in french_offers}) >= 10
    tags = {tag for offer in french_offers for tag in offer["tags"]}
    assert {"Ressources humaines", "Technologies", "Finance"} <= tags


def test_every_french_offer_has_a_live_english_translation_under_en(demo):
    english = {offer["key"]: offer for offer in offers_in(demo, "en")}
    french_offers = offers_in(demo, "fr")
    assert len(english) == len(french_offers)
    for offer in french_offers:
        translation = english[offer["key"]]
        assert translation["live"]
        assert translation["url"].startswith("/en/job-offers/")
        assert offer["url"].startswith("/offres-emploi/")
        # The English offer names the English translation of the same employer.
        assert (translation["employer"], translation["employer_language"]) == (
            offer["employer"],
            "en",
        )
        for field in ("employment_type", "workplace", "city", "salary", "apply", "closes_in"):
            assert translation[field] == offer[field], field
        assert len(translation["tags"]) == len(offer["tags"])
    english_tags = {tag for offer in english.values() for tag in offer["tags"]}
    assert {"Human resources", "Technology", "Finance"} <= english_tags
