"""The comment form: django_comments' anti-spam checks plus a reply target checked for real."""

import time

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments.forms import DEFAULT_COMMENTS_TIMEOUT, CommentForm
from django_comments_xtd.models import XtdComment

from .queries import article_comments, visible

# The part of the page the form and the "reply" links point to.
FORM_ANCHOR = "comment-form"
# Comment ids are 32-bit (xtd's AutoField): a larger number cannot be one, and SQLite
# raises on integers beyond 64 bits instead of finding nothing.
MAX_COMMENT_ID = 2**31 - 1


class ArticleCommentForm(CommentForm):
    """A comment on an article, or a reply within the policy's depth.

    Signed-in users do not type their name and email (the view fills them from the
    account); anonymous visitors must. The URL field is dropped: a commenter's link is
    an invitation to spam.
    """

    reply_to = forms.IntegerField(
        required=False, min_value=0, max_value=MAX_COMMENT_ID, widget=forms.HiddenInput
    )
    followup = forms.BooleanField(
        label=_("Email me when someone else comments on this article"), required=False
    )

    def __init__(self, target_object, *, policy, user, data=None, initial=None, **kwargs):
        self.policy = policy
        self.user = user
        super().__init__(target_object, data=data, initial=initial, **kwargs)
        del self.fields["url"]
        self.fields["name"].label = _("Name")
        self.fields["email"].label = _("Email (not published)")
        self.fields["comment"].label = _("Comment")
        self.fields["comment"].widget.attrs.update(rows=6, cols=60)
        self.fields["honeypot"].label = _("Leave this field empty")
        self.fields["honeypot"].widget.attrs.update(tabindex="-1", autocomplete="off")
        if user.is_authenticated:
            del self.fields["name"]
            del self.fields["email"]

    @property
    def fresh_security_data(self):
        """New timestamp and hash, so a re-rendered form can be sent again."""
        return self.generate_security_data()

    def clean_timestamp(self):
        timestamp = self.cleaned_data["timestamp"]
        if time.time() - timestamp > DEFAULT_COMMENTS_TIMEOUT:
            raise forms.ValidationError(
                _("This form was open too long. Your text is kept below: please send it again."),
                code="expired",
            )
        return timestamp

    def clean_security_hash(self):
        try:
            return super().clean_security_hash()
        except forms.ValidationError:
            raise forms.ValidationError(
                _("The form was altered. Please send your comment again."), code="tampered"
            ) from None

    def clean_honeypot(self):
        if self.cleaned_data["honeypot"]:
            raise forms.ValidationError(
                _("This field must stay empty; your comment was not sent."), code="honeypot"
            )
        return ""

    def clean_reply_to(self):
        """The comment replied to: public, on this article, and not at the deepest level."""
        reply_to = self.cleaned_data.get("reply_to") or 0
        if not reply_to:
            return 0
        parent = (
            visible(article_comments(self.target_object))
            .filter(pk=reply_to)
            .only("pk", "level")
            .first()
        )
        if parent is None:
            raise forms.ValidationError(
                _("The comment you are replying to does not exist or is not published."),
                code="reply_to_missing",
            )
        if parent.level >= self.policy.reply_depth:
            raise forms.ValidationError(
                _("Replies to this comment are not allowed."), code="reply_to_too_deep"
            )
        return reply_to

    def clean(self):
        cleaned = super().clean()
        refusal = self.policy.refusal(self.user)
        if refusal:
            raise forms.ValidationError(refusal, code="refused")
        return cleaned

    def get_comment_model(self):
        return XtdComment

    def get_comment_create_data(self, site_id=None):
        user = self.user if self.user.is_authenticated else None
        if user:
            name, email = (user.get_full_name() or user.get_username())[:50], user.email
        else:
            name, email = self.cleaned_data["name"], self.cleaned_data["email"]
        return {
            "content_type": ContentType.objects.get_for_model(self.target_object),
            "object_pk": str(self.target_object.pk),
            "site_id": site_id or settings.SITE_ID,
            "user": user,
            "user_name": name,
            "user_email": email,
            "user_url": "",
            "comment": self.cleaned_data["comment"],
            "submit_date": timezone.now(),
            "is_public": True,
            "is_removed": False,
            "parent_id": self.cleaned_data["reply_to"],
            "followup": self.cleaned_data["followup"],
        }
