from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareerJobPagesConfig(AppConfig):
    """The ready-made JobIndexPage and JobOfferPage (on Wagtail's Page)."""

    name = "wagtail_career.jobs.pages"
    label = "wagtail_career_job_pages"
    verbose_name = _("Career job pages")
    default_auto_field = "django.db.models.BigAutoField"
