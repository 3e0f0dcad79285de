from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailCareerConfig(AppConfig):
    name = "wagtail_career"
    label = "wagtail_career"
    verbose_name = _("Career")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
