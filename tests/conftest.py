"""Shared fixtures: a Wagtail site with a career index, authors, articles and images."""

import io
import itertools
from datetime import date

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.rich_text import RichText

from wagtail_career.models import ArticlePage, ArticlePageAuthor, Author, CareerIndexPage

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


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
def make_article(career_index):
    def make(title=None, authors=(), tags=(), body=None, publish=True, parent=None, **fields):
        n = next(_counter)
        page = ArticlePage(
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
        page.article_authors = [ArticlePageAuthor(author=author) for author in authors]
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
def article(make_article, make_author):
    author = make_author("Camille Tremblay", slug="camille-tremblay")
    return make_article(
        title="Réussir son entrevue vidéo", authors=[author], tags=["Entrevue"], date=date(2026, 3, 2)
    )


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (rate limits, settings caches)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """A request to /en/ leaves English active in the thread; start each test in French."""
    from django.utils import translation

    translation.activate("fr")
    yield
    translation.activate("fr")
