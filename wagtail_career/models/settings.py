from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..newsletter.models import NewsletterSettings


@register_setting(icon="doc-full-inverse")
class CareerSettings(NewsletterSettings, BaseSiteSetting):
    edit_handler = TabbedInterface(
        [ObjectList(NewsletterSettings.settings_panels, heading=_("Newsletter"))]
    )

    class Meta:
        verbose_name = _("Career settings")
