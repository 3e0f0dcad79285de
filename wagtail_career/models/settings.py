"""The per-site "Career settings", composed from each feature's abstract mixin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..sharing import SharingSettings


@register_setting(icon="doc-full-inverse")
class CareerSettings(SharingSettings, BaseSiteSetting):
    edit_handler = TabbedInterface(
        [ObjectList(SharingSettings.settings_panels, heading=_("Sharing"))]
    )

    class Meta:
        verbose_name = _("Career settings")
        verbose_name_plural = _("Career settings")
