from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailCareerConfig(AppConfig):
    name = "wagtail_career"
    label = "wagtail_career"
    verbose_name = _("Career")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from . import checks  # noqa: F401  (registers the system checks)
        from .models import ArticlePage
        from .search import reindex_published_article

        page_published.connect(reindex_published_article, sender=ArticlePage)
