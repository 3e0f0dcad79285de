"""The comment endpoints the package exposes, instead of django_comments_xtd.urls.

Every state change is a POST with CSRF; mailed links (confirm, mute) show a page whose
button makes the POST, so a mail scanner following the link changes nothing.
"""

import logging
from datetime import timedelta

from django.contrib import messages
from django.core import signing
from django.db import DatabaseError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django_comments.signals import comment_was_posted, comment_will_be_posted
from django_comments.views.moderation import perform_flag
from django_comments_xtd.models import MaxThreadLevelExceededException, XtdComment
from wagtail.models import Site

from .. import outbox
from ..conf import get_setting
from ..inputs import email_key, parse_int
from ..ratelimit import allow, client_address, first_in, release, request_accounts
from .display import SECTION_ANCHOR, add_message, comment_section, login_url
from .forms import MAX_COMMENT_ID, ArticleCommentForm
from .moderation import CommentPolicy, lock_article_comments, save_comment
from .queries import (
    UNCONFIRMED,
    all_article_comments,
    article_comments,
    find_article,
    unconfirmed_comments,
    visible,
)
from .tasks import queue_confirmation
from .tokens import confirmation_token, read_confirmation_token, read_mute_token

logger = logging.getLogger(__name__)


def _article(request, pk):
    """The live, public article ``pk`` of the request's site, or a 404."""
    site = Site.find_for_request(request)
    pk = parse_int(pk, minimum=1)
    article = find_article(pk, site) if site is not None and pk is not None else None
    if article is None:
        raise Http404(_("This article does not exist."))
    return article


def _render(request, template, context, status=200):
    context = {"base_template": get_setting("BASE_TEMPLATE"), **context}
    return render(request, f"wagtail_career/comments/{template}", context, status=status)


def _back_to(request, article, comment=None):
    anchor = f"c{comment.pk}" if comment is not None and comment.is_public else SECTION_ANCHOR
    return redirect(f"{article.get_url(request)}#{anchor}")


def _announce(request, comment):
    if comment.is_public:
        add_message(request, messages.SUCCESS, _("Your comment is published."))
    else:
        add_message(
            request,
            messages.INFO,
            _("Thank you! Your comment awaits moderation and will appear once approved."),
        )


def _rate_limited(request, article, policy):
    """The 429 answer to one post too many: the form again, with the visitor's text in it."""
    reply_to = parse_int(request.POST.get("reply_to"), maximum=MAX_COMMENT_ID) or 0
    initial = {name: request.POST.get(name, "")[:3000] for name in ("name", "email", "comment")}
    form = ArticleCommentForm(
        article,
        policy=policy,
        user=request.user,
        initial={**initial, "reply_to": reply_to, "followup": bool(request.POST.get("followup"))},
    )
    form.rate_limited = True
    return _render(
        request,
        "post_error.html",
        {"section": comment_section(request, article, form=form), "article": article},
        status=429,
    )


def _drop_expired_unconfirmed():
    limit = timezone.now() - timedelta(days=get_setting("COMMENTS_LINK_MAX_AGE_DAYS"))
    unconfirmed_comments().filter(submit_date__lt=limit).delete()


def _hold(comment, article, request):
    """Store ``comment`` unconfirmed and write its confirmation mail to the outbox, in one
    transaction: its text is kept whatever happens to the mail. ``None`` if the comment
    replied to went away meanwhile."""
    # The link names the comment as posted (a top-level one has no parent until saved).
    confirm_url = request.build_absolute_uri(
        reverse("wagtail_career:comment_confirm", args=[confirmation_token(comment)])
    )
    comment.is_public, comment.is_removed, comment.user_url = False, True, UNCONFIRMED
    try:
        with transaction.atomic():
            lock_article_comments(comment.object_pk)
            comment.save()
            mail = queue_confirmation(comment, article.title, confirm_url)
    except (XtdComment.DoesNotExist, MaxThreadLevelExceededException):
        return None
    # Stored: the mail may leave now (a failing task backend is logged; the row waits for
    # deliver_career_mail).
    outbox.deliver_soon(mail)
    return comment


