from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class CareerNewsletterConfig(AppConfig):
    """The newsletter: double opt-in signup, consent records, unsubscribe and the digest."""

    name = "wagtail_career.newsletter"
    label = "wagtail_career_newsletter"
    verbose_name = _("Career newsletter")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models can be imported only once the app registry is ready.
        from ..purges import site_settings_changed
        from . import (
            checks,  # noqa: F401  (registers the system checks)
            webhooks,
        )
        from .models import NewsletterSettings

        post_save.connect(site_settings_changed, sender=NewsletterSettings)
        # With django-anymail (wagtail-career[anymail]): bounces and complaints suppress.
        webhooks.connect()
