from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..comments.site_settings import CommentSettings


@register_setting(icon="doc-full-inverse")
class CareerSettings(CommentSettings, BaseSiteSetting):
    edit_handler = TabbedInterface(
        [ObjectList(CommentSettings.settings_panels, heading=_("Comments"))]
    )

    class Meta:
        verbose_name = _("Career settings")
