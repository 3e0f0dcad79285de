"""Comment mail, written to the outbox (``wagtail_career.outbox``) so that none is lost.

The confirmation an anonymous commenter is asked for is written in the request's own
transaction, with the comment it confirms. Moderators' and followers' notifications are
django-tasks tasks queued once the comment's transaction commits: each writes its mail to
the outbox (a unique key per comment and recipient, so a task run twice writes it once) and
sends it. If the task cannot be queued, its mail is written to the outbox after the commit
instead, and ``deliver_career_mail`` sends it: no request waits for SMTP. Each task takes
ids and strings only, so any backend can serialise it.
"""

import hashlib
from functools import partial

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_comments_xtd.models import XtdComment
from django_tasks import task
from wagtail.admin.utils import get_admin_base_url

from .. import outbox, queue
from ..conf import get_setting
from ..inputs import one_line
from .queries import article_comments, visible
from .tokens import mute_token

# The moderation list's URL name, as wagtail-modeladmin names it (see admin.py).
MODERATION_URL_NAME = "django_comments_xtd_xtdcomment_modeladmin_index"
MODERATORS_KIND = "comment-moderators"
FOLLOWERS_KIND = "comment-followers"
CONFIRMATION_KIND = "comment-confirmation"


def enqueue_on_commit(task_, *args):
    """Queue ``task_`` once the current transaction commits, in the active language; if
    the task backend refuses it, write the task's mail to the outbox (without sending it)."""
    language = translation.get_language()
    queue.enqueue_on_commit(
        task_, *args, language=language, on_failure=partial(_write_only, task_, args, language)
    )


def _write_only(task_, args, language):
    task_.func(*args, language=language, deliver=False)


def _send(rows, deliver):
    return outbox.deliver(rows).sent if deliver and rows else 0


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
def notify_moderators(comment_id, language=None, deliver=True):
    """Tell moderators that a comment awaits them."""
    with translation.override(language):
        comment, article = _comment_with_article(comment_id)
        recipients = moderator_emails()
        if comment is None or comment.is_public or comment.is_removed or not recipients:
            return 0
        queue_url = get_admin_base_url() + reverse(MODERATION_URL_NAME) + "?status=pending"
        body = render_to_string(
            "wagtail_career/comments/email/moderators.txt",
            {"comment": comment, "article": article, "queue_url": queue_url},
        )
        subject = one_line(_("A comment awaits moderation: %(title)s") % {"title": article.title})
        message = EmailMessage(subject, body, None, recipients)
        rows = outbox.add_many(
            [outbox.mail_row(message, MODERATORS_KIND, key=f"{MODERATORS_KIND}:{comment.pk}")]
        )
    return _send(rows, deliver)


def mute_headers(root_url, token):
    """``List-Unsubscribe`` headers of a follow-up mail: its one-click "stop notifications"
    endpoint, which mail clients may POST to without opening a page (RFC 8058; HTTPS when
    the Site's port is 443, see check W046)."""
    url = root_url + reverse("wagtail_career:comment_mute_one_click", args=[token])
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


@task()
def notify_followers(comment_id, language=None, deliver=True):
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
        rows = []
        for key, (email, name) in followers.items():
            token = mute_token(article.pk, email)
            mute_url = root_url + reverse("wagtail_career:comment_mute", args=[token])
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
            message = EmailMessage(
                subject, body, None, [email], headers=mute_headers(root_url, token)
            )
            rows.append(
                outbox.mail_row(message, FOLLOWERS_KIND, key=f"{FOLLOWERS_KIND}:{comment.pk}:{key}")
            )
        rows = outbox.add_many(rows) if rows else []
    return _send(rows, deliver)


def confirmation_message(email, name, article_title, confirm_url):
    """The mail asking an anonymous commenter to confirm their address (active language)."""
    body = render_to_string(
        "wagtail_career/comments/email/confirmation.txt",
        {"name": name, "article_title": article_title, "confirm_url": confirm_url},
    )
    subject = one_line(_("Confirm your comment on “%(title)s”") % {"title": article_title})
    return EmailMessage(subject, body, None, [email])


def queue_confirmation(comment, article_title, confirm_url):
    """Write the confirmation mail of the held ``comment`` to the outbox, in the current
    transaction (the one storing the comment); it leaves once that transaction commits."""
    message = confirmation_message(
        comment.user_email, comment.user_name, article_title, confirm_url
    )
    return outbox.add(message, kind=CONFIRMATION_KIND, key=f"{CONFIRMATION_KIND}:{comment.pk}")


@task()
def send_confirmation_request(email, name, article_title, confirm_url, language=None):
    """Ask an anonymous commenter to confirm their address (through the outbox)."""
    with translation.override(language):
        message = confirmation_message(email, name, article_title, confirm_url)
        rows = outbox.add_many(
            [
                outbox.mail_row(
                    message,
                    CONFIRMATION_KIND,
                    key=f"{CONFIRMATION_KIND}:{hashlib.sha256(confirm_url.encode()).hexdigest()}",
                )
            ]
        )
    return _send(rows, True)
