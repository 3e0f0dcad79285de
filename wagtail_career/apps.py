from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def configure_comments_xtd():
    """Give django-comments-xtd the thread depth articles need, unless the site chose one.

    xtd refuses to store any reply (with a 500) while its ``MAX_THREAD_LEVEL`` is 0, its
    default. The per-site "reply depth" setting is enforced by the package's form; xtd is
    only given the ceiling, so a site builder writes no ``COMMENTS_XTD_*`` setting.
    """
    from django_comments_xtd.conf import settings as xtd_settings

    from .comments.site_settings import MAX_REPLY_DEPTH

    levels = dict(xtd_settings.COMMENTS_XTD_MAX_THREAD_LEVEL_BY_APP_MODEL)
    levels.setdefault("wagtail_career.articlepage", MAX_REPLY_DEPTH)
    xtd_settings.COMMENTS_XTD_MAX_THREAD_LEVEL_BY_APP_MODEL = levels


class WagtailCareerConfig(AppConfig):
    name = "wagtail_career"
    label = "wagtail_career"
    verbose_name = _("Career")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save
        from django_comments_xtd.models import XtdComment
        from wagtail.images import get_image_model
        from wagtail.signals import page_published, page_unpublished

        from . import cache_invalidation as purges
        from . import checks  # noqa: F401  (registers the system checks)
        from .comments.moderation import register_moderator
        from .employer_list import clear_employer_cache, clear_employer_cache_for_logo
        from .models import ArticlePage, Author, CareerIndexPage, CareerSettings, Employer
        from .search import reindex_published_article

        configure_comments_xtd()
        register_moderator()

        # The admin's drag-and-drop reorder saves the moved employer, so post_save covers it.
        post_save.connect(clear_employer_cache, sender=Employer, dispatch_uid="employer_saved")
        post_delete.connect(clear_employer_cache, sender=Employer, dispatch_uid="employer_deleted")
        post_save.connect(
            clear_employer_cache_for_logo, sender=get_image_model(), dispatch_uid="employer_logos"
        )
        page_published.connect(reindex_published_article, sender=ArticlePage)

        # The page cache (cache.py): each change purges the pages built on what it changed.
        # Employer edits purge through clear_employer_cache above.
        page_published.connect(purges.article_changed, sender=ArticlePage)
        page_unpublished.connect(purges.article_changed, sender=ArticlePage)
        post_delete.connect(purges.article_changed, sender=ArticlePage)
        page_published.connect(purges.index_published, sender=CareerIndexPage)
        pre_save.connect(purges.comment_will_change, sender=XtdComment)
        post_save.connect(purges.comment_changed, sender=XtdComment)
        post_delete.connect(purges.comment_changed, sender=XtdComment)
        post_save.connect(purges.authors_changed, sender=Author)
        post_delete.connect(purges.authors_changed, sender=Author)
        post_save.connect(purges.career_settings_changed, sender=CareerSettings)
