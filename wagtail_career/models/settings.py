"""The site's Career settings (Settings → Career settings): sharing, the contact call to
action, and who sends the site's mail (identification, privacy policy). Each feature app
registers a settings model of its own.

The texts can be given per language (``translations``).

Every settings model of the package (the features' too) is built on
:class:`CachedSiteSetting`: read through the package's cache, so a page view reads no
settings row from the database once they are cached."""

from django.apps import apps
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
from wagtail.models import Site

from ..cache import forget_values, get_values
from ..localize import AbstractSettingsTranslation, LanguageSelect, TranslatedSettingsMixin
from ..sharing import SharingSettings, validate_link

# The cache namespace of the settings rows, per site and model.
SITE_SETTINGS = "site_settings"
# Where a request keeps the settings it read (for_request).
_REQUEST_ATTR = "_career_site_settings"


class CachedSiteSetting:
    """A per-site settings model read through the package's cache (mix it in before
    ``BaseSiteSetting``): ``for_site`` and ``for_request`` return the row kept in the cache,
    read from the database once, until a settings model of the site is saved
    (``site_settings_saved``, called by ``purges.site_settings_changed``). Its per-language
    texts are read when needed, once per request (they are saved after the row)."""

    @classmethod
    def for_site(cls, site):
        if site is None:
            return super().for_site(site)
        ident = cached_settings_ident(cls, site.pk)

        def compute(idents):
            return {ident: cls.read_for_site(site)}

        return get_values(SITE_SETTINGS, [ident], compute)[ident]

    @classmethod
    def for_request(cls, request):
        # Wagtail's, on the request's own attribute: read once per request.
        found = getattr(request, _REQUEST_ATTR, None)
        if found is None:
            found = {}
            setattr(request, _REQUEST_ATTR, found)
        if cls not in found:
            instance = cls.for_site(Site.find_for_request(request))
            instance._request = request  # as Wagtail's, for page URLs
            found[cls] = instance
        return found[cls]

    @classmethod
    def read_for_site(cls, site):
        """The site's row from the database (made with the defaults the first time),
        without the related rows ``select_related`` read (a page chosen in the settings
        may move: it is read when shown)."""
        instance = super().for_site(site)
        instance._state.fields_cache.clear()
        return instance


def cached_settings_ident(model, site_id):
    return f"{site_id}:{model._meta.label_lower}"


def site_settings_saved(instance):
    """A settings row saved: forget the site's cached rows (all models: one may read
    another's), and keep the saved one's new values at once (read afresh), so the next
    view reads no settings row."""
    site_id = instance.site_id
    idents = [
        cached_settings_ident(model, site_id)
        for model in apps.get_models()
        if issubclass(model, CachedSiteSetting)
    ]
    forget_values(SITE_SETTINGS, idents)
    type(instance).for_site(instance.site)


@register_setting(icon="doc-full-inverse")
class CareerSettings(
    CachedSiteSetting, TranslatedSettingsMixin, SharingSettings, ClusterableModel, BaseSiteSetting
):
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
