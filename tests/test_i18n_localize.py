"""Translating with wagtail-localize (``pip install "wagtail-career[localize]"``) instead of
simple_translation: run with ``--ds=tests.settings_localize``.

An author (a translatable snippet) and an article are translated through wagtail-localize's
own models, as its translation editor does: a TranslationSource extracted from the French
instance, a Translation into English, a StringTranslation per translated segment, then
``save_target``. The English URL then shows the English text, language and author role."""

from datetime import date

import pytest
from django.apps import apps
from wagtail.models import Locale
from wagtail.rich_text import RichText

from tests.test_i18n_acceptance import BASE, read

pytestmark = pytest.mark.skipif(
    not apps.is_installed("wagtail_localize"),
    reason="wagtail-localize site only: run with --ds=tests.settings_localize",
)


def localize(instance, locale, strings, on_commit):
    """Translate ``instance`` into ``locale`` with wagtail-localize: ``strings`` maps each
    French source string to its English translation (segments left out fall back to the
    source, as the editor's "publish" does). ``on_commit``: pytest-django's
    ``django_capture_on_commit_callbacks``. Returns the saved translated instance."""
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(source=source, target_locale=locale)
    used = set()
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in strings:
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": strings[segment.string.data],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
            used.add(segment.string.data)
    assert used == set(strings), f"not segments of {instance!r}: {set(strings) - used}"
    with on_commit(execute=True):  # wagtail-localize publishes the new revision on commit
        translation.save_target(publish=True)
    return instance.get_translation(locale)


@pytest.fixture
def en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def localized(
    home, career_index, make_article, make_author, en, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    author = make_author(
        "Camille Tremblay",
        slug="camille-tremblay",
        role="Directrice associée",
        organisation="Boréal Talents",
    )
    article = make_article(
        title="Réussir son entrevue vidéo",
        slug="entrevue-video",
        intro="Préparez votre entrevue vidéo comme une rencontre en personne.",
        authors=[author],
        body=[("paragraph", RichText("<p>Vérifiez votre caméra et votre éclairage.</p>"))],
        date=date(2026, 3, 2),
    )
    en_author = localize(author, en, {"Directrice associée": "Managing partner"}, capture)
    localize(home, en, {}, capture)
    localize(career_index, en, {"Carrière": "Career"}, capture)
    en_article = localize(
        article,
        en,
        {
            "Réussir son entrevue vidéo": "Acing your video interview",
            "Préparez votre entrevue vidéo comme une rencontre en personne.": (
                "Prepare your video interview like an in-person meeting."
            ),
            "Vérifiez votre caméra et votre éclairage.": "Check your camera and your lighting.",
        },
        capture,
    )
    return {"article": article, "en_article": en_article.specific, "en_author": en_author}


def test_wagtail_localize_replaces_wagtail_locales():
    assert apps.is_installed("wagtail_localize.locales")
    assert not apps.is_installed("wagtail.locales")


def test_the_translated_author_is_an_english_author(localized):
    en_author = localized["en_author"]
    assert en_author.locale.language_code == "en"
    assert en_author.role == "Managing partner"
    assert en_author.name == "Camille Tremblay"


def test_the_english_url_shows_the_translation(client, localized):
    en_article = localized["en_article"]
    assert en_article.live
    assert en_article.locale.language_code == "en"
    url = en_article.get_url()
    assert url.startswith("/en/")
    html, head = read(client, url)
    assert head.lang == "en"
    assert "Acing your video interview" in html
    assert "Check your camera and your lighting." in html
    assert "Vérifiez votre caméra" not in html
    assert head.article_ld()["inLanguage"] == "en"
    assert head.canonical == [BASE + url]
    assert head.hreflang["fr"] == BASE + localized["article"].get_url()


def test_the_english_article_shows_the_english_author_role(client, localized):
    html = read(client, localized["en_article"].get_url())[0]
    assert "Camille Tremblay" in html
    assert "Managing partner" in html
    assert "Directrice associée" not in html


def test_the_french_url_is_unchanged(client, localized):
    html, head = read(client, localized["article"].get_url())
    assert head.lang == "fr"
    assert "Réussir son entrevue vidéo" in html
    assert "Directrice associée" in html
    assert "Acing your video interview" not in html
    assert "Managing partner" not in html
