"""The site's Career settings (Settings → Career settings): sharing and the contact call to
action. Each feature app registers a settings model of its own."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..sharing import SharingSettings


@register_setting(icon="doc-full-inverse")
class CareerSettings(SharingSettings, BaseSiteSetting):
    # The contact call to action's page is shown on every article: fetch it with the settings.
    select_related = ["contact_cta_page"]

    edit_handler = TabbedInterface(
        [
            ObjectList(SharingSettings.settings_panels[:1], heading=_("Sharing")),
            ObjectList(SharingSettings.settings_panels[1:], heading=_("Contact")),
        ]
    )

    class Meta:
        verbose_name = _("Career settings")
        verbose_name_plural = _("Career settings")
