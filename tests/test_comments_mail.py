"""Mail around comments: moderators, followers, and the anonymous confirmation flow."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django_comments_xtd.models import XtdComment

from tests.comments_helpers import (
    POST_URL,
    comments_of,
    form_data,
    make_comment,
    make_user,
    set_policy,
)
from wagtail_career.comments.admin import pending_count
from wagtail_career.comments.models import CommentModeration, WhoCanComment
from wagtail_career.comments.queries import UNCONFIRMED
from wagtail_career.models import OutgoingMail


@pytest.fixture
def moderator(db):
    return make_user("admin", is_superuser=True, email="moderation@example.com")


def _link(message, path):
    return re.search(rf"https?://[^/\s]+({path}[^\s]*)", message.body).group(1)


def test_moderators_are_emailed_once_the_comment_is_held(
    client, article, moderator, django_capture_on_commit_callbacks
):
    client.force_login(make_user("lea"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(POST_URL, form_data(article, comment="À modérer"))
    assert [m.to for m in mail.outbox] == [["moderation@example.com"]]
    assert "À modérer" in mail.outbox[0].body
    assert "/admin/django_comments_xtd/xtdcomment/?status=pending" in mail.outbox[0].body


@override_settings(WAGTAIL_CAREER_COMMENTS_MODERATOR_EMAILS=["equipe@example.com"])
def test_moderator_addresses_can_be_configured(client, article, django_capture_on_commit_callbacks):
    client.force_login(make_user("lea"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(POST_URL, form_data(article))
    assert [m.to for m in mail.outbox] == [["equipe@example.com"]]


def test_followers_are_notified_and_can_mute_with_a_post(
    client, article, django_capture_on_commit_callbacks
):
    set_policy(comment_moderation=CommentModeration.NONE)
    make_comment(article, "Je suis", user_email="suivi@example.com", followup=True)
    make_comment(article, "Je ne suis pas", user_email="pas@example.com")
    client.force_login(make_user("lea"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(POST_URL, form_data(article, comment="Nouveau"))
    assert [m.to for m in mail.outbox] == [["suivi@example.com"]]
    mute = _link(mail.outbox[0], "/career/comments/mute/")

    client.logout()
    page = client.get(mute)
    assert page.status_code == 200 and "Arrêter les avis" in page.content.decode()
    assert comments_of(article).get(user_email="suivi@example.com").followup  # GET changed nothing
    done = client.post(mute)
    assert "ne recevrez plus" in done.content.decode()
    assert not comments_of(article).get(user_email="suivi@example.com").followup
    assert client.get("/career/comments/mute/forged-token/").status_code == 400


def stored(article):
    """Every comment stored for ``article``, unconfirmed ones included."""
    return XtdComment.norel_objects.filter(
        content_type_id=article.content_type_id, object_pk=str(article.pk)
    )


def _confirmed_comments(article):
    return stored(article).exclude(user_url=UNCONFIRMED)


def test_anonymous_comment_is_held_unconfirmed_until_its_link_is_posted(
    client, article, moderator, django_capture_on_commit_callbacks
):
    set_policy(who_can_comment=WhoCanComment.ANYONE)
    page = client.get(article.url).content.decode()
    assert 'name="email"' in page and "Vous devez être connecté" not in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            POST_URL, form_data(article, name="Zoé", email="zoe@example.com", comment="Anonyme")
        )
    assert response["Location"] == f"{article.url}#comments"
    # Stored at once (its text is safe whatever happens to the mail), but neither shown
    # nor in the moderators' queue before its author confirms.
    held = stored(article).get()
    assert (held.comment, held.user_url, held.is_public, held.is_removed) == (
        "Anonyme",
        UNCONFIRMED,
        False,
        True,
    )
    assert pending_count() == 0
    assert [m.to for m in mail.outbox] == [["zoe@example.com"]]  # not the moderators yet
    assert OutgoingMail.objects.get().kind == "comment-confirmation"
    confirm = _link(mail.outbox[0], "/career/comments/confirm/")

    assert client.get(confirm).status_code == 200  # a mail scanner's GET confirms nothing
    assert not _confirmed_comments(article).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm)
    assert response.status_code == 302
    comment = stored(article).get()
    assert comment.pk == held.pk
    assert (comment.user_name, comment.user_email, comment.is_public, comment.user_url) == (
        "Zoé",
        "zoe@example.com",
        False,
        "",
    )
    assert not comment.is_removed and pending_count() == 1  # now it awaits moderation
    assert mail.outbox[-1].to == ["moderation@example.com"]

    client.post(confirm)  # confirming twice stores once
    assert stored(article).count() == 1
    assert len(mail.outbox) == 2
    assert "déjà confirmé" in client.get(confirm).content.decode()


def test_a_confirmed_anonymous_comment_is_published_under_the_open_policy(
    client, article, django_capture_on_commit_callbacks
):
    set_policy(who_can_comment=WhoCanComment.ANYONE, comment_moderation=CommentModeration.NONE)
    make_comment(article, "Je suis", user_email="suivi@example.com", followup=True)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(POST_URL, form_data(article, name="Zoé", email="zoe@example.com"))
    assert "Merci pour ces conseils" not in client.get(article.url).content.decode()
    confirm = _link(mail.outbox[0], "/career/comments/confirm/")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm)
    comment = _confirmed_comments(article).get(user_email="zoe@example.com")
    assert comment.is_public and not comment.is_removed
    assert "Merci pour ces conseils" in client.get(article.url).content.decode()
    assert [m.to for m in mail.outbox] == [["zoe@example.com"], ["suivi@example.com"]]


def test_anonymous_comment_needs_name_and_email(client, article):
    set_policy(who_can_comment=WhoCanComment.ANYONE)
    response = client.post(
        POST_URL, form_data(article, comment="Sans nom", name="", email="pas-un-courriel")
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Sans nom" in page
    assert page.count("career-field--error") == 2
    assert mail.outbox == []


def test_confirmation_links_expire_and_their_comments_go(
    client, article, settings, django_capture_on_commit_callbacks
):
    set_policy(who_can_comment=WhoCanComment.ANYONE)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(POST_URL, form_data(article, name="Zoé", email="zoe@example.com"))
    confirm = _link(mail.outbox[0], "/career/comments/confirm/")
    settings.WAGTAIL_CAREER_COMMENTS_LINK_MAX_AGE_DAYS = -1
    response = client.post(confirm)
    assert response.status_code == 400 and "plus valide" in response.content.decode()
    assert not _confirmed_comments(article).exists()
    # The next anonymous post deletes the comments whose link has expired.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(POST_URL, form_data(article, name="Noé", email="noe@example.com"))
    assert list(stored(article).values_list("user_email", flat=True)) == ["noe@example.com"]
