"""Signed, expiring tokens for the links mailed to commenters (confirm a comment, mute)."""

from django.core import signing
from django.utils.dateparse import parse_datetime

from ..conf import get_setting

CONFIRM_SALT = "wagtail_career.comments.confirm"
MUTE_SALT = "wagtail_career.comments.mute"


def _max_age():
    return get_setting("COMMENTS_LINK_MAX_AGE_DAYS") * 24 * 60 * 60


def confirmation_token(comment):
    """Everything needed to store an anonymous visitor's ``comment`` once they confirm."""
    return signing.dumps(
        {
            "article": int(comment.object_pk),
            "site": comment.site_id,
            "name": comment.user_name,
            "email": comment.user_email,
            "comment": comment.comment,
            "date": comment.submit_date.isoformat(),
            "ip": comment.ip_address,
            "parent": comment.parent_id,
            "followup": comment.followup,
        },
        salt=CONFIRM_SALT,
        compress=True,
    )


def read_confirmation_token(token):
    """The fields of the comment to store; raises ``signing.BadSignature`` when invalid or old."""
    data = signing.loads(token, salt=CONFIRM_SALT, max_age=_max_age())
    return {
        "article_id": data["article"],
        "fields": {
            "site_id": data["site"],
            "user_name": data["name"],
            "user_email": data["email"],
            "comment": data["comment"],
            "submit_date": parse_datetime(data["date"]),
            "ip_address": data["ip"],
            "parent_id": data["parent"],
            "followup": data["followup"],
        },
    }


def mute_token(article_id, email):
    return signing.dumps({"article": article_id, "email": email}, salt=MUTE_SALT)


def read_mute_token(token):
    """``(article_id, email)``; raises ``signing.BadSignature`` when invalid or old."""
    data = signing.loads(token, salt=MUTE_SALT, max_age=_max_age())
    return data["article"], data["email"]
