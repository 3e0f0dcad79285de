"""Employers who recruit: the snippet and its per-site settings."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Max, OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model, get_image_model_string
from wagtail.images.models import Filter, SourceImageIOError
from wagtail.models import TranslatableMixin
from wagtail.search import index

from ..links import safe_link
from ..localize import (
    AbstractSettingsTranslation,
    LanguageSelect,
    TranslatedSettingsMixin,
    default_language,
    i18n_enabled,
    localized,
    pick_translations,
)
from ..models.settings import CachedSiteSetting
from ..slugs import slug_taken, unique_slug
from .extensions import recruiting_querysets

# The logos' {% picture %} specs, written as in the templates (employer_list.html for the
# sidebar and the block, the directory and the employer's profile for the other): prefetched
# renditions are matched by their exact spec. One size each, twice the box career.css gives
# the logo; a PNG fallback, as logos may be transparent.
SIDEBAR_LOGO_RENDITION = "format-{avif,webp,png} max-160x80"
DIRECTORY_LOGO_RENDITION = "format-{avif,webp,png} max-240x120"


def logo_prefetch(rendition):
    """Prefetch employers' logos with every rendition of the ``rendition`` spec (braces
    expanded, as the template tag does): two queries however many."""
    return Prefetch(
        "logo",
        queryset=get_image_model().objects.prefetch_renditions(*Filter.expand_spec(rendition)),
    )


def recruiting_condition():
    """Who counts as recruiting: ticked by an editor, or so by another feature (employers
    with open job offers, see ``extensions.RECRUITING_HOOK``)."""
    condition = Q(is_recruiting=True)
    for employer_ids in recruiting_querysets():
        condition |= Q(pk__in=employer_ids)
    return condition


def _beyond_flag():
    """The employers other features make recruiting, or ``None`` without such a hook."""
    querysets = recruiting_querysets()
    if not querysets:
        return None
    condition = Q()
    for ids in querysets:
        condition |= Q(pk__in=ids)
    return Employer.objects.filter(condition)


def recruiting_beyond_flag(employer_ids):
    """Which of ``employer_ids`` recruit though not ticked (no query without such a hook)."""
    others = _beyond_flag()
    if others is None or not employer_ids:
        return set()
    return set(others.filter(pk__in=employer_ids).values_list("pk", flat=True))


class EmployerQuerySet(models.QuerySet):
    def recruiting(self):
        """Employers currently hiring, in the editors' order."""
        return self.filter(recruiting_condition()).order_by("sort_order", "pk")

    def with_logos(self, rendition):
        return self.prefetch_related(logo_prefetch(rendition))


class Employer(TranslatableMixin, index.Indexed, models.Model):
    """An employer the firm recruits for, shown in the sidebar and the directory (a snippet).

    Translatable (Wagtail's ``TranslatableMixin``): a translation takes its original's place
    in the editors' order (see :func:`localized_employers`)."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        allow_unicode=True,
        blank=True,
        help_text=_(
            "Used in the address of the employer's profile. Leave empty to make one from the name."
        ),
    )
    # Nullable so that deleting an image keeps the employer, but required in the form.
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"))
    careers_url = models.URLField(
        _("careers page"),
        blank=True,
        help_text=_("The employer's job openings. Visitors go there first when it is set."),
    )
    description = models.TextField(
        _("description"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown in the employers directory."),
    )
    is_recruiting = models.BooleanField(
        _("is recruiting"),
        default=True,
        help_text=_(
            "Only employers who are hiring appear on the site. Employers with open job offers "
            "on this site count as hiring anyway: tick this for those whose offers are "
            "elsewhere."
        ),
    )
    sort_order = models.IntegerField(_("order"), null=True, blank=True, editable=False)

    objects = EmployerQuerySet.as_manager()

    sort_order_field = "sort_order"

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("logo"),
        MultiFieldPanel([FieldPanel("website"), FieldPanel("careers_url")], heading=_("Links")),
        FieldPanel("description"),
        FieldPanel("is_recruiting"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.AutocompleteField("description"),
        index.FilterField("is_recruiting"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="wagtail_career_employer_unique_slug_locale"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.locale_id is None:
            # Wagtail sets it just before saving; the slug's uniqueness depends on it.
            self.locale = self.get_default_locale()
        # An empty slug is made from the name; one taken in the locale gets "-2", "-3"…
        if not self.slug or slug_taken(self, self.slug):
            self.slug = unique_slug(self, self.slug or self.name)
        if self.sort_order is None and self.translation_key:
            # A new translation sorts with its original.
            self.sort_order = (
                Employer.objects.filter(translation_key=self.translation_key)
                .exclude(sort_order=None)
                .values_list("sort_order", flat=True)
                .first()
            )
        if self.sort_order is None:
            # A new employer goes to the end of the editors' order.
            current_max = Employer.objects.aggregate(value=Max("sort_order"))["value"]
            self.sort_order = 0 if current_max is None else current_max + 1
        super().save(*args, **kwargs)

    @property
    def link_url(self):
        """Where the employer's name leads: its job openings, else its website."""
        return safe_link(self.careers_url) or safe_link(self.website)


