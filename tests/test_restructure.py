"""The restructured package: a site's subclass of the ready-made article keeps every feature,
authors get unique slugs, migrations ignore the settings, the core imports no feature, and
article parts placed through the extension point."""

import ast
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.db import IntegrityError
from django.test import Client
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Site

from tests.comments_helpers import POST_URL, comments_of, form_data, make_user
from tests.testapp.models import EventArticlePage
from wagtail_career.cache import STATUS_HEADER
from wagtail_career.models import Author
from wagtail_career.newsletter.models import Subscription
from wagtail_career.newsletter.tasks import send_career_digest
from wagtail_career.pages.models import ArticlePage, CareerIndexPage
from wagtail_career.parts import ARTICLE_PARTS_HOOK, ArticlePart

PACKAGE = Path(__file__).resolve().parent.parent / "wagtail_career"
FEATURES = ("comments", "employers", "jobs", "newsletter", "pages")
# The one-way dependencies between features: job offers are an employer's.
FEATURE_REQUIRES = {"jobs": {"employers"}}
COMMENTS_ADMIN = "/admin/django_comments_xtd/xtdcomment/"
PAGE_CACHE = "wagtail_career.cache.CareerPageCacheMiddleware"


# 1. A site's subclass of the ready-made article ------------------------------------------


@pytest.fixture
def page_cache(settings):
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(middleware.index("django.middleware.common.CommonMiddleware") + 1, PAGE_CACHE)
    settings.MIDDLEWARE = middleware


@pytest.fixture
def event_article(make_article, make_author):
    """An EventArticlePage (multi-table subclass of ArticlePage) and an ArticlePage sibling."""
    author = make_author("Nadia Gagnon", slug="nadia-gagnon")
    sibling = make_article(title="Préparer un salon de l'emploi", authors=[author], tags=["Salon"])
    event = make_article(
        title="Salon virtuel zéphyrin",
        authors=[author],
        tags=["Salon"],
        page_model=EventArticlePage,
        event_date=timezone.localdate() + timedelta(days=10),
    )
    return event, sibling


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_the_subclass_is_a_multi_table_subclass_listed_by_the_index(event_article, career_index):
    event, _sibling = event_article
    assert isinstance(event, EventArticlePage) and isinstance(event, ArticlePage)
    assert EventArticlePage._meta.parents  # multi-table: its own table, a link to ArticlePage
    assert EventArticlePage.listing_model() is ArticlePage
    assert CareerIndexPage.article_model() is ArticlePage
    index = CareerIndexPage.objects.get(pk=career_index.pk)
    assert event.pk in set(index.articles().values_list("pk", flat=True))