def _earlier_same(comment):
    """A comment ``comment`` repeats that its author already confirmed (one text posted
    twice, both links opened): same article, author, reply target and text, within a day."""
    same = (
        XtdComment.norel_objects.filter(
            content_type_id=comment.content_type_id,
            object_pk=comment.object_pk,
            comment=comment.comment,
            user__isnull=True,
            user_email__iexact=comment.user_email,
            level=comment.level,
            submit_date__gte=comment.submit_date - timedelta(days=1),
        )
        .exclude(pk=comment.pk)
        .exclude(user_url=UNCONFIRMED)
    )
    if comment.level:
        same = same.filter(parent_id=comment.parent_id)
    return same.order_by("pk").first()


def _confirm_held(held, request):
    """Its author confirmed ``held``: run the moderation signals (spam filters, the
    policy), then publish it or hold it for moderators. Return the stored comment, or
    ``None`` if it was refused. A second click finds it confirmed and changes nothing."""
    sender = type(held)
    with transaction.atomic():
        lock_article_comments(held.object_pk)
        current = XtdComment.norel_objects.filter(pk=held.pk).first()
        if current is None:
            return None
        if current.user_url != UNCONFIRMED:
            return current  # confirmed a moment ago
        current.is_public, current.is_removed, current.user_url = True, False, ""
        responses = comment_will_be_posted.send(sender=sender, comment=current, request=request)
        if any(response is False for _receiver, response in responses):
            current.delete()
            return None
        earlier = _earlier_same(current)
        if earlier is not None:
            current.delete()
            return earlier
        current.save()
        comment_was_posted.send(sender=sender, comment=current, request=request)
    return current


@require_POST
def post_comment(request):
    """Store a comment (or mail its confirmation link), then go back to the article."""
    allowed = allow("comment", request, request_accounts(request, request.POST.get("email")))
    article = _article(request, request.POST.get("object_pk"))
    policy = CommentPolicy.for_request(request, article)
    if not allowed:
        return _rate_limited(request, article, policy)
    form = ArticleCommentForm(article, policy=policy, user=request.user, data=request.POST)
    if not form.is_valid():
        refused = policy.refusal(request.user) is not None
        return _render(
            request,
            "post_error.html",
            {"section": comment_section(request, article, form=form), "article": article},
            status=403 if refused else 200,
        )
    comment = form.get_comment_object()
    if comment.pk:  # the same comment sent twice: keep the first
        _announce(request, comment)
        return _back_to(request, article, comment)
    comment.ip_address = client_address(request) or None

    if not request.user.is_authenticated and policy.requires_email_confirmation:
        address = email_key(comment.user_email)
        interval = get_setting("COMMENTS_CONFIRM_RESEND_INTERVAL")
        if not first_in("comment-confirmation", address, interval):
            # One confirmation mail per address per interval: nobody can flood a mailbox.
            form.add_error(
                None,
                _(
                    "We sent a confirmation link to this address a few minutes ago. Open it, "
                    "or send your comment again later: your text is kept below."
                ),
            )
            return _render(
                request,
                "post_error.html",
                {"section": comment_section(request, article, form=form), "article": article},
                status=429,
            )
        try:
            _drop_expired_unconfirmed()
            held = _hold(comment, article, request)
        except DatabaseError:
            logger.exception("Could not store a comment awaiting its e-mail confirmation.")
            held = False
        if held is None:
            release("comment-confirmation", address)
            form.add_error(None, _("Your comment was refused."))
            return _render(
                request,
                "post_error.html",
                {"section": comment_section(request, article, form=form), "article": article},
                status=403,
            )
        if held is False:
            # Not even the comment and its mail could be written: the visitor keeps the text.
            release("comment-confirmation", address)
            form.add_error(
                None,
                _(
                    "We could not send the confirmation email right now. Your text is kept "
                    "below: please send it again in a few minutes."
                ),
            )
            return _render(
                request,
                "post_error.html",
                {"section": comment_section(request, article, form=form), "article": article},
            )
        add_message(
            request,
            messages.INFO,
            _("Almost done: open the link we emailed you to confirm your comment."),
        )
        return _back_to(request, article)

    comment = save_comment(comment, request)
    if comment is None:
        form.add_error(None, _("Your comment was refused."))
        return _render(
            request,
            "post_error.html",
            {"section": comment_section(request, article, form=form), "article": article},
            status=403,
        )
    _announce(request, comment)
    return _back_to(request, article, comment)


