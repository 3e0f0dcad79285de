"""The comments' personal data, through the core's hooks (``wagtail_career.privacy``): the
IP addresses stored with comments are cleared after ``WAGTAIL_CAREER_RETENTION_COMMENT_IP``,
and an address's comments are part of the export of one person's data."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from ..models import page_model
from ..parts import PERSONAL_DATA_HOOK, RETENTION_HOOK
from ..privacy import RetentionRule
from .admin import status_of
from .queries import all_article_comments


def clear_old_ip_addresses(cutoff, dry_run=False):
    """Forget the IP address of every article comment posted before ``cutoff``."""
    old = all_article_comments(unconfirmed=True).filter(
        submit_date__lt=cutoff, ip_address__isnull=False
    )
    return old.count() if dry_run else old.update(ip_address=None)


@hooks.register(RETENTION_HOOK)
def comment_retention_rules():
    return [
        RetentionRule(
            name="comment_ip",
            label=_("comment IP addresses cleared"),
            setting="RETENTION_COMMENT_IP",
            apply=clear_old_ip_addresses,
            order=30,
        )
    ]


def _articles(comments):
    """``{object_pk: {"title", "url"}}`` of the comments' articles, in one query."""
    ids = {int(comment.object_pk) for comment in comments if comment.object_pk.isdigit()}
    pages = page_model().objects.filter(pk__in=ids)
    return {str(page.pk): {"title": page.title, "url": page.get_full_url() or ""} for page in pages}


@hooks.register(PERSONAL_DATA_HOOK)
def comments_personal_data(email):
    """The comments written with ``email`` (typed, or their account's), in two queries."""
    comments = list(
        all_article_comments(unconfirmed=True)
        .filter(Q(user_email__iexact=email) | Q(user__email__iexact=email))
        .order_by("submit_date", "pk")
    )
    articles = _articles(comments)
    return {
        "comments": [
            {
                "id": comment.pk,
                "article": articles.get(comment.object_pk, {"title": "", "url": ""}),
                "name": comment.user_name,
                "email": comment.user_email,
                "url": comment.user_url,
                "comment": comment.comment,
                "submit_date": comment.submit_date,
                "ip_address": comment.ip_address,
                "status": str(status_of(comment)),
                "notify_of_replies": comment.followup,
            }
            for comment in comments
        ]
    }
