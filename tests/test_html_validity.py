"""The package's pages are valid HTML: the W3C Nu HTML Checker (npm's ``vnu-jar``, run with
the system's Java) finds no error in any of them (warnings are allowed).

The pages: the career index, an article in French and its English translation, an author
archive, the employer directory, search results, the newsletter signup answer and the
comment form's error page. Under ``--ds=tests.settings_i18n`` the English page is a real
translation; under tests/settings.py it is the French article behind the /en/ prefix.

The checker: ``$VNU_JAR``, else .ci/tools/node_modules/vnu-jar/build/dist/vnu.jar (CI runs
``npm install --no-save vnu-jar`` in .ci/tools/), else ./node_modules/vnu-jar/…. Without
Java or the checker the test skips locally, and fails on CI (``CI=true``)."""

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
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


@pytest.fixture
def pages(
    client,
    home,
    career_index,
    make_article,
    make_author,
    make_employer,
    django_capture_on_commit_callbacks,
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

    answers = {}

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
        assert status == 200, (name, status)
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
