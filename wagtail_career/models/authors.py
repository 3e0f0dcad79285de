from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import TranslatableMixin
from wagtail.search import index

from ..slugs import slug_taken, unique_slug


class Author(TranslatableMixin, index.Indexed, models.Model):
    """A person who signs career articles (a snippet, edited under the Career menu).

    Translatable (Wagtail's ``TranslatableMixin``): a translation keeps the original's slug
    unless an editor changes it; slugs are unique within each locale."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        allow_unicode=True,
        blank=True,
        help_text=_(
            "Used in the address of the author's archive. Leave empty to make one from the name."
        ),
    )
    role = models.CharField(
        _("role"), max_length=255, blank=True, help_text=_("Job title, e.g. “Associate director”.")
    )
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("biography"), blank=True)
    website = models.URLField(_("website"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn profile"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("role"),
                FieldPanel("organisation"),
            ],
            heading=_("Identity"),
        ),
        FieldPanel("photo"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("linkedin_url")], heading=_("Profile links")
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.SearchField("organisation"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="wagtail_career_author_unique_slug_locale"
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
        super().save(*args, **kwargs)
