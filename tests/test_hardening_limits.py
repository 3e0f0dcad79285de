"""Rate limits (comment post, flag, signup; per address and per account), CSRF on every
state-changing endpoint but the two documented ones, and no xtd REST API."""

import pytest
from django.test import Client

from tests.comments_helpers import POST_URL, comments_of, form_data, make_comment, make_user
from tests.newsletter_utils import SIGNUP_URL, signup_data
from wagtail_career.conf import DEFAULTS
from wagtail_career.newsletter.models import Subscription


@pytest.mark.parametrize("scope", ["COMMENTS", "COMMENTS_FLAG", "NEWSLETTER"])
def test_defaults_are_no_looser_than_ten_a_minute(scope):
    assert DEFAULTS[f"{scope}_RATE_LIMIT"] / DEFAULTS[f"{scope}_RATE_PERIOD"] <= 10 / 60


def test_comment_posts_are_limited_per_address_with_the_text_kept(client, article, settings):
    settings.WAGTAIL_CAREER_COMMENTS_RATE_LIMIT = 2
    client.force_login(make_user("lea"))
    for n in range(2):
        assert client.post(POST_URL, form_data(article, comment=f"Texte {n}")).status_code == 302
    response = client.post(POST_URL, form_data(article, comment="Mon <b>texte</b> gardé"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Trop de commentaires à la fois" in html
    assert "Mon &lt;b&gt;texte&lt;/b&gt; gardé</textarea>" in html
    assert '<html lang="fr">' in html  # inside the site's layout
    assert comments_of(article).count() == 2
    # Another address, same account: still limited (per account).
    other = client.post(POST_URL, form_data(article, comment="x"), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 429
    # Another account from another address is not.
    client.force_login(make_user("noe"))
    assert client.post(POST_URL, form_data(article), REMOTE_ADDR="10.0.0.9").status_code == 302


def test_anonymous_comment_posts_are_limited_per_typed_address(client, article, settings):
    from tests.comments_helpers import set_policy
    from wagtail_career.comments.models import WhoCanComment

    set_policy(who_can_comment=WhoCanComment.ANYONE)
    settings.WAGTAIL_CAREER_COMMENTS_RATE_LIMIT = 1
    data = form_data(article, name="Léa", email="lea@example.com")
    assert client.post(POST_URL, data, REMOTE_ADDR="10.0.0.1").status_code == 302
    response = client.post(POST_URL, data, REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 429
    assert 'value="lea@example.com"' in response.content.decode()
    response = Client(HTTP_ACCEPT_LANGUAGE="en").post(
        "/en" + POST_URL, data, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 429
    assert "Too many comments at once" in response.content.decode()


def test_flags_are_limited(client, article, settings):
    from django_comments.models import CommentFlag

    settings.WAGTAIL_CAREER_COMMENTS_FLAG_RATE_LIMIT = 2
    comments = [make_comment(article, f"Commentaire {n}") for n in range(3)]
    client.force_login(make_user("lea"))
    for comment in comments[:2]:
        assert client.post(f"/career/comments/{comment.pk}/flag/").status_code == 302
    response = client.post(f"/career/comments/{comments[2].pk}/flag/")
    assert response.status_code == 429
    assert "Trop de signalements à la fois" in response.content.decode()
    assert CommentFlag.objects.count() == 2


def test_signups_are_limited_per_typed_address_too(client, article, settings):
    settings.WAGTAIL_CAREER_NEWSLETTER_RATE_LIMIT = 2
    for n in range(2):
        client.post(SIGNUP_URL, signup_data(), REMOTE_ADDR=f"10.0.1.{n}")
    response = client.post(SIGNUP_URL, signup_data(), REMOTE_ADDR="10.0.1.99")
    assert response.status_code == 429
    assert 'value="lea@example.com"' in response.content.decode()
    assert Subscription.objects.count() == 1


def test_proxy_header_setting_counts_the_real_client(client, article, settings):
    settings.WAGTAIL_CAREER_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.WAGTAIL_CAREER_NEWSLETTER_RATE_LIMIT = 1
    post = lambda email, forwarded: client.post(  # noqa: E731
        SIGNUP_URL, signup_data(email=email), HTTP_X_FORWARDED_FOR=forwarded
    )
    assert post("a@example.com", "1.1.1.1, 203.0.113.5").status_code == 200
    assert post("b@example.com", "9.9.9.9, 203.0.113.5").status_code == 429  # spoofed first part
    assert post("c@example.com", "203.0.113.6").status_code == 200
    assert post("d@example.com", "not-an-ip").status_code == 200  # no 500, shared bucket


def test_rate_limits_live_in_the_django_cache(client, article, settings):
    # Their own alias (WAGTAIL_CAREER_RATE_LIMIT_CACHE_ALIAS), defined in tests/settings.py.
    from wagtail_career.cache import rate_limit_cache

    settings.WAGTAIL_CAREER_NEWSLETTER_RATE_LIMIT = 1
    client.post(SIGNUP_URL, signup_data())
    assert client.post(SIGNUP_URL, signup_data(email="b@example.com")).status_code == 429
    rate_limit_cache().clear()
    assert client.post(SIGNUP_URL, signup_data(email="c@example.com")).status_code == 200


def test_csrf_is_enforced_on_every_state_changing_endpoint(
    article, django_capture_on_commit_callbacks
):
    from django.core import mail

    from wagtail_career.comments.tokens import mute_token

    user = make_user("lea")
    comment = make_comment(article, "Commentaire")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        browser.post(SIGNUP_URL, signup_data())  # documented exception: no token needed
    confirm = mail.outbox[-1].body.split("/career/newsletter/confirm/")[1].split()[0]
    for url in [
        POST_URL,
        f"/career/comments/{comment.pk}/flag/",
        f"/career/comments/mute/{mute_token(article.pk, 'lea@example.com')}/",
        f"/career/newsletter/confirm/{confirm}",
        "/admin/django_comments_xtd/xtdcomment/moderate/",
    ]:
        assert browser.post(url, form_data(article)).status_code == 403, url
    assert comments_of(article).count() == 1
    assert Subscription.objects.get().status == "pending"


def test_xtd_rest_api_and_views_are_not_reachable(client, article):
    for url in [
        "/comments/api/comment/",
        "/career/comments/api/comment/",
        "/comments/post/",
        "/career/comments/api/feedback/",
        "/comments/api/flag/",
    ]:
        assert client.post(url, {"comment": "x"}).status_code == 404, url
    assert not comments_of(article).exists()
