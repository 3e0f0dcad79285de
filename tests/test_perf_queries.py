"""Query budgets: career pages cost the same number of queries at two sizes of content, and
posting a comment costs the same whatever the number of followers (mail leaves the request)."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.comments_helpers import POST_URL, form_data, make_comment, make_user, set_policy
from wagtail_career import queue

# An article page with a warm cache (the steady state): the budget.
ARTICLE_BUDGET = 15


def queries(client, url, warm):
    """Queries of one anonymous GET of ``url``; ``warm=False`` empties Django's cache first."""
    assert client.get(url).status_code == 200  # renditions made once, as on a live site
    if not warm:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def add_comments(article, count, users):
    """``count`` comments, every third a reply, signed-in and anonymous authors alternating."""
    root = None
    for number in range(count):
        user = users[number % len(users)] if number % 2 else None
        parent = root if root is not None and number % 3 == 2 else None
        comment = make_comment(article, f"Commentaire {number}", user=user, parent=parent)
        if parent is None:
            root = comment


@pytest.fixture
def users(db):
    return [make_user(f"lecteur{n}") for n in range(3)]


def test_article_queries_do_not_grow_with_comments_employers_or_authors(
    client, make_article, make_author, make_employer, make_image, users
):
    photo = make_image
    make_employer()
    for _ in range(3):  # related articles to show
        make_article(authors=[make_author()], tags=["cv"], hero_image=photo())
    small = make_article(authors=[make_author(photo=photo())], tags=["cv"], hero_image=photo())
    add_comments(small, 2, users)
    small_counts = (queries(client, small.url, False), queries(client, small.url, True))

    for _ in range(8):
        make_employer()
    authors = [make_author(photo=photo()) for _ in range(4)]
    large = make_article(authors=authors, tags=["cv", "entrevue"], hero_image=photo())
    add_comments(large, 40, users)
    large_counts = (queries(client, large.url, False), queries(client, large.url, True))

    assert small_counts == large_counts
    assert large_counts[1] <= ARTICLE_BUDGET
    html = client.get(large.url).content.decode()
    assert "40 commentaires" in html
    assert html.count('class="career-comment"') == 40


@pytest.mark.parametrize("route", ["", "authors/lea/"])
def test_index_and_author_archive_queries_do_not_grow_with_articles(
    client, career_index, make_article, make_author, make_image, users, route
):
    lea = make_author("Léa", slug="lea", photo=make_image())
    url = career_index.url + route

    def add(count):
        for number in range(count):
            article = make_article(
                authors=[lea, make_author()], tags=[f"t{number}", "cv"], hero_image=make_image()
            )
            add_comments(article, 3, users)

    add(2)
    small = (queries(client, url, False), queries(client, url, True))
    add(10)  # a full page of cards, and a second page
    large = (queries(client, url, False), queries(client, url, True))
    assert small == large
    assert client.get(url + "?page=2").status_code == 200


def test_posting_a_comment_costs_the_same_whatever_the_followers(
    client, make_article, django_capture_on_commit_callbacks, monkeypatch
):
    set_policy(comment_moderation="none")
    client.force_login(make_user("auteur"))

    def post(article):
        """The request's query count; the mail tasks it queued, then ran after the commit."""
        mail.outbox.clear()
        with (
            django_capture_on_commit_callbacks() as callbacks,
            CaptureQueriesContext(connection) as captured,
        ):
            response = client.post(POST_URL, form_data(article, comment="Bravo !"))
        assert response.status_code == 302
        assert mail.outbox == []  # nothing is sent during the request
        queued.clear()
        for callback in callbacks:
            callback()
        return len(captured), len(queued), len(mail.outbox)

    # Count the tasks the package queues (its mail leaves the request only this way).
    queued = []
    real_enqueue = queue.enqueue

    def counting_enqueue(task_, *args, **kwargs):
        queued.append(task_)
        return real_enqueue(task_, *args, **kwargs)

    monkeypatch.setattr(queue, "enqueue", counting_enqueue)

    costs = {}
    for followers in (1, 50):
        article = make_article()
        for number in range(followers):
            make_comment(article, user_email=f"suiveur{number}@example.com", followup=True)
        costs[followers] = post(article)
    # Same queries in the request, one queued task, and a mail to every follower afterwards.
    assert costs[1][0] == costs[50][0]
    assert costs[1][1] == costs[50][1] == 1
    assert (costs[1][2], costs[50][2]) == (1, 50)