def recruiting_employers(rendition, limit=None):
    """The recruiting employers in the editors' order, with their logos' ``rendition``.

    With internationalisation on: each employer once, in the active language when it has a
    translation there (else its original), at its default-language original's place."""
    if not i18n_enabled():
        employers = Employer.objects.recruiting().with_logos(rendition)
        return attach_logo_renditions(employers if limit is None else employers[:limit], rendition)
    original_order = Subquery(
        Employer.objects.filter(
            translation_key=OuterRef("translation_key"),
            locale__language_code=default_language(),
        ).values("sort_order")[:1]
    )
    rows = (
        Employer.objects.select_related("locale")
        .annotate(family_order=Coalesce(original_order, F("sort_order")))
        .order_by("family_order", "sort_order", "pk")
    )
    # A family whose translation here stopped recruiting is not shown in this language,
    # unless another feature makes the family recruit (open job offers, in any language).
    others = _beyond_flag()
    recruiting_keys = (
        set(others.values_list("translation_key", flat=True)) if others is not None else set()
    )
    employers = [
        employer
        for employer in pick_translations(rows)
        if employer.is_recruiting or employer.translation_key in recruiting_keys
    ]
    if limit is not None:
        employers = employers[:limit]
    if employers:
        prefetch_related_objects(employers, logo_prefetch(rendition))
    return attach_logo_renditions(employers, rendition)


def localized_chosen_employers(employers, rendition):
    """Chosen employers (e.g. a block's) in the active language, recruiting ones only, with
    their logos' ``rendition``; deleted ones (``None``) are left out."""
    employers = [employer for employer in localized(employers) if employer is not None]
    others = recruiting_beyond_flag([employer.pk for employer in employers])
    employers = [e for e in employers if e.is_recruiting or e.pk in others]
    if employers:
        prefetch_related_objects(employers, logo_prefetch(rendition))
    return attach_logo_renditions(employers, rendition)


def attach_logo_renditions(employers, rendition):
    """Make the renditions of the ``rendition`` spec that are missing (the template's
    ``{% picture %}`` then finds them all among the prefetched ones) and set
    ``logo_rendition`` on each employer: the last, its PNG fallback, for a plain ``<img>``;
    ``None`` without a logo, or when its file is missing. Returns the list."""
    employers = list(employers)
    specs = Filter.expand_spec(rendition)
    for employer in employers:
        employer.logo_rendition = fallback_rendition(employer.logo, specs)
    return employers


def fallback_rendition(image, specs):
    if image is None:
        return None
    try:
        return image.get_renditions(*specs)[specs[-1]]
    except SourceImageIOError:  # the file is missing: no logo rather than an error
        return None


@register_setting(icon="group")
class EmployerSettings(
    CachedSiteSetting, TranslatedSettingsMixin, ClusterableModel, BaseSiteSetting
):
    """The employers part of a site's settings (Settings → Career employers)."""

    employers_heading = models.CharField(
        _("employers heading"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use “Employers who are hiring”, translated."),
    )
    employers_limit = models.PositiveSmallIntegerField(
        _("employers shown in the sidebar"),
        default=8,
        validators=[MinValueValidator(1)],
        help_text=_("The most employers the sidebar lists; the directory lists them all."),
    )

    panels = [
        FieldPanel("employers_heading"),
        FieldPanel("employers_limit"),
        InlinePanel(
            "translations",
            heading=_("In other languages"),
            label=_("Language"),
            help_text=_("The heading in another language; empty uses the heading above."),
        ),
    ]

    class Meta:
        verbose_name = _("Career employers")
        verbose_name_plural = _("Career employers")

    @property
    def employers_heading_text(self):
        return self.translated("employers_heading") or _("Employers who are hiring")


class EmployerSettingsTranslation(AbstractSettingsTranslation):
    """The employers heading in one language."""

    settings = ParentalKey(EmployerSettings, on_delete=models.CASCADE, related_name="translations")
    employers_heading = models.CharField(_("employers heading"), max_length=255, blank=True)

    panels = [FieldPanel("language", widget=LanguageSelect), FieldPanel("employers_heading")]

    class Meta(AbstractSettingsTranslation.Meta):
        verbose_name = _("Career employers in another language")
        verbose_name_plural = _("Career employers in other languages")
