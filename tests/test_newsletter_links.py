"""Confirmation and unsubscribe links: GET asks, POST acts, replays and forgeries are clear."""

import time

from django.core import mail
from django.test import Client

from tests.newsletter_utils import link_in, post_signup
from wagtail_career.newsletter.models import Subscription
from wagtail_career.newsletter.tokens import make_unsubscribe_token


def _signed_up(client, capture, **data):
    post_signup(client, capture, **data)
    return link_in(mail.outbox[-1].body, "confirm")


def test_get_changes_nothing_and_post_confirms(client, article, django_capture_on_commit_callbacks):
    link = _signed_up(client, django_capture_on_commit_callbacks)
    page = client.get(link)
    assert page.status_code == 200
    assert "Confirmer mon abonnement" in page.content.decode()
    assert Subscription.objects.get().status == "pending"

    browser = Client(enforce_csrf_checks=True)
    assert browser.post(link).status_code == 403  # the page's form carries a CSRF token
    assert Subscription.objects.get().status == "pending"
    token = browser.get(link).context["csrf_token"]
    done = browser.post(link, {"csrfmiddlewaretoken": str(token)})
    assert done.status_code == 200
    assert "Abonnement confirmé" in done.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.status == "confirmed"
    assert subscription.confirmed_at is not None

    replay = client.post(link)
    assert "Abonnement déjà confirmé" in replay.content.decode()
    assert Subscription.objects.get().confirmed_at == subscription.confirmed_at


def test_expired_link_confirms_nothing(
    client, article, settings, django_capture_on_commit_callbacks
):
    link = _signed_up(client, django_capture_on_commit_callbacks)
    settings.WAGTAIL_CAREER_NEWSLETTER_CONFIRM_MAX_AGE = -1
    response = client.post(link)
    assert response.status_code == 410
    assert "Lien expiré" in response.content.decode()
    assert Subscription.objects.get().status == "pending"


def test_link_is_valid_for_seven_days_by_default(
    client, article, monkeypatch, django_capture_on_commit_callbacks
):
    link = _signed_up(client, django_capture_on_commit_callbacks)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 6.9 * 86400)
    assert client.get(link).status_code == 200
    monkeypatch.setattr(time, "time", lambda: now + 7.1 * 86400)
    assert client.get(link).status_code == 410


def test_tampered_link_is_invalid(client, article, django_capture_on_commit_callbacks):
    link = _signed_up(client, django_capture_on_commit_callbacks)
    for bad in (
        link[:-3] + "aa/",
        link.replace("/confirm/", "/confirm/9"),
        "/career/newsletter/confirm/x/",
    ):
        response = client.post(bad)
        assert response.status_code == 404
        assert "Lien invalide" in response.content.decode()
    assert Subscription.objects.get().status == "pending"


def test_link_from_before_an_unsubscribe_cannot_resubscribe(
    client, article, django_capture_on_commit_callbacks
):
    link = _signed_up(client, django_capture_on_commit_callbacks)
    client.post(link)
    subscription = Subscription.objects.get()
    client.post(f"/career/newsletter/unsubscribe/{make_unsubscribe_token(subscription)}/")
    response = client.post(link)
    assert "Lien déjà utilisé" in response.content.decode()
    assert Subscription.objects.get().status == "unsubscribed"
    # Signing up again sends a new link; the old one still confirms nothing.
    Subscription.objects.update(confirmation_sent_at=None)
    new_link = _signed_up(client, django_capture_on_commit_callbacks)
    assert client.post(link).status_code == 404
    client.post(new_link)
    assert Subscription.objects.get().status == "confirmed"


def test_unsubscribe_get_asks_and_post_unsubscribes(
    client, article, django_capture_on_commit_callbacks
):
    client.post(_signed_up(client, django_capture_on_commit_callbacks))
    subscription = Subscription.objects.get()
    url = f"/career/newsletter/unsubscribe/{make_unsubscribe_token(subscription)}/"
    page = client.get(url)
    assert "Se désabonner" in page.content.decode()
    assert Subscription.objects.get().status == "confirmed"

    done = Client(enforce_csrf_checks=True).post(url)
    assert done.status_code == 200
    assert "Vous êtes désabonné" in done.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.status == "unsubscribed"
    assert subscription.unsubscribed_at is not None
    again = client.post(url)
    assert again.status_code == 200
    assert Subscription.objects.get().unsubscribed_at == subscription.unsubscribed_at


def test_one_click_unsubscribe_post(client, article, django_capture_on_commit_callbacks):
    client.post(_signed_up(client, django_capture_on_commit_callbacks))
    subscription = Subscription.objects.get()
    url = f"/en/career/newsletter/unsubscribe/{make_unsubscribe_token(subscription)}/"
    response = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert Subscription.objects.get().status == "unsubscribed"


def test_forged_unsubscribe_token_is_refused(client, article, django_capture_on_commit_callbacks):
    client.post(_signed_up(client, django_capture_on_commit_callbacks))
    subscription = Subscription.objects.get()
    response = client.post(f"/career/newsletter/unsubscribe/{subscription.pk}-{'0' * 32}/")
    assert response.status_code == 404
    assert "Lien invalide" in response.content.decode()
    assert Subscription.objects.get().status == "confirmed"


def test_link_pages_set_no_session_cookie(client, article, django_capture_on_commit_callbacks):
    """The confirm page sets the CSRF cookie its form needs, nothing else; the unsubscribe
    page (RFC 8058 one-click target) sets none."""
    link = _signed_up(client, django_capture_on_commit_callbacks)
    assert set(client.get(link).cookies) == {"csrftoken"}
    assert not client.post(link).cookies
    subscription = Subscription.objects.get()
    url = f"/career/newsletter/unsubscribe/{make_unsubscribe_token(subscription)}/"
    assert not Client().get(url).cookies
