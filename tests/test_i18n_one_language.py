"""A one-language site (tests/settings.py: WAGTAIL_I18N_ENABLED off, French content) still
answers /en/-prefixed URLs (i18n_patterns, English interface), but never claims English for
its French content: ``<html lang>``, JSON-LD ``inLanguage``, ``og:locale`` and the canonical
URL stay French / the default language's address, and no hreflang link points anywhere.

The bilingual site is tests/test_i18n_acceptance.py (``--ds=tests.settings_i18n``)."""

import pytest
from django.conf import settings

from tests.test_i18n_acceptance import BASE, read

pytestmark = pytest.mark.skipif(
    getattr(settings, "WAGTAIL_I18N_ENABLED", False),
    reason="one-language site only (tests.settings)",
)


@pytest.fixture
def french_article(make_article, make_author):
    return make_article(
        title="Réussir son entrevue vidéo",
        slug="entrevue-video",
        authors=[make_author("Camille Tremblay", slug="camille-tremblay")],
    )


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_an_article_stays_french_under_any_prefix(client, french_article, prefix):
    html, head = read(client, f"{prefix}/carriere/entrevue-video/")
    assert head.lang == "fr"
    assert head.article_ld()["inLanguage"] == "fr"
    assert head.canonical == [BASE + "/carriere/entrevue-video/"]
    assert head.article_ld()["url"] == BASE + "/carriere/entrevue-video/"
    assert head.meta["og:url"] == [BASE + "/carriere/entrevue-video/"]
    assert head.meta["og:locale"][0].startswith("fr")
    assert not head.hreflang, head.hreflang
    assert "Réussir son entrevue vidéo" in html


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_index_and_author_archive_stay_french_under_any_prefix(client, french_article, prefix):
    for path in ("/carriere/", "/carriere/authors/camille-tremblay/"):
        _html, head = read(client, prefix + path)
        assert head.lang == "fr", path
        assert head.canonical == [BASE + path], path
        assert head.meta["og:locale"][0].startswith("fr"), path
        assert not head.hreflang, (path, head.hreflang)
