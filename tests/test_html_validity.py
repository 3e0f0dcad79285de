"""The package's pages are valid HTML: the W3C Nu HTML Checker (npm's ``vnu-jar``, run with
the system's Java) finds no error in any of them (warnings are allowed).

The pages: the career index, an article in French and its English translation, an author
archive, the employer directory, search results, the newsletter signup answer and the
comment form's error page; and the job offers' pages: the listing (a page of several, with
page links), filtered, searched or matching nothing, an offer, a closed offer (410 Gone)
and employers' profiles. Under ``--ds=tests.settings_i18n`` the English page is a real
translation; under tests/settings.py it is the French article behind the /en/ prefix.

The checker: ``$VNU_JAR``, else .ci/tools/node_modules/vnu-jar/build/dist/vnu.jar (CI runs
``npm install --no-save vnu-jar`` in .ci/tools/), else ./node_modules/vnu-jar/…. Without
Java or the checker the test skips locally, and fails on CI (``CI=true``)."""

import json
import os
import shutil
import subprocess
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from wagtail.rich_text import RichText

from tests.comments_helpers import POST_URL, form_data, make_user
from tests.newsletter_utils import SIGNUP_URL, signup_data

ROOT = Path(__file__).resolve().parent.parent
JAR_CANDIDATES = [
    ROOT / ".ci" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar",
    ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar",
]


def find_checker():
    """``(java, jar)``, or ``(None, reason)``."""
    java = shutil.which("java")
    if java is None:
        return None, "java is not installed (Debian: apt-get install default-jre-headless)"
    jar = os.environ.get("VNU_JAR")
    candidates = [Path(jar)] if jar else JAR_CANDIDATES
    for candidate in candidates:
        if candidate.is_file():
            return java, candidate
    return None, (
        "the Nu HTML checker is missing: (cd .ci/tools && npm install --no-save vnu-jar), "
        "or set VNU_JAR"
    )


def require_checker():
    """``(java, jar)``; skips without them, except on CI (``CI=true``), where it fails."""
    java, jar = find_checker()
    if java is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true: {jar}")
        pytest.skip(jar)
    return java, jar


# The pages that do not answer 200 OK.
STATUS = {"job_offer_closed": 410}


@pytest.fixture
def job_pages(client, job_index, make_offer, make_employer):
    """``{name: (status, html)}`` of the job offers' pages, two offers a page (so that the
    listing has page links)."""
    caisse = make_employer("Caisse Horizon", careers_url="https://caisse.example/carrieres")
    fleuve = make_employer("Atelier Fleuve", logo=False, description="Un atelier.\nDeux lignes.")
    quiet = make_employer("Atelier Sans Offre", logo=False)
    description = (
        "<p>Notre équipe protège les données de nos membres.</p>"
        "<h2>Vos responsabilités</h2><ul><li>Surveiller les alertes</li></ul>"
    )
    offer = make_offer(
        title="Analyste en sécurité de l'information",
        slug="analyste-securite",
        employer=caisse,
        employment_type="FULL_TIME",
        workplace="remote",
        city="",
        region="QC",
        salary_min=Decimal("88000"),
        salary_max=Decimal("112000"),
        salary_unit="YEAR",
        description=description,
        apply_url="https://caisse.example/carrieres/securite",
        apply_email="emplois@caisse.example",
        valid_through=timezone.now() + timedelta(days=3),
        tags=["Technologies"],
    )
    make_offer(
        title="Conseillère en finances personnelles",
        employer=caisse,
        employment_type="PART_TIME",
        workplace="on_site",
        city="Sherbrooke",
        postal_code="J1H 1Z1",
        apply_url="",
        apply_email="rh@caisse.example",
        date_posted=timezone.make_aware(datetime(2026, 3, 2, 9, 0)),
    )
    make_offer(
        title="Cariste de soir",
        employer=fleuve,
        workplace="hybrid",
        city="Laval",
        salary_min=Decimal("24.75"),
        salary_max=Decimal("28.50"),
        salary_unit="HOUR",
    )
    closed = make_offer(title="Stage d'été", employer=fleuve)
    type(closed).objects.filter(pk=closed.pk).update(
        valid_through=timezone.now() - timedelta(minutes=1)
    )

    index = job_index.get_url()
    urls = {
        "job_listing": index,
        "job_listing_page_2": index + "?page=2",
        "job_listing_filtered": index + f"?employer={caisse.slug}&workplace=remote",
        "job_listing_no_match": index + f"?employer={fleuve.slug}&city=Sherbrooke",
        "job_search": index + "?q=analyste",
        "job_offer": offer.get_url(),
        "job_offer_closed": closed.get_url(),
        "employer_profile": index + f"employers/{caisse.slug}/",
        "employer_profile_no_offer": index + f"employers/{quiet.slug}/",
    }
    answers = {}
    with override_settings(WAGTAIL_CAREER_PAGE_SIZE=2):
        for name, url in urls.items():
            response = client.get(url)
            answers[name] = (response.status_code, response.content.decode())
    # The pages show what they are meant to (so the checker reads the parts in question).
    assert 'class="career-pagination"' in answers["job_listing"][1]
    assert "Analyste en sécurité" in answers["job_search"][1]
    assert "career-job-card" not in answers["job_listing_no_match"][1]
    assert 'class="career-job-apply"' in answers["job_offer"][1]
    assert 'class="career-job-closed"' in answers["job_offer_closed"][1]
    return answers


