"""The site's Career settings (Settings → Career settings): sharing and the contact call to
action. Each feature app registers a settings model of its own.

The contact call to action's texts can be given per language (``translations``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..localize import AbstractSettingsTranslation, LanguageSelect, TranslatedSettingsMixin
from ..sharing import SharingSettings


@register_setting(icon="doc-full-inverse")
class CareerSettings(TranslatedSettingsMixin, SharingSettings, ClusterableModel, BaseSiteSetting):
    # The contact call to action's page is shown on every article: fetch it with the settings.
    select_related = ["contact_cta_page"]

    edit_handler = TabbedInterface(
        [
            ObjectList(SharingSettings.settings_panels[:1], heading=_("Sharing")),
            ObjectList(
                [
                    *SharingSettings.settings_panels[1:],
                    InlinePanel(
                        "translations",
                        heading=_("In other languages"),
                        label=_("Language"),
                        help_text=_(
                            "The call to action's texts in another language; an empty field "
                            "uses the text above."
                        ),
                    ),
                ],
                heading=_("Contact"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("Career settings")
        verbose_name_plural = _("Career settings")


class CareerSettingsTranslation(AbstractSettingsTranslation):
    """The contact call to action's texts in one language."""

    settings = ParentalKey(CareerSettings, on_delete=models.CASCADE, related_name="translations")
    contact_cta_heading = models.CharField(_("heading"), max_length=255, blank=True)
    contact_cta_text = models.CharField(_("text"), max_length=500, blank=True)
    contact_cta_link_text = models.CharField(_("link text"), max_length=255, blank=True)

    panels = [
        FieldPanel("language", widget=LanguageSelect),
        FieldPanel("contact_cta_heading"),
        FieldPanel("contact_cta_text"),
        FieldPanel("contact_cta_link_text"),
    ]

    class Meta(AbstractSettingsTranslation.Meta):
        verbose_name = _("Career settings in another language")
        verbose_name_plural = _("Career settings in other languages")
