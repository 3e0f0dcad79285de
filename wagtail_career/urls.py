"""The package's public endpoints, under one include placed before Wagtail's own::

    path("career/", include("wagtail_career.urls")),

Only the comment endpoints the package needs are here: ``django_comments_xtd.urls`` is
deliberately not included (its REST API takes anonymous comments without CSRF).
"""

from django.urls import path

from .comments import views as comments
from .newsletter import views as newsletter

app_name = "wagtail_career"

urlpatterns = [
    path("comments/post/", comments.post_comment, name="comment_post"),
    path("comments/<int:comment_id>/flag/", comments.flag_comment, name="comment_flag"),
    path("comments/confirm/<str:token>/", comments.confirm_comment, name="comment_confirm"),
    path("comments/mute/<str:token>/", comments.mute_comments, name="comment_mute"),
    path("newsletter/", newsletter.signup, name="newsletter_signup"),
    path("newsletter/confirm/<slug:token>/", newsletter.confirm, name="newsletter_confirm"),
    path(
        "newsletter/unsubscribe/<slug:token>/",
        newsletter.unsubscribe,
        name="newsletter_unsubscribe",
    ),
]
