"""Shared fixtures: a Wagtail site with a career index, authors, articles and images."""

import io
import itertools
from datetime import date

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.rich_text import RichText

from tests.pages import ArticlePage, ArticlePageAuthor, CareerIndexPage, JobIndexPage, JobOfferPage
from wagtail_career.cache import rate_limit_cache, shared_cache
from wagtail_career.employers.models import Employer
from wagtail_career.models import Author

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: ids restart after a rolled-back test (SQLite
    rolls back its sequences), so a cached rendition could point at a previous test's file.
    The rate-limit counters (their own alias) start from zero too."""
    cache.clear()
    rate_limit_cache().clear()


@pytest.fixture(autouse=True)
def _default_language(settings):
    """Each test starts in the default language: a request to /en/… leaves English active
    in the thread, which would leak into the next test's page URLs."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def locmem_caches(settings):
    """Local-memory caches for the tests that look at the stored keys (whatever backend the
    run uses otherwise, e.g. Redis in CI's PostgreSQL pass)."""
    settings.CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ("default", "wagtail_career_ratelimit")
    }
    shared_cache().clear()
    yield


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def career_index(home):
    index = CareerIndexPage(title="Carrière", slug="carriere", intro="<p>Conseils de carrière</p>")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def make_image(db):
    def make(title=None, size=(800, 450), color=(30, 90, 160)):
        buffer = io.BytesIO()
        PILImage.new("RGB", size, color).save(buffer, "PNG")
        title = title or f"Image {next(_counter)}"
        return get_image_model().objects.create(
            title=title, file=ImageFile(buffer, name=f"{title.replace(' ', '-')}.png")
        )

    return make


@pytest.fixture
def make_author(db):
    def make(name=None, **fields):
        n = next(_counter)
        name = name or f"Autrice {n}"
        fields.setdefault("slug", f"auteur-{n}")
        fields.setdefault("role", "Directrice associée")
        fields.setdefault("organisation", "Boréal Talents")
        return Author.objects.create(name=name, **fields)

    return make


@pytest.fixture
def make_employer(make_image):
    def make(name=None, logo=True, **fields):
        n = next(_counter)
        name = name or f"Employeur {n}"
        fields.setdefault("website", f"https://employeur-{n}.example/")
        if logo:
            fields["logo"] = make_image(f"Logo {n}", size=(120, 60))
        return Employer.objects.create(name=name, **fields)

    return make


@pytest.fixture
def make_article(career_index):
    def make(
        title=None,
        authors=(),
        tags=(),
        body=None,
        publish=True,
        parent=None,
        page_model=ArticlePage,
        **fields,
    ):
        """``page_model``: e.g. ``tests.testapp.models.FeatureArticlePage``, whose body also
        takes the employers and newsletter blocks."""
        n = next(_counter)
        page = page_model(
            title=title or f"Article {n}",
            slug=fields.pop("slug", f"article-{n}"),
            intro=fields.pop("intro", "Une introduction courte."),
            body=body
            if body is not None
            else [
                ("heading", "Un sous-titre"),
                ("paragraph", RichText("<p>" + "mot " * 450 + "</p>")),
            ],
            **fields,
        )
        author_link = (
            ArticlePageAuthor
            if page_model is ArticlePage
            else page_model._meta.get_field("article_authors").related_model
        )
        page.article_authors = [author_link(author=author) for author in authors]
        (parent or career_index).add_child(instance=page)
        page.tags.set(list(tags))
        revision = page.save_revision()
        if publish:
            revision.publish()
        else:
            page.unpublish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def job_index(home):
    index = JobIndexPage(title="Emplois", slug="emplois", intro="<p>Nos offres d'emploi</p>")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def make_offer(job_index, make_employer):
    """A published job offer (``publish=False``: a draft) under ``job_index`` (or
    ``parent``); ``employer`` defaults to a new one. Any JobOfferPage field may be given."""

    def make(title=None, employer=None, tags=(), publish=True, parent=None, **fields):
        n = next(_counter)
        fields.setdefault("description", "<p>Nous recherchons une personne passionnée.</p>")
        fields.setdefault("apply_url", f"https://employeur.example/postuler/{n}")
        fields.setdefault("city", "Montréal")
        fields.setdefault("region", "QC")
        page = JobOfferPage(
            title=title or f"Offre {n}",
            slug=fields.pop("slug", f"offre-{n}"),
            employer=employer or make_employer(),
            **fields,
        )
        (parent or job_index).add_child(instance=page)
        page.tags.set(list(tags))
        revision = page.save_revision()
        if publish:
            revision.publish()
        else:
            page.unpublish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def article(make_article, make_author):
    author = make_author("Camille Tremblay", slug="camille-tremblay")
    return make_article(
        title="Réussir son entrevue vidéo",
        authors=[author],
        tags=["Entrevue"],
        date=date(2026, 3, 2),
    )


@pytest.fixture
def post_career_settings(client):
    """POST the Career settings form as the admin shows it, with ``changes`` applied.

    The form starts from what the edit view renders, so a test names only the fields it
    cares about while every other feature's settings keep their current values.
    """
    from wagtail.test.utils.form_data import querydict_from_html

    def post(site, setting="wagtail_career/careersettings", **changes):
        """``setting``: ``"<app label>/<model name>"`` of the settings model (each feature
        app has its own, e.g. ``"wagtail_career_comments/commentsettings"``)."""
        url = f"/admin/settings/{setting}/{site.pk}/"
        data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
        for name, value in changes.items():
            if value is None:
                data.pop(name, None)
            else:
                data[name] = value
        return client.post(url, data)

    return post
