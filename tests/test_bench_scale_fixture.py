"""The scale benchmark's bulk-built site is a real site: its pages, comments, subscribers
and search index work as if an editor and visitors had made them (else ``make bench-scale``
would measure something else)."""

import pytest
from django.conf import settings

if "benchmarks.plainpage" not in settings.INSTALLED_APPS:
    # CI runs this file in its own step, on the bench's settings (its plain page app).
    pytest.skip("needs --ds=benchmarks.settings", allow_module_level=True)

from django.test import Client  # noqa: E402
from django_comments_xtd.models import XtdComment  # noqa: E402
from wagtail.models import Page  # noqa: E402

from benchmarks import scale_fixture  # noqa: E402
from wagtail_career.newsletter.models import Subscription  # noqa: E402
from wagtail_career.pages.models import ArticlePage  # noqa: E402


@pytest.fixture
def site(db):
    return scale_fixture.build(articles=30, comments=300, subscribers=40)


def test_the_articles_are_a_valid_tree_under_the_index(site):
    index = site["index"]
    assert index.get_children().live().type(ArticlePage).count() == 30
    assert index.numchild == 30
    # treebeard's own consistency check finds nothing to fix
    assert Page.find_problems() == ([], [], [], [], [])


def test_visitors_read_the_index_an_article_its_comments_and_search(site):
    client = Client()
    listing = client.get(site["index_url"])
    assert listing.status_code == 200
    assert "Conseil carrière numéro 29" in listing.content.decode()
    busy = client.get(site["busy_article_url"])
    assert busy.status_code == 200
    comments = XtdComment.objects.filter(object_pk=str(site["busy_article_pk"]), is_public=True)
    assert comments.filter(is_removed=False).exists()
    assert comments.filter(is_removed=False).first().comment in busy.content.decode()
    found = client.get(site["index_url"], {"q": "carrière"})
    assert found.status_code == 200
    assert "Conseil <mark>carrière</mark> numéro" in found.content.decode()
    assert client.get(site["plain_url"]).status_code == 200


def test_comments_are_threads_of_their_own_and_some_await_moderation(site):
    assert XtdComment.objects.count() == 300
    assert not XtdComment.objects.exclude(thread_id__gt=0).exists()
    assert XtdComment.objects.filter(is_public=False).exists()
    assert XtdComment.objects.filter(is_removed=True).exists()


def test_editors_see_the_admin_lists(site):
    admin = site["admin_client"]
    assert admin.get(site["dashboard_url"]).status_code == 200
    assert Subscription.objects.count() == 40
    assert admin.get("/admin/wagtail_career_newsletter/subscription/").status_code == 200