def test_a_comment_on_the_subclass_is_held_approved_shown_counted_and_purged(
    client, event_article, career_index, page_cache, django_capture_on_commit_callbacks
):
    event, _sibling = event_article
    anonymous = client
    # The page cache stores the subclass article for anonymous visitors.
    assert _get(anonymous, event.url).get(STATUS_HEADER) == "miss"
    assert _get(anonymous, event.url).get(STATUS_HEADER) == "hit"
    assert _get(anonymous, career_index.url).get(STATUS_HEADER) == "miss"

    visitor = Client()
    visitor.force_login(make_user("lea", first_name="Léa", last_name="Roy"))
    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(POST_URL, form_data(event, comment="Quel salon zéphyrin !"))
    assert response.status_code == 302
    assert response["Location"] == f"{event.url}#comments"
    comment = comments_of(event).get()
    assert comment.content_object.specific.__class__ is EventArticlePage
    assert not comment.is_public  # held for moderation
    # A held comment purges nothing and shows nowhere.
    cached = _get(anonymous, event.url)
    assert cached.get(STATUS_HEADER) == "hit"
    assert "Quel salon zéphyrin" not in cached.content.decode()

    moderator = Client()
    moderator.force_login(make_user("admin", is_superuser=True, is_staff=True))
    queue = _get(moderator, COMMENTS_ADMIN + "?status=pending").content.decode()
    assert "Quel salon zéphyrin" in queue
    assert f'name="single" value="approve:{comment.pk}"' in queue
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(COMMENTS_ADMIN + "moderate/", {"single": f"approve:{comment.pk}"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_public

    # The moderation list lists it as published, under its article.
    published = _get(moderator, COMMENTS_ADMIN + "?status=published").content.decode()
    assert "Quel salon zéphyrin" in published
    assert f'href="{event.url}#c{comment.pk}"' in published
    by_article = _get(moderator, COMMENTS_ADMIN + f"?article={event.pk}").content.decode()
    assert "Quel salon zéphyrin" in by_article
    assert (
        "Quel salon zéphyrin"
        not in _get(moderator, COMMENTS_ADMIN + "?status=pending").content.decode()
    )

    # The approval purged the subclass article: the next GET is built afresh with it.
    page = _get(anonymous, event.url)
    assert page.get(STATUS_HEADER) == "miss"
    assert "Quel salon zéphyrin" in page.content.decode()
    assert "1 commentaire" in page.content.decode()
    assert _get(anonymous, event.url).get(STATUS_HEADER) == "hit"

    # And its index, whose card counts the comment.
    index = _get(anonymous, career_index.url)
    assert index.get(STATUS_HEADER) == "miss"
    card = _card_of(index.content.decode(), event)
    assert "1 commentaire" in card


def _card_of(html, article):
    """The HTML of ``article``'s card in a listing."""
    cards = re.findall(r'<article class="career-card">.*?</article>', html, re.S)
    mine = [card for card in cards if f'href="{article.url}"' in card]
    assert len(mine) == 1, html
    return mine[0]


def test_the_subclass_is_in_the_index_feed_search_related_and_sitemap(
    client, event_article, career_index
):
    event, sibling = event_article
    index_html = _get(client, career_index.url).content.decode()
    assert "Salon virtuel zéphyrin" in _card_of(index_html, event)
    assert "0 commentaire" in _card_of(index_html, event)  # counted, none yet

    feed = _get(client, career_index.url + "feed/rss/").content.decode()
    assert "<title>Salon virtuel zéphyrin</title>" in feed
    assert event.full_url in feed

    found = _get(client, career_index.url + "?q=zéphyrin").content.decode()
    assert "Salon virtuel" in _card_of(found, event)
    assert f'href="{sibling.url}"' not in found

    related = _get(client, sibling.url).content.decode()
    section = related[related.index("career-related") :]
    assert f'href="{event.url}"' in section and "Salon virtuel zéphyrin" in section

    sitemap = _get(client, "/sitemap.xml").content.decode()
    assert f"<loc>{event.full_url}</loc>" in sitemap
    assert f"<loc>{sibling.full_url}</loc>" in sitemap


def test_the_subclass_is_sent_in_the_digest(make_article, settings):
    settings.DEFAULT_FROM_EMAIL = "carriere@example.com"
    when = timezone.now() - timedelta(days=1)
    Subscription.objects.create(
        site=Site.objects.get(is_default_site=True),
        email="lea@example.com",
        language="fr",
        status="confirmed",
        consent_text="…",
        consent_given_at=when,
        confirmed_at=when,
    )
    event = make_article(title="Salon virtuel zéphyrin", page_model=EventArticlePage)
    plain = make_article(title="Un article ordinaire")
    mail.outbox.clear()
    assert send_career_digest.enqueue().return_value == 1
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Salon virtuel zéphyrin" in body and "Un article ordinaire" in body
    assert body.count("Salon virtuel zéphyrin") == 1  # once, not also as its parent ArticlePage
    assert event.full_url in body and plain.full_url in body
    # Sent once: the next run has nothing new.
    assert send_career_digest.enqueue().return_value == 0


# 2. Author slugs ------------------------------------------------------------------------


def test_same_name_twice_gets_two_unicode_slugs(db):
    first = Author.objects.create(name="Marie-Ève Tremblay")
    try:
        second = Author.objects.create(name="Marie-Ève Tremblay")
    except IntegrityError as error:  # pragma: no cover - the bug this guards against
        pytest.fail(f"a second author of the same name failed: {error}")
    assert first.slug == "marie-ève-tremblay"
    assert second.slug == "marie-ève-tremblay-2"
    assert Author.objects.create(name="Marie-Ève Tremblay").slug == "marie-ève-tremblay-3"


def test_an_explicit_slug_is_kept_and_resaving_keeps_the_slug(db):
    author = Author.objects.create(name="Marie-Ève Tremblay", slug="metremblay")
    assert author.slug == "metremblay"
    author.name = "Marie-Ève Tremblay-Roy"
    author.save()
    author.refresh_from_db()
    assert author.slug == "metremblay"


def test_a_name_without_letters_gets_a_fallback_slug(db):
    first = Author.objects.create(name="…")
    second = Author.objects.create(name="…")
    assert first.slug and second.slug and first.slug != second.slug
    assert re.fullmatch(r"[-\w]+", first.slug)
    assert (first.slug, second.slug) == ("item", "item-2")


def test_an_editor_leaves_the_slug_empty_in_the_admin(client, db):
    from wagtail.test.utils.form_data import querydict_from_html

    Author.objects.create(name="Marie-Ève Tremblay")
    client.force_login(make_user("admin", is_superuser=True, is_staff=True))
    url = "/admin/snippets/wagtail_career/author/add/"
    page = client.get(url)
    assert page.status_code == 200
    data = querydict_from_html(page.content.decode(), form_id="w-editor-form")
    data["name"] = "Marie-Ève Tremblay"
    data["slug"] = ""
    data["role"] = "Conseillère"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    created = Author.objects.get(role="Conseillère")
    assert created.slug == "marie-ève-tremblay-2"


# 3. Migrations do not depend on settings ---------------------------------------------------


@pytest.mark.parametrize(
    "settings_module", ["tests.settings_languages", "tests.settings_default_languages"]
)
def test_migrations_do_not_depend_on_languages(settings_module, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "PYTHONPATH": str(PACKAGE.parent),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'migrations.sqlite3'}",
    }
    # The settings really are different.
    probe = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
         "print([code for code, _ in settings.LANGUAGES][:3])"],
        env=env, capture_output=True, text=True, timeout=120, cwd=PACKAGE.parent,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    assert "'fr'" not in probe.stdout
    result = subprocess.run(
        [sys.executable, "-m", "django", "makemigrations", "--check", "--dry-run"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=PACKAGE.parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


# 4. One-way imports --------------------------------------------------------------------


def _modules(directory, recursive=True):
    pattern = "**/*.py" if recursive else "*.py"
    return sorted(directory.glob(pattern))


def _imported(path):
    """The absolute names ``path`` imports (relative imports resolved)."""
    module_parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if module_parts[-1] == "__init__":
        module_parts.pop()
        package = module_parts
    else:
        package = module_parts[:-1]
    names = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            names.append(target)
            names.extend(f"{target}.{alias.name}" for alias in node.names)
    # import_module("wagtail_career.comments") and the like, too.
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and re.fullmatch(r"wagtail_career\.\w+(\.\w+)*", node.value)
        ):
            names.append(node.value)
    return names


def _is_feature(name, feature):
    return name == f"wagtail_career.{feature}" or name.startswith(f"wagtail_career.{feature}.")


def _core_modules():
    return (
        _modules(PACKAGE, recursive=False)
        + _modules(PACKAGE / "models")
        + _modules(PACKAGE / "templatetags")
    )


def test_the_import_resolver_sees_relative_and_absolute_imports():
    # The checker itself: a relative import of a feature from a core module is caught.
    names = _imported(PACKAGE / "comments" / "apps.py")
    assert "wagtail_career.models.article_page_models" in names  # ``from ..models import``
    assert "wagtail_career.comments.checks" in names  # ``from . import checks``
    assert "wagtail_career.models.authors.Author" in _imported(PACKAGE / "models" / "__init__.py")


def test_the_core_imports_no_feature_app():
    modules = _core_modules()
    assert PACKAGE / "parts.py" in modules and PACKAGE / "models" / "pages.py" in modules
    offending = {
        f"{path.relative_to(PACKAGE.parent)}: {name}"
        for path in modules
        for name in _imported(path)
        for feature in FEATURES
        if _is_feature(name, feature)
    }
    assert offending == set()


@pytest.mark.parametrize("feature", FEATURES)
def test_no_feature_app_imports_another(feature):
    modules = _modules(PACKAGE / feature)
    assert modules
    offending = {
        f"{path.relative_to(PACKAGE.parent)}: {name}"
        for path in modules
        for name in _imported(path)
        for other in FEATURES
        if other != feature
        and other not in FEATURE_REQUIRES.get(feature, set())
        and _is_feature(name, other)
    }
    assert offending == set()


def test_feature_dependencies_go_one_way():
    for feature, required in FEATURE_REQUIRES.items():
        for other in required:
            assert feature not in FEATURE_REQUIRES.get(other, set())
            assert not any(
                _is_feature(name, feature)
                for path in _modules(PACKAGE / other)
                for name in _imported(path)
            ), f"{other} imports {feature}"


def _feature_templates_and_libraries():
    templates, libraries = set(), set()
    for feature in FEATURES:
        if feature == "pages":
            continue
        root = PACKAGE / feature / "templates"
        templates |= {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}
        libraries |= {
            path.stem
            for path in (PACKAGE / feature / "templatetags").glob("*.py")
            if path.stem != "__init__"
        }
    return templates, libraries


def test_the_core_templates_reference_no_feature_template_or_tag_library():
    templates, libraries = _feature_templates_and_libraries()
    assert "wagtail_career/includes/employers.html" in templates and libraries
    core_templates = sorted((PACKAGE / "templates").rglob("*.html"))
    assert core_templates
    core_names = {str(path.relative_to(PACKAGE / "templates")) for path in core_templates}
    offending = []
    for path in core_templates:
        source = path.read_text()
        for loaded in re.findall(r"{%\s*load\s+([^%]*?)\s*%}", source):
            names = loaded.split()
            if "from" in names:
                names = names[names.index("from") + 1 :]
            offending += [f"{path.name}: load {name}" for name in names if name in libraries]
        for name in re.findall(r"""["']([\w/.-]+\.(?:html|txt|xml))["']""", source):
            if name in templates and name not in core_names:
                offending.append(f"{path.name}: {name}")
    assert offending == []


# 6. Extension point ----------------------------------------------------------------------


@pytest.fixture
def sidebar_article(make_article, make_author, make_employer):
    make_employer("Boréal Recrutement")
    author = make_author("Camille Tremblay", slug="camille-tremblay", bio="Conseillère RH")
    return make_article(title="Négocier son salaire", authors=[author])


def _job_of_the_week(request, page):
    return {"job_title": f"Analyste ({page.title})"}


def job_part(get_context=_job_of_the_week, region="sidebar", order=15):
    def hook():
        return ArticlePart(
            name="job_of_the_week",
            region=region,
            template="testapp/part.html",
            order=order,
            get_context=get_context,
        )

    return hook


def test_a_site_part_shows_between_the_author_cards_and_the_employers(client, sidebar_article):
    before = client.get(sidebar_article.url).content.decode()
    assert 'data-part="job"' not in before
    with hooks.register_temporarily(ARTICLE_PARTS_HOOK, job_part()):
        html = client.get(sidebar_article.url).content.decode()
    assert "Offre de la semaine : Analyste (Négocier son salaire)" in html
    assert html.count('data-part="job"') == 1
    sidebar = html[html.index('class="career-sidebar"') :]
    authors = sidebar.index("career-author-box")
    part = sidebar.index('data-part="job"')
    employers = sidebar.index("career-employers")
    assert authors < part < employers
    assert "Boréal Recrutement" in sidebar[employers:]
    # Unregistered again, it is gone.
    assert 'data-part="job"' not in client.get(sidebar_article.url).content.decode()


def test_the_order_places_the_part(client, sidebar_article):
    with hooks.register_temporarily(ARTICLE_PARTS_HOOK, job_part(order=5)):
        html = client.get(sidebar_article.url).content.decode()
    sidebar = html[html.index('class="career-sidebar"') :]
    assert sidebar.index('data-part="job"') < sidebar.index("career-author-box")


def test_a_part_returning_none_shows_nothing(client, sidebar_article):
    with hooks.register_temporarily(ARTICLE_PARTS_HOOK, job_part(lambda request, page: None)):
        response = client.get(sidebar_article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-part="job"' not in html and "Offre de la semaine" not in html
    assert "career-author-box" in html and "career-employers" in html


def test_an_invalid_region_raises_value_error():
    with pytest.raises(ValueError, match="footer"):
        ArticlePart(
            name="x", region="footer", template="testapp/part.html", get_context=lambda r, p: {}
        )
    for region in ("header", "after_body", "sidebar"):
        assert (
            ArticlePart(
                name="x", region=region, template="testapp/part.html", get_context=lambda r, p: {}
            ).region
            == region
        )
