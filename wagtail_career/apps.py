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
        from . import checks  # noqa: F401  (registers the system checks)
        from .comments.moderation import register_moderator

        configure_comments_xtd()
        register_moderator()
