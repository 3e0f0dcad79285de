"""The comment feature's place in Wagtail: the moderation queue under the Career menu, the
dashboard panel, its endpoints, the section after articles and the cards' counts."""

from django.urls import path
from wagtail import hooks

from ..cache import has_bypass_cookie
from ..models import ArticlePageMixin
from ..parts import ARTICLE_PARTS_HOOK, LISTING_HOOK, URLS_HOOK, ArticlePart
from ..wagtail_hooks import CAREER_MENU_HOOK
from . import (
    privacy,  # noqa: F401  (registers the retention and personal-data hooks)
    views,
)
from .admin import CommentAdmin, add_pending_panel
from .display import PAGE_PARAM, part_context, pop_comment_messages
from .queries import attach_comment_counts

# wagtail-modeladmin registers its URLs and its permission (django_comments.can_moderate).
comment_admin = CommentAdmin()
comment_admin.register_with_wagtail()
hooks.register(CAREER_MENU_HOOK, comment_admin.get_menu_item)
hooks.register("construct_homepage_panels", add_pending_panel(comment_admin.url_helper))
hooks.register(LISTING_HOOK, attach_comment_counts)


@hooks.register(URLS_HOOK)
def comment_urls():
    return [
        path("comments/post/", views.post_comment, name="comment_post"),
        path("comments/<int:comment_id>/flag/", views.flag_comment, name="comment_flag"),
        path("comments/confirm/<str:token>/", views.confirm_comment, name="comment_confirm"),
        path("comments/mute/<str:token>/", views.mute_comments, name="comment_mute"),
        path(
            "comments/mute/<str:token>/one-click/",
            views.mute_one_click,
            name="comment_mute_one_click",
        ),
    ]


@hooks.register(ARTICLE_PARTS_HOOK)
def comment_section():
    return ArticlePart(
        name="comments",
        region="after_body",
        template="wagtail_career/comments/part.html",
        order=50,
        get_context=part_context,
        query_params=(PAGE_PARAM,),
    )


@hooks.register("before_serve_page")
def take_comment_messages(page, request, serve_args, serve_kwargs):
    """The section's messages are taken before the page renders: the site's layout lists
    the others before the section is reached. A visitor without a session or messages
    cookie has none (and reading them would open the session)."""
    if isinstance(page, ArticlePageMixin) and has_bypass_cookie(request):
        pop_comment_messages(request)