@pytest.fixture
def pages(
    client,
    home,
    career_index,
    make_article,
    make_author,
    make_employer,
    django_capture_on_commit_callbacks,
    job_pages,
):
    """``{name: (status, html)}`` of every page checked."""
    author = make_author("Camille Tremblay", slug="camille-tremblay")
    article = make_article(
        title="Réussir son entrevue vidéo",
        slug="entrevue-video",
        authors=[author],
        tags=["Entrevue"],
        body=[
            ("heading", "Avant l'entrevue"),
            ("paragraph", RichText("<p>Vérifiez votre caméra et votre éclairage.</p>")),
        ],
        date=date(2026, 3, 2),
    )
    make_article(title="Négocier son salaire", slug="negocier-salaire", authors=[author])
    make_employer("Boréal Talents", is_recruiting=True)
    make_employer("Novea Recrutement", is_recruiting=True, logo=False)

    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        from wagtail.models import Locale

        from tests.test_i18n_acceptance import translate_page

        en = Locale.objects.get_or_create(language_code="en")[0]
        translate_page(home, en, title="Home", slug="home-en")
        translate_page(career_index, en, title="Career", slug="careers")
        english_url = translate_page(
            article,
            en,
            title="Acing your video interview",
            slug="video-interview",
            body=[("paragraph", RichText("<p>Check your camera and your lighting.</p>"))],
        ).get_url()
    else:
        english_url = "/en" + article.get_url()

    answers = dict(job_pages)

    def get(name, url):
        response = client.get(url)
        answers[name] = (response.status_code, response.content.decode())

    get("index", career_index.get_url())
    get("article_fr", article.get_url())
    get("article_en", english_url)
    get("author_archive", career_index.author_archive_url(author))
    get("employer_directory", career_index.get_url() + "employers/")
    get("search_results", career_index.get_url() + "?q=entrevue")
    get("search_nothing_found", career_index.get_url() + "?q=zzzyyyxxx")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP_URL, signup_data(source=article.get_url()))
    answers["newsletter_answer"] = (response.status_code, response.content.decode())
    # Signed in (the default policy's commenters), an empty comment: the form again, with
    # its error.
    client.force_login(make_user())
    response = client.post(POST_URL, form_data(article, comment=""))
    client.logout()
    answers["comment_post_error"] = (response.status_code, response.content.decode())
    return answers


def test_the_pages_render(pages):
    for name, (status, html) in pages.items():
        assert status == STATUS.get(name, 200), (name, status)
        assert html.lstrip().lower().startswith("<!doctype html>"), name
    assert "Acing your video interview" in pages["article_en"][1] or not getattr(
        settings, "WAGTAIL_I18N_ENABLED", False
    )


def test_the_pages_are_valid_html(db, request, tmp_path):
    # ``db`` in the signature: pytest-django runs it with the other database tests, before
    # the browser tests (whose Playwright event loop would refuse database access).
    java, jar = require_checker()  # before the pages are built: fails fast on CI
    pages = request.getfixturevalue("pages")
    for name, (_status, html) in pages.items():
        (tmp_path / f"{name}.html").write_text(html, encoding="utf-8")
    command = [java, "-jar", str(jar), "--format", "json", "--stdout"]
    result = subprocess.run(
        [*command, *map(str, sorted(tmp_path.glob("*.html")))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.stdout, result.stderr
    messages = json.loads(result.stdout)["messages"]
    errors = [
        # "url" is the file's: "file:/tmp/…/<page name>.html"
        f"{Path(m.get('url', '?')).stem}:{m.get('lastLine')}: {m['message']}"
        f" [{m.get('extract', '')!r}]"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, "\n".join(errors)
    # Every file was read (a path vnu could not open is a "non-document-error").
    assert not [m for m in messages if m.get("type") == "non-document-error"], messages
