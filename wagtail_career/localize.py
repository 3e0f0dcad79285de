"""Translated snippets (authors, employers) in the language of the page shown.

With Wagtail's internationalisation on (``WAGTAIL_I18N_ENABLED``), a snippet built on
``TranslatableMixin`` has one row per locale, sharing a ``translation_key``. An article's
translation still points at the original's authors (and a StreamField at the original's
employers): :func:`localized` swaps them for their translations in the active content
locale, in one query whatever their number, keeping the original when there is none.
Without internationalisation it is the identity and costs nothing.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Orderable

from .languages import (
    active_language,
    default_interface_language,
    default_language,
    i18n_enabled,
    interface_language,
)


def locale_filter(locale=None, prefix=""):
    """Query arguments selecting rows of ``locale`` (a Locale or a language code; default:
    the active content language) without fetching the Locale itself."""
    if locale is None:
        locale = active_language()
    if isinstance(locale, str):
        return {f"{prefix}locale__language_code": locale}
    return {f"{prefix}locale_id": locale.pk}


def localized(objects, locale=None, queryset=None):
    """``objects`` as a list, each replaced by its translation in ``locale`` (a Locale or a
    language code; default: the active content locale) when there is one.

    The translations are fetched in one query (from ``queryset`` when given, e.g. to
    prefetch photos; it must be of the objects' model). ``None`` items are kept as they
    are. Without ``WAGTAIL_I18N_ENABLED`` the list is returned unchanged, with no query.
    """
    objects = list(objects)
    present = [obj for obj in objects if obj is not None]
    if not i18n_enabled() or not present:
        return objects
    model = type(present[0])
    if not hasattr(model, "translation_key"):
        return objects
    if queryset is None:
        queryset = model._default_manager.all()
    keys = {obj.translation_key for obj in present}
    translations = {
        obj.translation_key: obj
        for obj in queryset.filter(translation_key__in=keys, **locale_filter(locale))
    }
    return [
        translations.get(obj.translation_key, obj) if obj is not None else None for obj in objects
    ]


def pick_translations(objects, locale=None):
    """One object per translation family among ``objects`` (rows of several locales, with
    ``locale`` selected): the one in ``locale`` (default: the active language), else the one
    in the default language, else the first. Keeps the order of each family's first row."""
    wanted = locale if isinstance(locale, str) or locale is None else locale.language_code
    wanted = wanted or active_language()
    default = default_language()
    families = {}
    for obj in objects:
        families.setdefault(obj.translation_key, []).append(obj)

    def rank(obj):
        code = obj.locale.language_code
        return 0 if code == wanted else 1 if code == default else 2

    return [min(members, key=rank) for members in families.values()]


# Settings texts per language -------------------------------------------------------------
#
# A settings model (a ClusterableModel) whose texts editors can give per language has an
# Orderable child model built on AbstractSettingsTranslation, with
# ``ParentalKey(<settings model>, related_name="translations")`` and the same text fields,
# and an InlinePanel("translations"). TranslatedSettingsMixin.translated() reads them.


def language_choices():
    return [("", "---------"), *[(code, str(name)) for code, name in settings.LANGUAGES]]


class LanguageSelect(forms.Select):
    """A select of the site's ``LANGUAGES``, read when the form is shown (the model field has
    no choices, so that migrations do not change with each site's languages)."""

    @property
    def choices(self):
        return language_choices()

    @choices.setter
    def choices(self, value):
        pass


def validate_language(value):
    if value not in dict(settings.LANGUAGES):
        raise ValidationError(
            _("Choose one of the site's languages."),
            code="invalid_language",
            params={"value": value},
        )


class AbstractSettingsTranslation(Orderable):
    """The texts of a settings model in one language; empty fields use the main texts."""

    language = models.CharField(_("language"), max_length=15, validators=[validate_language])

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.language


class TranslatedSettingsMixin:
    """For settings models with ``translations`` (see above)."""

    def text_translations(self):
        """The model's translations, read once per instance (for_request caches the instance
        on the request: once per request)."""
        cache = self.__dict__.get("_career_text_translations")
        if cache is None:
            cache = list(self.translations.all()) if self.pk else []
            self.__dict__["_career_text_translations"] = cache
        return cache

    def translated(self, name, language=None):
        """Field ``name`` in ``language`` (default: the active one) when a translation gives
        it, else the main field's value (maybe empty: the caller has a default)."""
        language = language or interface_language()
        if self.pk and language != default_interface_language():
            candidates = (language, language.split("-")[0])
            for candidate in candidates:
                for item in self.text_translations():
                    if item.language == candidate and getattr(item, name):
                        return getattr(item, name)
        return getattr(self, name)
