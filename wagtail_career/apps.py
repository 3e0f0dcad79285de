from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move


class WagtailCareerConfig(AppConfig):
    """The core: page mixins, authors, sharing, SEO, feeds, search, settings, checks and
    the cache layer. Features (``wagtail_career.comments``…) are apps of their own."""

    name = "wagtail_career"
    label = "wagtail_career"
    verbose_name = _("Career")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models can be imported only once the app registry is ready.
        from wagtail.models import PageViewRestriction, get_page_models

        from . import (
            checks,  # noqa: F401  (registers the system checks)
            purges,
        )
        from .models import ArticlePageMixin, Author, CareerSettings
        from .search import reindex_published_article

        # Every page model: a change of any page may hide or move career pages below it.
        for model in get_page_models():
            uid = f"wagtail_career:{model._meta.label}"
            for signal in (
                page_published,
                page_unpublished,
                post_delete,
                pre_page_move,
                post_page_move,
            ):
                signal.connect(purges.page_changed, sender=model, dispatch_uid=uid)
            if issubclass(model, ArticlePageMixin):
                page_published.connect(
                    reindex_published_article, sender=model, dispatch_uid=f"{uid}:index"
                )
                for signal in (pre_save, pre_delete):  # the related lists it was in
                    signal.connect(purges.article_changing, sender=model, dispatch_uid=uid)
        for signal in (post_save, post_delete):
            signal.connect(purges.restriction_changed, sender=PageViewRestriction)
            signal.connect(purges.authors_changed, sender=Author)
        post_save.connect(purges.site_settings_changed, sender=CareerSettings)