@require_POST
def flag_comment(request, comment_id):
    """A signed-in visitor reports a published comment to the moderators."""
    comment = comment_id <= MAX_COMMENT_ID and (
        visible(all_article_comments()).filter(pk=comment_id).first()
    )
    if not comment:
        raise Http404(_("This comment does not exist."))
    article = _article(request, comment.object_pk)
    if not request.user.is_authenticated:
        return redirect(login_url(request, article))
    if comment.user_id and comment.user_id == request.user.pk:
        add_message(request, messages.INFO, _("You cannot report your own comment."))
        return redirect(f"{article.get_url(request)}#c{comment.pk}")
    if not allow("flag", request, request_accounts(request)):
        return _render(request, "flag_limited.html", {"article": article}, status=429)
    perform_flag(request, comment)
    add_message(request, messages.SUCCESS, _("Thank you: moderators will review this comment."))
    return redirect(f"{article.get_url(request)}#c{comment.pk}")


@require_http_methods(["GET", "POST"])
def confirm_comment(request, token):
    """An anonymous commenter confirms their address; the comment is stored on POST."""
    try:
        data = read_confirmation_token(token)
    except signing.BadSignature:
        return _render(request, "link_invalid.html", {}, status=400)
    article = _article(request, data["article_id"])
    fields = data["fields"]
    existing = (
        article_comments(article)
        .filter(
            user_email=fields["user_email"],
            submit_date=fields["submit_date"],
            comment=fields["comment"],
        )
        .first()
    )
    held = None
    if existing is not None and existing.user_url == UNCONFIRMED:
        held, existing = existing, None
    if request.method == "GET" or existing is not None:
        return _render(
            request,
            "confirm.html",
            {"article": article, "comment": fields, "already": existing is not None},
        )
    policy = CommentPolicy.for_request(request, article)
    refusal = policy.refusal(request.user)
    parent_id = fields["parent_id"]
    parent_ok = not parent_id or (
        visible(article_comments(article))
        .filter(pk=parent_id, level__lt=policy.reply_depth)
        .exists()
    )
    if refusal is None and not parent_ok:
        refusal = _("The comment you are replying to does not exist or is not published.")
    if refusal is not None:
        return _render(
            request,
            "confirm.html",
            {"article": article, "comment": fields, "refusal": refusal},
            403,
        )
    if held is not None:
        comment = _confirm_held(held, request)
    else:  # a link mailed before comments were stored unconfirmed, or whose comment expired
        comment = save_comment(
            XtdComment(
                content_type_id=article.content_type_id, object_pk=str(article.pk), **fields
            ),
            request,
        )
    if comment is None:
        return _render(
            request,
            "confirm.html",
            {"article": article, "comment": fields, "refusal": _("Your comment was refused.")},
            403,
        )
    _announce(request, comment)
    return _back_to(request, article, comment)


@require_http_methods(["GET", "POST"])
def mute_comments(request, token):
    """Stop follow-up mail for one article and one address; the change happens on POST."""
    try:
        article_id, email = read_mute_token(token)
    except signing.BadSignature:
        return _render(request, "link_invalid.html", {}, status=400)
    article = _article(request, article_id)
    done = request.method == "POST"
    if done:
        article_comments(article).filter(user_email__iexact=email).update(followup=False)
    return _render(request, "mute.html", {"article": article, "done": done, "token": token})


# RFC 8058: what a mail client's one-click unsubscribe POST carries.
ONE_CLICK_FIELD, ONE_CLICK_VALUE = "List-Unsubscribe", "One-Click"


@csrf_exempt
@require_http_methods(["GET", "POST"])
def mute_one_click(request, token):
    """The ``List-Unsubscribe`` target of follow-up mail. A mail client POSTs
    ``List-Unsubscribe=One-Click`` to it without cookies or CSRF token (RFC 8058); the
    signed token authorises it, as it does the mute page's button. Any other POST is
    refused (400); a GET (a client that opens the link) shows the mute page."""
    if request.method == "GET":
        return redirect("wagtail_career:comment_mute", token=token)
    try:
        article_id, email = read_mute_token(token)
    except signing.BadSignature:
        return _render(request, "link_invalid.html", {}, status=400)
    if request.POST.get(ONE_CLICK_FIELD) != ONE_CLICK_VALUE:
        return _render(request, "link_invalid.html", {}, status=400)
    article = _article(request, article_id)
    article_comments(article).filter(user_email__iexact=email).update(followup=False)
    return _render(request, "mute.html", {"article": article, "done": True, "token": token})
