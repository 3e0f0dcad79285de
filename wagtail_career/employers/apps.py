from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CareerEmployersConfig(AppConfig):
    """Employers who recruit: the snippet, the article sidebar, the directory, the block."""

    name = "wagtail_career.employers"
    label = "wagtail_career_employers"
    verbose_name = _("Career employers")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models can be imported only once the app registry is ready.
        from wagtail.images import get_image_model

        from ..purges import site_settings_changed
        from . import purges
        from .models import Employer, EmployerSettings

        # The admin's drag-and-drop reorder saves the moved employer, so post_save covers it.
        for signal in (post_save, post_delete):
            signal.connect(purges.employers_changed, sender=Employer)
        post_save.connect(purges.logo_changed, sender=get_image_model())
        post_save.connect(site_settings_changed, sender=EmployerSettings)
