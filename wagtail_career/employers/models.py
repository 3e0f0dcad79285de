"""Employers who recruit: the snippet and its per-site settings."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Max, Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model, get_image_model_string
from wagtail.search import index

from ..links import safe_link

# Rendition specs, in one place so the prefetch and the rendering always agree.
SIDEBAR_LOGO_RENDITION = "max-160x80"
DIRECTORY_LOGO_RENDITION = "max-240x120"


def logo_prefetch(rendition):
    """Prefetch employers' logos with their ``rendition``: two queries however many."""
    return Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions(rendition))


class EmployerQuerySet(models.QuerySet):
    def recruiting(self):
        """Employers currently hiring, in the editors' order."""
        return self.filter(is_recruiting=True).order_by("sort_order", "pk")

    def with_logos(self, rendition):
        return self.prefetch_related(logo_prefetch(rendition))


class Employer(index.Indexed, models.Model):
    """An employer the firm recruits for, shown in the sidebar and the directory (a snippet)."""

    name = models.CharField(_("name"), max_length=255)
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
        help_text=_("Only employers who are hiring appear on the site."),
    )
    sort_order = models.IntegerField(_("order"), null=True, blank=True, editable=False)

    objects = EmployerQuerySet.as_manager()

    sort_order_field = "sort_order"

    panels = [
        FieldPanel("name"),
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
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("employer")
        verbose_name_plural = _("employers")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.sort_order is None:
            # A new employer goes to the end of the editors' order.
            current_max = Employer.objects.aggregate(value=Max("sort_order"))["value"]
            self.sort_order = 0 if current_max is None else current_max + 1
        super().save(*args, **kwargs)

    @property
    def link_url(self):
        """Where the employer's name leads: its job openings, else its website."""
        return safe_link(self.careers_url) or safe_link(self.website)


def attach_logo_renditions(employers, rendition):
    """Set ``logo_rendition`` on each employer (``None`` without a logo); returns the list."""
    employers = list(employers)
    for employer in employers:
        employer.logo_rendition = employer.logo.get_rendition(rendition) if employer.logo else None
    return employers


@register_setting(icon="group")
class EmployerSettings(BaseSiteSetting):
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

    panels = [FieldPanel("employers_heading"), FieldPanel("employers_limit")]

    class Meta:
        verbose_name = _("Career employers")
        verbose_name_plural = _("Career employers")

    @property
    def employers_heading_text(self):
        return self.employers_heading or _("Employers who are hiring")
