"""The editors' per-site comment policy (Settings → Career comments)."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..models.settings import CachedSiteSetting

# The deepest reply level the package lets editors choose; django-comments-xtd is told the
# same ceiling for articles (see ``apps.configure_comments_xtd``).
MAX_REPLY_DEPTH = 5


class WhoCanComment(models.TextChoices):
    USERS = "users", _("Signed-in users only")
    ANYONE = "anyone", _("Anyone, with name and email, confirmed by email")
    NOBODY = "nobody", _("Nobody (comments closed)")


class CommentModeration(models.TextChoices):
    ALL = "all", _("Hold every comment for moderation")
    FIRST = "first", _("Hold a person's first comment only")
    NONE = "none", _("Publish comments at once")


@register_setting(icon="comment")
class CommentSettings(CachedSiteSetting, BaseSiteSetting):
    who_can_comment = models.CharField(
        _("who can comment"),
        max_length=10,
        choices=WhoCanComment.choices,
        default=WhoCanComment.USERS,
    )
    comment_moderation = models.CharField(
        _("moderation"),
        max_length=10,
        choices=CommentModeration.choices,
        default=CommentModeration.ALL,
    )
    comments_close_after_days = models.PositiveIntegerField(
        _("close comments after (days)"),
        default=0,
        help_text=_("Days after an article's publication; 0 keeps comments open."),
    )
    comment_reply_depth = models.PositiveSmallIntegerField(
        _("reply depth"),
        default=1,
        validators=[MaxValueValidator(MAX_REPLY_DEPTH)],
        help_text=_("0: no replies; 1: replies to comments; 2: replies to replies, and so on."),
    )

    panels = [
        FieldPanel("who_can_comment"),
        FieldPanel("comment_moderation"),
        FieldPanel("comments_close_after_days"),
        FieldPanel("comment_reply_depth"),
    ]

    class Meta:
        verbose_name = _("Career comments")
        verbose_name_plural = _("Career comments")
