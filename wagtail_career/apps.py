from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailCareerConfig(AppConfig):
    name = "wagtail_career"
    label = "wagtail_career"
    verbose_name = _("Career")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.images import get_image_model

        from . import checks  # noqa: F401  (registers the system checks)
        from .employer_list import clear_employer_cache, clear_employer_cache_for_logo
        from .models import Employer

        # The admin's drag-and-drop reorder saves the moved employer, so post_save covers it.
        post_save.connect(clear_employer_cache, sender=Employer, dispatch_uid="employer_saved")
        post_delete.connect(clear_employer_cache, sender=Employer, dispatch_uid="employer_deleted")
        post_save.connect(
            clear_employer_cache_for_logo, sender=get_image_model(), dispatch_uid="employer_logos"
        )
