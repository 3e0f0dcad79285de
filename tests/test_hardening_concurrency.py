"""Concurrent writers on PostgreSQL: confirmation clicks, replies to one thread, the same
comment twice. SQLite serialises writers, so these need DATABASE_URL pointing at PostgreSQL
(CI's PostgreSQL pass runs them)."""

import threading

import pytest
from django.core import mail
from django.db import connection, connections
from django.db.models import Count
from django.test import Client
from django_comments_xtd.models import XtdComment

from tests.comments_helpers import (
    POST_URL,
    comments_of,
    form_data,
    make_comment,
    make_user,
    set_policy,
)
from tests.newsletter_utils import SIGNUP_URL, signup_data
from wagtail_career.comments.models import CommentModeration, WhoCanComment
from wagtail_career.newsletter.models import Subscription

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs real concurrent writers: run with DATABASE_URL pointing at PostgreSQL",
    ),
]


def run_at_once(count, action):
    """Run ``action(n)`` in ``count`` threads released together; return statuses and errors."""
    barrier = threading.Barrier(count)
    statuses, errors = [], []

    def run(n):
        try:
            barrier.wait()
            statuses.append(action(n))
        except Exception as error:  # noqa: BLE001 - reported by the caller's assertion
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses, errors


def test_concurrent_confirmation_clicks_confirm_once(article, settings):
    Client().post(SIGNUP_URL, signup_data())
    link = mail.outbox[-1].body.split("/career/newsletter/confirm/")[1].split()[0]
    url = f"/career/newsletter/confirm/{link}"

    statuses, errors = run_at_once(8, lambda n: Client().post(url).status_code)
    assert errors == []
    assert statuses == [200] * 8
    subscription = Subscription.objects.get()
    assert subscription.status == "confirmed"


def test_concurrent_comment_confirmation_clicks_store_one_comment(article):
    set_policy(who_can_comment=WhoCanComment.ANYONE, comment_moderation=CommentModeration.NONE)
    data = form_data(article, name="Léa", email="lea@example.com")
    assert Client().post(POST_URL, data).status_code == 302
    body = mail.outbox[-1].body
    link = body[body.index("/career/comments/confirm/") :].split()[0]

    statuses, errors = run_at_once(8, lambda n: Client().post(link).status_code)
    assert errors == []
    assert all(status in (200, 302) for status in statuses), statuses
    assert comments_of(article).count() == 1


def test_eight_concurrent_replies_keep_the_thread_consistent(article):
    set_policy(comment_moderation=CommentModeration.NONE)
    root = make_comment(article, "Racine")
    make_comment(article, "Première réponse", parent=root)
    users = [make_user(f"user{n}") for n in range(8)]

    def reply(n):
        client = Client()
        client.force_login(users[n])
        data = form_data(article, comment=f"Réponse {n}", reply_to=str(root.pk))
        return client.post(POST_URL, data).status_code

    statuses, errors = run_at_once(8, reply)
    assert errors == []
    assert statuses == [302] * 8
    thread = XtdComment.objects.filter(thread_id=root.pk)
    assert thread.count() == 10
    assert not thread.values("order").annotate(n=Count("pk")).filter(n__gt=1).exists()
    assert sorted(thread.values_list("order", flat=True)) == list(range(1, 11))
    # No orphan: every row is in a thread whose root exists, at the right level.
    assert not comments_of(article).exclude(thread_id=root.pk).exists()
    assert set(thread.exclude(pk=root.pk).values_list("level", flat=True)) == {1}
    root.refresh_from_db()
    assert root.nested_count == 9


def test_the_same_comment_posted_twice_at_once_is_stored_once(article):
    set_policy(comment_moderation=CommentModeration.NONE)
    user = make_user("lea")
    data = form_data(article, comment="Deux fois le même texte")

    def post(n):
        client = Client()
        client.force_login(user)
        return client.post(POST_URL, data).status_code

    statuses, errors = run_at_once(2, post)
    assert errors == []
    assert statuses == [302, 302]
    assert comments_of(article).count() == 1
