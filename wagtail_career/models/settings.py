"""The site's Career settings (Settings → Career settings): sharing, the contact call to
action, and who sends the site's mail (identification, privacy policy). Each feature app
registers a settings model of its own.

The texts can be given per language (``translations``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..localize import AbstractSettingsTranslation, LanguageSelect, TranslatedSettingsMixin
from ..sharing import SharingSettings, validate_link


@register_setting(icon="doc-full-inverse")
class CareerSettings(TranslatedSettingsMixin, SharingSettings, ClusterableModel, BaseSiteSetting):
    # The contact call to action's page is shown on every article: fetch it with the settings.
    select_related = ["contact_cta_page"]

    # Who sends the site's mail (newsletter, comments), as Canada's anti-spam law (CASL) asks
    # every commercial mail and every request for consent to say (see privacy.py).
    sender_name = models.CharField(
        _("sender name"),
        max_length=255,
        blank=True,
        help_text=_(
            "The person or organisation that sends the newsletter and the comment emails. "
            "Leave empty for the site's name."
        ),
    )
    sender_postal_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_(
            "The sender's mailing address, shown in every email and next to the newsletter's "
            "consent box (required by anti-spam law). One line per line of the address."
        ),
    )
    sender_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_(
            "An address where people can reach the sender. Give it, a contact page, or both."
        ),
    )
    sender_contact_url = models.CharField(
        _("contact page"),
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text=_("A full URL (https://…) or a path on this site (/contact/)."),
    )
    privacy_policy_url = models.CharField(
        _("privacy policy"),
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text=_(
            "A full URL or a path on this site. Linked next to every form that collects "
            "personal information (newsletter, comments) and in every email."
        ),
    )

    identification_panels = [
        MultiFieldPanel(
            [
                FieldPanel("sender_name"),
                FieldPanel("sender_postal_address"),
                FieldPanel("sender_email"),
                FieldPanel("sender_contact_url"),
            ],
            heading=_("Who sends the emails"),
            help_text=_(
                "Shown in the footer of every newsletter and comment email and in the "
                "newsletter's consent text."
            ),
        ),
        FieldPanel("privacy_policy_url"),
    ]

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
                            "The call to action's and the identification's texts in another "
                            "language; an empty field uses the main text."
                        ),
                    ),
                ],
                heading=_("Contact"),
            ),
            ObjectList(identification_panels, heading=_("Identification and privacy")),
        ]
    )

    class Meta:
        verbose_name = _("Career settings")
        verbose_name_plural = _("Career settings")


class CareerSettingsTranslation(AbstractSettingsTranslation):
    """The contact call to action's and the identification's texts in one language."""

    settings = ParentalKey(CareerSettings, on_delete=models.CASCADE, related_name="translations")
    contact_cta_heading = models.CharField(_("heading"), max_length=255, blank=True)
    contact_cta_text = models.CharField(_("text"), max_length=500, blank=True)
    contact_cta_link_text = models.CharField(_("link text"), max_length=255, blank=True)
    sender_name = models.CharField(_("sender name"), max_length=255, blank=True)
    sender_postal_address = models.TextField(_("postal address"), blank=True)
    sender_contact_url = models.CharField(
        _("contact page"), max_length=500, blank=True, validators=[validate_link]
    )
    privacy_policy_url = models.CharField(
        _("privacy policy"), max_length=500, blank=True, validators=[validate_link]
    )

    panels = [
        FieldPanel("language", widget=LanguageSelect),
        FieldPanel("contact_cta_heading"),
        FieldPanel("contact_cta_text"),
        FieldPanel("contact_cta_link_text"),
        FieldPanel("sender_name"),
        FieldPanel("sender_postal_address"),
        FieldPanel("sender_contact_url"),
        FieldPanel("privacy_policy_url"),
    ]

    class Meta(AbstractSettingsTranslation.Meta):
        verbose_name = _("Career settings in another language")
        verbose_name_plural = _("Career settings in other languages")
