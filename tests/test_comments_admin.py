"""What a moderator does in the Wagtail admin: the queue, its actions and the dashboard."""

import pytest
from django.contrib.auth.models import Group, Permission
from django_comments.models import CommentFlag

from tests.comments_helpers import POST_URL, comments_of, form_data, make_comment, make_user

INDEX = "/admin/django_comments_xtd/xtdcomment/"
MODERATE = INDEX + "moderate/"


@pytest.fixture
def superuser(db):
    return make_user("admin", is_superuser=True, is_staff=True)


@pytest.fixture
def moderator(db):
    user = make_user("mod")
    group = Group.objects.create(name="Modération")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(content_type__app_label="django_comments", codename="can_moderate"),
    )
    user.groups.add(group)
    return user


@pytest.fixture
def editor(db):
    user = make_user("editor")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_signed_in_comment_is_held_then_approved_in_the_admin_then_shown_escaped(
    client, article, superuser, django_capture_on_commit_callbacks
):
    visitor = make_user("lea")
    client.force_login(visitor)
    client.post(POST_URL, form_data(article, comment="<script>alert(1)</script> Bravo"))
    comment = comments_of(article).get()
    assert not comment.is_public
    assert "Bravo" not in client.get(article.url).content.decode()

    client.force_login(superuser)
    queue = client.get(INDEX + "?status=pending").content.decode()
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; Bravo" in queue and "<script>alert(1)" not in queue
    )
    assert f'name="single" value="approve:{comment.pk}"' in queue
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(MODERATE, {"single": f"approve:{comment.pk}"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_public
    assert CommentFlag.objects.get(comment=comment).flag == CommentFlag.MODERATOR_APPROVAL

    client.logout()
    page = client.get(article.url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Bravo" in page and "<script>alert(1)" not in page


def test_bulk_remove_and_restore_are_recorded(client, article, moderator):
    comments = [make_comment(article, f"Texte {n}") for n in range(3)]
    client.force_login(moderator)
    response = client.post(MODERATE, {"action": "remove", "ids": [c.pk for c in comments[:2]]})
    assert response.status_code == 302
    assert sorted(comments_of(article).filter(is_removed=True).values_list("pk", flat=True)) == [
        c.pk for c in comments[:2]
    ]
    assert (
        CommentFlag.objects.filter(flag=CommentFlag.MODERATOR_DELETION, user=moderator).count() == 2
    )
    removed = client.get(INDEX + "?status=removed").content.decode()
    assert "Texte 0" in removed and "Texte 2" not in removed

    client.post(MODERATE, {"action": "restore", "ids": [comments[0].pk]})
    assert comments_of(article).filter(is_removed=False, is_public=True).count() == 2


def test_moderation_needs_the_permission_and_a_post(client, article, editor, moderator):
    comment = make_comment(article, "Texte", public=False)
    client.force_login(editor)
    assert client.get(INDEX).status_code in (302, 403)
    assert client.post(MODERATE, {"single": f"approve:{comment.pk}"}).status_code == 403
    comment.refresh_from_db()
    assert not comment.is_public

    client.force_login(moderator)
    assert client.get(INDEX).status_code == 200
    assert client.get(MODERATE).status_code == 405
    assert "Commentaires" in client.get("/admin/").content.decode()


def test_csrf_is_required(article, moderator):
    from django.test import Client

    comment = make_comment(article, "Texte", public=False)
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(moderator)
    assert csrf_client.post(MODERATE, {"single": f"approve:{comment.pk}"}).status_code == 403
    comment.refresh_from_db()
    assert not comment.is_public


def test_filters_search_and_columns(client, article, make_article, superuser):
    other = make_article(title="Entrevue de groupe")
    make_comment(article, "Publié ici", user_name="Alice", user_email="alice@example.com")
    make_comment(article, "Retenu ici", public=False)
    reported = make_comment(other, "Signalé là-bas")
    CommentFlag.objects.create(
        comment=reported, user=make_user("lea"), flag=CommentFlag.SUGGEST_REMOVAL
    )
    client.force_login(superuser)

    def listing(query=""):
        return client.get(INDEX + query).content.decode()

    assert "Publié ici" in listing("?status=published") and "Retenu ici" not in listing(
        "?status=published"
    )
    assert "Retenu ici" in listing("?status=pending")
    flagged = listing("?status=flagged")
    assert "Signalé là-bas" in flagged and "Publié ici" not in flagged
    by_article = listing(f"?article={other.pk}")
    assert "Signalé là-bas" in by_article and "Publié ici" not in by_article
    assert "Publié ici" in listing("?q=alice@example.com") and "Retenu" not in listing("?q=alice")
    everything = listing()
    assert f'href="{article.url}#c' in everything and "Entrevue de groupe" in everything

    # Approving a reported comment settles the report.
    client.post(MODERATE, {"single": f"approve:{reported.pk}"})
    assert "Signalé là-bas" not in listing("?status=flagged")


def test_listing_queries_do_not_grow_with_rows(client, make_article, superuser):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    articles = [make_article() for _ in range(3)]
    client.force_login(superuser)

    def count():
        client.get(INDEX)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(INDEX).status_code == 200
        return len(queries)

    make_comment(articles[0], "un")
    few = count()
    for n in range(30):
        make_comment(articles[n % 3], f"c{n}")
    assert count() == few


def test_dashboard_shows_the_pending_count_to_moderators(client, article, moderator, editor):
    make_comment(article, "a", public=False)
    make_comment(article, "b", public=False)
    make_comment(article, "c")
    client.force_login(moderator)
    dashboard = client.get("/admin/").content.decode()
    assert "2 commentaires attendent la modération." in dashboard
    assert INDEX + "?status=pending" in dashboard
    client.force_login(editor)
    assert "attendent la modération" not in client.get("/admin/").content.decode()


def test_comment_settings_are_editable_in_the_admin(client, superuser, home, post_career_settings):
    from wagtail.models import Site

    from wagtail_career.comments.models import CommentSettings

    client.force_login(superuser)
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/wagtail_career_comments/commentsettings/{site.pk}/"
    page = client.get(url).content.decode()
    assert "qui peut commenter" in page.lower() or "Qui peut commenter" in page
    response = post_career_settings(
        site,
        setting="wagtail_career_comments/commentsettings",
        who_can_comment="anyone",
        comment_moderation="first",
        comments_close_after_days="14",
        comment_reply_depth="2",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    settings = CommentSettings.for_site(site)
    assert (settings.who_can_comment, settings.comment_reply_depth) == ("anyone", 2)
