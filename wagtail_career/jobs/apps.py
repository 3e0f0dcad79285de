from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published, page_unpublished, post_page_move


class CareerJobsConfig(AppConfig):
    """Job offers: the page mixins, the listing, employer profiles, feeds, the article part,
    the block, the digest section and the admin. Needs ``wagtail_career.employers``."""

    name = "wagtail_career.jobs"
    label = "wagtail_career_jobs"
    verbose_name = _("Career job offers")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models can be imported only once the app registry is ready.
        from ..purges import site_settings_changed
        from . import (
            checks,  # noqa: F401  (registers the system checks)
            purges,
        )
        from .models import JobSettings, job_index_models, job_offer_models

        # An index matters too: the employers' profile links lead to the site's first one.
        for model in [*job_offer_models(), *job_index_models()]:
            uid = f"wagtail_career_jobs:{model._meta.label}"
            for signal in (page_published, page_unpublished, post_delete, post_page_move):
                signal.connect(purges.job_pages_changed, sender=model, dispatch_uid=uid)
        post_save.connect(site_settings_changed, sender=JobSettings)
