"""The comment section of an article page, gathered in a fixed number of queries.

Whatever the number of comments: one query for the counts and one for the requested page
of threads (top-level comments with all their replies); the tree is built in Python. The
comment's stored ``user_name`` is shown, so no user row is read per comment.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.shortcuts import resolve_url
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from ..cache import has_bypass_cookie, page_dependencies, settings_dependency
from ..conf import get_setting
from ..inputs import parse_int
from ..paginator import requested_page
from .forms import FORM_ANCHOR, ArticleCommentForm
from .moderation import CommentPolicy
from .queries import article_comments, counts_for, visible

# Marks the messages of this feature so the section shows them next to the comments.
MESSAGE_TAG = "career-comment"
SECTION_ANCHOR = "comments"
PAGE_PARAM = "comments_page"


@dataclass
class CommentNode:
    comment: object
    can_reply: bool
    children: list = field(default_factory=list)


def visitor(request):
    """The signed-in user, or an anonymous one when the request has no session cookie.

    Reading ``request.user`` opens the session, and an opened session makes the response
    ``Vary: Cookie``. A visitor without a session cookie cannot be signed in, so their
    article page is rendered without opening it and stays cacheable.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return AnonymousUser()
    return request.user


def add_message(request, level, text):
    messages.add_message(request, level, text, extra_tags=MESSAGE_TAG)


def pop_comment_messages(request):
    """This feature's messages, leaving the others for the site's own message area.

    Taken once per request (``before_serve_page``, before the site's layout lists the
    messages); later calls return the same ones.
    """
    if hasattr(request, "_career_comment_messages"):
        return request._career_comment_messages
    storage = messages.get_messages(request)
    ours, others = [], []
    for message in storage:
        (ours if MESSAGE_TAG in message.tags.split() else others).append(message)
    # Iterating leaves every message loaded, and the site's template iterates the same
    # storage next: unload them all, or it would show ours and the others (queued again
    # below) a second time. Django has no public call for this.
    storage._loaded_messages.clear()
    for message in others:  # reading consumed them: queue them again for the site
        messages.add_message(request, message.level, message.message, message.extra_tags)
    request._career_comment_messages = ours
    return ours


def login_url(request, article):
    """The site's login page, returning to the article's comment section."""
    next_url = f"{article.get_url(request)}#{SECTION_ANCHOR}"
    return f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': next_url})}"


def build_tree(comments, reply_depth):
    """Nest ``comments`` (ordered by thread, then xtd's ``order``) under their parents."""
    nodes, roots = {}, []
    for comment in comments:
        node = CommentNode(comment, can_reply=comment.level < reply_depth)
        nodes[comment.pk] = node
        if comment.level == 0:
            roots.append(node)
        elif comment.parent_id in nodes:
            nodes[comment.parent_id].children.append(node)
    return roots


def _reply_target(request, article, policy, threads):
    """The comment a "Reply" link (``?reply_to=``) points at, if the visitor may reply to it."""
    pk = parse_int(request.GET.get("reply_to"), minimum=1)
    if pk is None:
        return None
    stack = list(threads)
    while stack:  # usually on the page already: no query
        node = stack.pop()
        if node.comment.pk == pk:
            return node.comment if node.can_reply else None
        stack.extend(node.children)
    comment = visible(article_comments(article)).filter(pk=pk).first()
    return comment if comment and comment.level < policy.reply_depth else None


def comment_section(request, article, form=None):
    """The context of ``wagtail_career/comments/section.html`` for ``article``."""
    policy = CommentPolicy.for_request(request, article)
    total, thread_count = counts_for(article)
    paginator = Paginator(range(thread_count), get_setting("COMMENTS_PER_PAGE"))
    page = requested_page(paginator, request.GET.get(PAGE_PARAM))
    first = (page.number - 1) * paginator.per_page
    roots = (
        visible(article_comments(article))
        .filter(level=0)
        .order_by("thread_id")
        .values("pk")[first : first + paginator.per_page]
    )
    comments = (
        visible(article_comments(article))
        .filter(thread_id__in=roots)
        .order_by("thread_id", "order")
    )
    threads = build_tree(comments, policy.reply_depth)

    user = visitor(request)
    refusal = policy.refusal(user)
    reply_to = None
    if refusal is None and form is None:
        reply_to = _reply_target(request, article, policy, threads)
        form = ArticleCommentForm(
            article,
            policy=policy,
            user=user,
            initial={"reply_to": reply_to.pk if reply_to else 0},
        )
    return {
        "article": article,
        "user": user,
        "policy": policy,
        "count": total,
        "threads": threads,
        "page_obj": page,
        "page_param": PAGE_PARAM,
        "form": form if refusal is None else None,
        # A post refused by the policy (signed out meanwhile, comments closed while typing):
        # its text is shown again so that nothing the visitor wrote is lost.
        "kept_text": (form.data.get("comment", "") if refusal and form and form.is_bound else "")[
            :3000
        ],
        "form_anchor": FORM_ANCHOR,
        "reply_to": reply_to,
        "refusal": refusal,
        "login_url": login_url(request, article) if policy.requires_sign_in else "",
        "messages": pop_comment_messages(request),
    }


def part_context(request, article):
    """The comment part's data (``parts.ArticlePart``): the section is gathered only when
    it is rendered, not when its cached copy is shown.

    A visitor without a session or messages cookie sees what every such visitor sees: the
    section is then cached (``{% careercache %}``) until a comment, the article or the
    comment settings change. Anyone else gets it freshly rendered.
    """
    page = request.GET.get(PAGE_PARAM, "1")
    shared = (
        not has_bypass_cookie(request)
        and "reply_to" not in request.GET
        and parse_int(page, 1, 99_999) is not None
        # A form for signed-out visitors carries each visitor's CSRF token: never shared.
        and CommentPolicy.for_request(request, article).refusal(AnonymousUser()) is not None
    )
    site = Site.find_for_request(request)
    return {
        "comment_section": SimpleLazyObject(lambda: comment_section(request, article)),
        "comments_shared": shared,
        "comments_page": page,
        "comments_dependencies": [
            *page_dependencies(article),
            settings_dependency(site.pk if site else None),
        ],
    }
