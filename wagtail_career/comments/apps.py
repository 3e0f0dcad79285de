from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _


def configure_comments_xtd(article_models):
    """Give django-comments-xtd the thread depth articles need, unless the site chose one.

    xtd refuses to store any reply (with a 500) while its ``MAX_THREAD_LEVEL`` is 0, its
    default. The per-site "reply depth" setting is enforced by the package's form; xtd is
    only given the ceiling, so a site builder writes no ``COMMENTS_XTD_*`` setting.
    """
    from django_comments_xtd.conf import settings as xtd_settings

    from .models import MAX_REPLY_DEPTH

    levels = dict(xtd_settings.COMMENTS_XTD_MAX_THREAD_LEVEL_BY_APP_MODEL)
    for model in article_models:
        levels.setdefault(model._meta.label_lower, MAX_REPLY_DEPTH)
    xtd_settings.COMMENTS_XTD_MAX_THREAD_LEVEL_BY_APP_MODEL = levels


class CareerCommentsConfig(AppConfig):
    """Moderated, threaded comments on career articles (django-comments-xtd)."""

    name = "wagtail_career.comments"
    label = "wagtail_career_comments"
    verbose_name = _("Career comments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models can be imported only once the app registry is ready.
        from django_comments_xtd.models import XtdComment

        from ..models import article_page_models
        from ..purges import site_settings_changed
        from . import (
            checks,  # noqa: F401  (registers the system checks)
            purges,
        )
        from .models import CommentSettings
        from .moderation import register_moderators

        configure_comments_xtd(article_page_models())
        register_moderators()
        pre_save.connect(purges.comment_will_change, sender=XtdComment)
        post_save.connect(purges.comment_changed, sender=XtdComment)
        post_delete.connect(purges.comment_changed, sender=XtdComment)
        post_save.connect(site_settings_changed, sender=CommentSettings)
