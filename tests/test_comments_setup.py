"""What a site builder gets: xtd configured in code, only the needed URLs, a warning otherwise."""

from django.test import override_settings
from django.urls import NoReverseMatch, reverse

from tests.pages import ArticlePage
from wagtail_career.comments.checks import check_comments_xtd_urls_not_included


def test_xtd_allows_replies_on_articles_without_any_setting():
    from django_comments_xtd.conf import settings as xtd

    assert xtd.COMMENTS_XTD_MAX_THREAD_LEVEL_BY_APP_MODEL[ArticlePage._meta.label_lower] >= 1


def test_only_the_package_comment_endpoints_are_exposed():
    assert reverse("wagtail_career:comment_post") == "/career/comments/post/"
    for name in ("comments-xtd-api-create", "comments-post-comment", "comments-xtd-confirm"):
        try:
            reverse(name)
        except NoReverseMatch:
            continue
        raise AssertionError(f"{name} is exposed")


def test_no_warning_without_xtd_urls():
    assert check_comments_xtd_urls_not_included() == []


@override_settings(ROOT_URLCONF="tests.urls_with_xtd")
def test_including_xtd_urls_warns():
    assert [w.id for w in check_comments_xtd_urls_not_included()] == ["wagtail_career.W001"]
