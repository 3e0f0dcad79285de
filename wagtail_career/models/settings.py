"""The site's Career settings, edited under Settings, composed from each feature's mixin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..comments.site_settings import CommentSettings
from ..newsletter.models import NewsletterSettings
from ..sharing import SharingSettings
from .employers import EmployerSettings


@register_setting(icon="doc-full-inverse")
class CareerSettings(
    CommentSettings, EmployerSettings, NewsletterSettings, SharingSettings, BaseSiteSetting
):
    # The contact call to action's page is shown on every article: fetch it with the settings.
    select_related = ["contact_cta_page"]

    edit_handler = TabbedInterface(
        [
            ObjectList(CommentSettings.settings_panels, heading=_("Comments")),
            ObjectList(EmployerSettings.settings_panels, heading=_("Employers")),
            ObjectList(NewsletterSettings.settings_panels, heading=_("Newsletter")),
            ObjectList(SharingSettings.settings_panels, heading=_("Sharing")),
        ]
    )

    class Meta:
        verbose_name = _("Career settings")
        verbose_name_plural = _("Career settings")
