"""Helpers shared by the comment test modules."""

from django.contrib.auth import get_user_model
from django.utils import timezone
from django_comments.forms import CommentForm
from django_comments_xtd.models import XtdComment
from wagtail.models import Site

from wagtail_career.comments.models import CommentSettings
from wagtail_career.comments.queries import UNCONFIRMED

POST_URL = "/career/comments/post/"


def set_policy(**fields):
    settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def form_data(article, **fields):
    """What the article's comment form posts, with valid anti-spam fields."""
    data = CommentForm(article).generate_security_data()
    data.update({"comment": "Merci pour ces conseils.", "reply_to": "0", "honeypot": ""})
    data.update(fields)
    return data


def make_user(username="lea", **fields):
    fields.setdefault("email", f"{username}@example.com")
    fields.setdefault("first_name", username.capitalize())
    return get_user_model().objects.create_user(username=username, password="pw", **fields)


def make_comment(article, text="Un commentaire", user=None, parent=None, public=True, **fields):
    """Store a comment directly, as the posting view would (xtd computes the threading)."""
    fields.setdefault("submit_date", timezone.now())
    comment = XtdComment(
        content_type_id=article.content_type_id,
        object_pk=str(article.pk),
        site_id=1,
        user=user,
        user_name=fields.pop("user_name", user.get_username() if user else "Anonyme"),
        user_email=fields.pop("user_email", user.email if user else "anon@example.com"),
        comment=text,
        parent_id=parent.pk if parent else 0,
        is_public=public,
        **fields,
    )
    comment.save()
    return comment


def comments_of(article):
    """The article's comments (not those still awaiting their author's e-mail confirmation)."""
    return XtdComment.objects.filter(
        content_type_id=article.content_type_id, object_pk=str(article.pk)
    ).exclude(user_url=UNCONFIRMED)
