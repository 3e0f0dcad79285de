"""Comment mail, sent through django-tasks so that no request waits for SMTP.

With the immediate backend mail goes out at the end of the request's transaction; with a
queue backend (for example django-tasks' database backend and its worker) it goes out
from the worker. Each task takes ids and strings only, so any backend can serialise it.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_comments_xtd.models import XtdComment
from django_tasks import task
from wagtail.admin.utils import get_admin_base_url

from .. import queue
from ..conf import get_setting
from ..inputs import one_line
from .queries import article_comments, visible
from .tokens import mute_token

# The moderation list's URL name, as wagtail-modeladmin names it (see admin.py).
MODERATION_URL_NAME = "django_comments_xtd_xtdcomment_modeladmin_index"


def enqueue_on_commit(task_, *args):
    """Queue ``task_`` once the current transaction commits, in the active language (a
    failing task backend is logged: the comment itself is stored and in the admin)."""
    queue.enqueue_on_commit(task_, *args, language=translation.get_language())


def moderator_emails():
    """``WAGTAIL_CAREER_COMMENTS_MODERATOR_EMAILS``, or every active user who can moderate."""
    configured = get_setting("COMMENTS_MODERATOR_EMAILS")
    if configured is not None:
        return list(configured)
    permission = Permission.objects.filter(
        content_type__app_label="django_comments", codename="can_moderate"
    ).first()
    who = Q(is_superuser=True)
    if permission:
        who |= Q(user_permissions=permission) | Q(groups__permissions=permission)
    users = get_user_model().objects.filter(who, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def _comment_with_article(comment_id):
    comment = XtdComment.norel_objects.filter(pk=comment_id).first()
    if comment is None:  # deleted before the task ran
        return None, None
    return comment, comment.content_object


@task()
def notify_moderators(comment_id, language=None):
    """Tell moderators that a comment awaits them."""
    with translation.override(language):
        comment, article = _comment_with_article(comment_id)
        recipients = moderator_emails()
        if comment is None or comment.is_public or not recipients:
            return 0
        queue_url = get_admin_base_url() + reverse(MODERATION_URL_NAME) + "?status=pending"
        body = render_to_string(
            "wagtail_career/comments/email/moderators.txt",
            {"comment": comment, "article": article, "queue_url": queue_url},
        )
        subject = one_line(_("A comment awaits moderation: %(title)s") % {"title": article.title})
        return send_mail(subject, body, None, recipients)


@task()
def notify_followers(comment_id, language=None):
    """Tell people who asked to follow an article that ``comment_id`` was published."""
    with translation.override(language):
        comment, article = _comment_with_article(comment_id)
        if comment is None or not comment.is_public or comment.is_removed or article is None:
            return 0
        _site_id, root_url, path = article.get_url_parts()
        followers = {}
        for email, name in (
            visible(article_comments(article))
            .filter(followup=True)
            .exclude(user_email__iexact=comment.user_email)
            .exclude(user_email="")
            .order_by("submit_date")
            .values_list("user_email", "user_name")
        ):
            followers.setdefault(email.lower(), (email, name))
        subject = one_line(_("New comment on “%(title)s”") % {"title": article.title})
        sent = 0
        for email, name in followers.values():
            mute_url = root_url + reverse(
                "wagtail_career:comment_mute", args=[mute_token(article.pk, email)]
            )
            body = render_to_string(
                "wagtail_career/comments/email/followers.txt",
                {
                    "name": name,
                    "comment": comment,
                    "article": article,
                    "comment_url": f"{root_url}{path}#c{comment.pk}",
                    "mute_url": mute_url,
                },
            )
            sent += send_mail(subject, body, None, [email])
        return sent


@task()
def send_confirmation_request(email, name, article_title, confirm_url, language=None):
    """Ask an anonymous commenter to confirm their address before the comment is stored."""
    with translation.override(language):
        body = render_to_string(
            "wagtail_career/comments/email/confirmation.txt",
            {"name": name, "article_title": article_title, "confirm_url": confirm_url},
        )
        subject = one_line(_("Confirm your comment on “%(title)s”") % {"title": article_title})
        return send_mail(subject, body, None, [email])
