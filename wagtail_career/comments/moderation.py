"""The comment policy of a site applied to one article, and django_comments' moderator hook.

``CommentPolicy`` answers the questions the page, the form and the views all ask (may this
visitor post here? how deep may replies go? should this comment wait for a moderator?);
``ArticleCommentModerator`` plugs the same answers into django_comments' moderation
signals, so a site's own ``comment_will_be_posted`` receivers (spam filters) still run.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_comments.moderation import CommentModerator, moderator
from django_comments.signals import comment_was_posted, comment_will_be_posted
from django_comments_xtd.models import (
    MaxThreadLevelExceededException,
    XtdComment,
    max_thread_level_for_content_type,
)

from ..models import article_page_models, page_model
from . import tasks
from .models import CommentModeration, CommentSettings, WhoCanComment
from .queries import visible

# Why a visitor cannot post; shown in place of the form and on a refused POST.
SIGN_IN_REQUIRED = _("You must be signed in to post a comment.")
CLOSED = _("Comments are closed for this article.")


@dataclass
class CommentPolicy:
    settings: object  # CommentSettings of the article's site
    article: object  # a page built from ArticlePageMixin

    @classmethod
    def for_request(cls, request, article):
        return cls(CommentSettings.for_request(request), article)

    @cached_property
    def is_open(self):
        """Whether the article takes comments at all, whoever asks."""
        if not self.article.allow_comments:
            return False
        if self.settings.who_can_comment == WhoCanComment.NOBODY:
            return False
        days = self.settings.comments_close_after_days
        published = self.article.first_published_at
        return not (days and published and timezone.now() >= published + timedelta(days=days))

    @property
    def requires_sign_in(self):
        return self.settings.who_can_comment == WhoCanComment.USERS

    @property
    def requires_email_confirmation(self):
        return self.settings.who_can_comment == WhoCanComment.ANYONE

    def refusal(self, user):
        """Why ``user`` may not post on this article, or ``None`` if they may."""
        if not self.is_open:
            return CLOSED
        if self.requires_sign_in and not user.is_authenticated:
            return SIGN_IN_REQUIRED
        return None

    @cached_property
    def reply_depth(self):
        """How many levels of replies the article takes: the site's choice, within xtd's."""
        return min(
            self.settings.comment_reply_depth,
            max_thread_level_for_content_type(
                ContentType.objects.get_for_id(self.article.content_type_id)
            ),
        )

    def holds(self, comment):
        """Whether ``comment`` must wait for a moderator before it is shown."""
        mode = self.settings.comment_moderation
        if mode == CommentModeration.NONE:
            return False
        if mode == CommentModeration.FIRST:
            # "First" is site-wide: someone with a published comment anywhere is known.
            earlier = visible(XtdComment.norel_objects.all())
            if comment.user_id:
                earlier = earlier.filter(user_id=comment.user_id)
            else:
                earlier = earlier.filter(user__isnull=True, user_email__iexact=comment.user_email)
            return not earlier.exists()
        return True


class ArticleCommentModerator(CommentModerator):
    """django_comments' moderator for ``ArticlePage``, driven by the site's ``CommentPolicy``."""

    def allow(self, comment, content_object, request):
        policy = CommentPolicy.for_request(request, content_object)
        return policy.refusal(request.user) is None

    def moderate(self, comment, content_object, request):
        return CommentPolicy.for_request(request, content_object).holds(comment)

    def email(self, comment, content_object, request):
        # Runs after the comment is saved: tell moderators about held comments and followers
        # about published ones, once the transaction has committed.
        if comment.is_public:
            tasks.enqueue_on_commit(tasks.notify_followers, comment.pk)
        else:
            tasks.enqueue_on_commit(tasks.notify_moderators, comment.pk)


def register_moderators():
    """Moderate the comments of every article model (called in ``apps.ready``)."""
    for model in article_page_models():
        if model not in moderator._registry:
            moderator.register(model, ArticleCommentModerator)


# First key of the PostgreSQL advisory locks taken on an article's comments ("wc").
ADVISORY_LOCK_NAMESPACE = 0x7763


def lock_article_comments(article_pk):
    """Hold the article's comment lock until the current transaction ends.

    xtd computes a reply's position in its thread by reading then writing, and the
    duplicate check reads before the insert: concurrent posts on one article must take
    turns. PostgreSQL uses an advisory lock (nothing else waits on it). SQLite has one
    write lock for the whole database: taking it first, with a write that changes nothing,
    makes a concurrent post wait for it (the busy timeout) instead of failing with
    "database is locked" when its reads would have to turn into a write. Other databases
    lock the article's page row.
    """
    article_pk = int(article_pk)
    page_class = page_model()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)", [ADVISORY_LOCK_NAMESPACE, article_pk]
            )
    elif connection.vendor == "sqlite":
        table = connection.ops.quote_name(page_class._meta.db_table)
        column = connection.ops.quote_name(page_class._meta.pk.column)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {column} = {column} WHERE {column} = %s", [article_pk]
            )
    else:
        list(page_class.objects.select_for_update().filter(pk=article_pk).values_list("pk"))


def find_duplicate(comment):
    """The stored comment ``comment`` repeats: same article, author, reply target and text,
    sent the same day (django_comments' rule). A double click or a replayed link stores once."""
    same = XtdComment.norel_objects.filter(
        content_type_id=comment.content_type_id,
        object_pk=comment.object_pk,
        comment=comment.comment,
        submit_date__gte=comment.submit_date - timedelta(days=1),
    )
    if comment.user_id:
        same = same.filter(user_id=comment.user_id)
    else:
        same = same.filter(user__isnull=True, user_email__iexact=comment.user_email)
    if comment.parent_id:
        same = same.filter(parent_id=comment.parent_id, level__gt=0)
    else:
        same = same.filter(level=0)
    return same.order_by("pk").first()


def save_comment(comment, request):
    """Run the moderation signals, then store ``comment``; return the stored comment (an
    earlier identical one if this repeats it), or ``None`` if it was refused.

    ``comment`` is an unsaved ``XtdComment``. Both the signed-in path and the email
    confirmation path go through here, so the policy is applied when the comment is stored.
    """
    sender = type(comment)
    responses = comment_will_be_posted.send(sender=sender, comment=comment, request=request)
    if any(response is False for _receiver, response in responses):
        return None
    try:
        with transaction.atomic():
            lock_article_comments(comment.object_pk)
            duplicate = find_duplicate(comment)
            if duplicate is not None:
                return duplicate
            comment.save()
            comment_was_posted.send(sender=sender, comment=comment, request=request)
    except (XtdComment.DoesNotExist, MaxThreadLevelExceededException):
        # The comment replied to was deleted, or moved out of reach, meanwhile.
        return None
    return comment
