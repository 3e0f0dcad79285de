"""A visitor signs up: the form, the same answer for every state, bad input, cacheability."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import Site

from tests.newsletter_utils import SIGNUP_URL, THANKS_FR, post_signup, signup_data
from tests.testapp.models import FeatureArticlePage
from wagtail_career.newsletter.forms import consent_text
from wagtail_career.newsletter.models import NewsletterSettings, Subscription

DEFAULT_HEADING_FR = escape(
    "Recevez les derniers articles Carrière et offres d'emplois directement dans votre "
    "boîte de réception!"
)


def test_article_sidebar_shows_the_form_with_french_defaults(client, article):
    response = client.get(article.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert DEFAULT_HEADING_FR in html
    assert 'action="/career/newsletter/"' in html
    assert 'type="checkbox" name="consent"' in html
    assert "checked" not in html.split('name="consent"')[1].split(">")[0]
    # The consent text (tests/test_newsletter_sections.py: purpose, sender, right to
    # unsubscribe) in the visitor's language.
    assert escape(consent_text(Site.objects.get())) in html
    assert 'name="homepage"' in html
    assert "wagtail_career/js/newsletter.js" in html


def test_article_page_stays_cacheable(client, article):
    response = client.get(article.url)
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert "cookie" not in response.headers.get("Vary", "").lower()
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_english_page_uses_english_defaults(client, article):
    response = client.get("/en" + article.url)
    html = response.content.decode()
    assert "Get the latest Career articles and job offers straight to your inbox!" in html
    assert 'action="/en/career/newsletter/"' in html


def test_site_settings_override_the_texts(client, article):
    site = Site.objects.get(is_default_site=True)
    NewsletterSettings.objects.create(
        site=site,
        newsletter_heading="Restez au courant",
        newsletter_text="Nos meilleurs conseils.",
        newsletter_button_label="Je m’inscris",
    )
    html = client.get(article.url).content.decode()
    assert "Restez au courant" in html
    assert "Nos meilleurs conseils." in html
    assert "Je m’inscris" in html
    assert DEFAULT_HEADING_FR not in html


def test_streamfield_block_renders_its_own_texts_with_distinct_ids(client, make_article):
    page = make_article(
        body=[
            ("newsletter", {"heading": "Infolettre du bloc", "text": "", "button_label": ""}),
        ],
        page_model=FeatureArticlePage,
    )
    html = client.get(page.url).content.decode()
    assert "Infolettre du bloc" in html  # the block
    assert DEFAULT_HEADING_FR in html  # the sidebar
    assert 'id="career-newsletter-1-email"' in html
    assert 'id="career-newsletter-2-email"' in html


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_signup_boxes_add_no_query_per_box(client, make_article):
    block = ("newsletter", {"heading": "", "text": "", "button_label": ""})
    one = make_article(body=[block], page_model=FeatureArticlePage)
    five = make_article(body=[block] * 5, page_model=FeatureArticlePage)
    # Warm the site-root cache and each article's cached parts (related articles, comments).
    _count_queries(client, one.url)
    _count_queries(client, five.url)
    assert _count_queries(client, one.url) == _count_queries(client, five.url)


def test_new_signup_is_pending_with_consent_record_and_mail(
    client, article, django_capture_on_commit_callbacks
):
    response = post_signup(client, django_capture_on_commit_callbacks, email="Lea@Example.COM")
    assert response.status_code == 200
    assert THANKS_FR in response.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.email == "Lea@example.com"
    assert subscription.status == Subscription.Status.PENDING
    assert subscription.language == "fr"
    # Posted without the sections' checkboxes (a page cached before they existed): the
    # sentence seen, which names everything the site sends, and everything is chosen.
    assert subscription.consent_text == consent_text(Site.objects.get())
    assert subscription.sections == ["articles", "job_offers"]
    assert subscription.consent_url == "/carriere/article/"
    assert subscription.consent_given_at is not None
    assert subscription.ip_address is None  # not stored unless the setting says so
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["Lea@example.com"]
    assert "/career/newsletter/confirm/" in mail.outbox[0].body


def test_ip_is_stored_when_the_setting_says_so(
    client, article, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAIL_CAREER_NEWSLETTER_STORE_IP = True
    post_signup(client, django_capture_on_commit_callbacks)
    assert Subscription.objects.get().ip_address == "127.0.0.1"


def test_english_signup_records_english(client, article, django_capture_on_commit_callbacks):
    response = post_signup(client, django_capture_on_commit_callbacks, url="/en" + SIGNUP_URL)
    assert "Thank you!" in response.content.decode()
    assert Subscription.objects.get().language == "en"
    assert "Confirm your subscription" in mail.outbox[0].subject


def test_same_answer_whatever_the_state(client, article, django_capture_on_commit_callbacks):
    new = post_signup(client, django_capture_on_commit_callbacks, email="a@example.com")
    pending = post_signup(client, django_capture_on_commit_callbacks, email="a@example.com")
    Subscription.objects.filter(email="a@example.com").update(status="confirmed")
    confirmed = post_signup(client, django_capture_on_commit_callbacks, email="A@example.com")
    Subscription.objects.create(
        site=Site.objects.get(),
        email="gone@example.com",
        status="unsubscribed",
        language="fr",
        consent_text="…",
        consent_given_at="2025-01-01T00:00Z",
    )
    unsubscribed = post_signup(client, django_capture_on_commit_callbacks, email="gone@example.com")

    def body(response):
        return (
            response.content.decode()
            .replace("a@example.com", "")
            .replace("A@example.com", "")
            .replace("gone@example.com", "")
        )

    assert {r.status_code for r in (new, pending, confirmed, unsubscribed)} == {200}
    assert body(new) == body(pending) == body(confirmed) == body(unsubscribed)
    assert Subscription.objects.filter(email__iexact="a@example.com").count() == 1


def test_pending_gets_a_new_mail_at_most_once_per_interval(
    client, article, django_capture_on_commit_callbacks
):
    post_signup(client, django_capture_on_commit_callbacks)
    post_signup(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    Subscription.objects.update(confirmation_sent_at="2020-01-01T00:00Z")
    post_signup(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_confirmed_address_gets_no_mail(client, article, django_capture_on_commit_callbacks):
    post_signup(client, django_capture_on_commit_callbacks)
    Subscription.objects.update(status="confirmed", confirmation_sent_at="2020-01-01T00:00Z")
    post_signup(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    assert Subscription.objects.get().status == "confirmed"


def test_unsubscribed_address_starts_over_with_new_consent(
    client, article, django_capture_on_commit_callbacks
):
    subscription = Subscription.objects.create(
        site=Site.objects.get(),
        email="lea@example.com",
        status="unsubscribed",
        language="en",
        consent_text="old",
        consent_given_at="2025-01-01T00:00Z",
        confirmed_at="2025-01-02T00:00Z",
        unsubscribed_at="2025-02-01T00:00Z",
    )
    post_signup(client, django_capture_on_commit_callbacks)
    subscription.refresh_from_db()
    assert subscription.status == "pending"
    assert subscription.confirmed_at is None
    assert subscription.language == "fr"
    assert subscription.consent_text == consent_text(Site.objects.get())
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"email": "pas-une-adresse"},
            "email",
            "Saisissez une adresse courriel valide, comme nom@exemple.com.",
        ),
        ({"email": ""}, "email", "Saisissez votre adresse courriel."),
        ({"consent": False}, "consent", "Cochez cette case pour donner votre consentement."),
    ],
)
def test_invalid_input_keeps_the_address_and_shows_the_error_by_the_field(
    client, article, django_capture_on_commit_callbacks, data, field, message
):
    response = post_signup(client, django_capture_on_commit_callbacks, **data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert f'id="career-newsletter-1-{field}-error"' in html
    assert f'aria-describedby="career-newsletter-1-{field}-error"' in html
    if data.get("email", "lea@example.com"):
        assert f'value="{data.get("email", "lea@example.com")}"' in html
    assert "{% extends" not in html and "<main" in html  # inside the site layout
    assert not Subscription.objects.exists()
    assert not mail.outbox


def test_user_content_is_escaped(client, article, django_capture_on_commit_callbacks):
    response = post_signup(
        client, django_capture_on_commit_callbacks, email='"><script>alert(1)</script>'
    )
    assert response.status_code == 400
    assert "<script>alert(1)" not in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"email": "x" * 5000 + "@example.com", "consent": "on"},
        {"email": "a@b", "consent": "on", "source": "//evil.example/"},
        {"email": "\x00@example.com", "consent": "on"},
        {"email": ["a@example.com", "b@example.com"], "consent": "on", "box": "9999999"},
    ],
)
def test_no_500_for_any_input(client, article, data):
    response = client.post(SIGNUP_URL, data)
    assert response.status_code in (200, 400)


def test_outside_source_is_not_recorded(client, article, django_capture_on_commit_callbacks):
    post_signup(client, django_capture_on_commit_callbacks, source="https://evil.example/")
    assert Subscription.objects.get().consent_url == ""


def test_honeypot_gets_the_same_answer_and_records_nothing(
    client, article, django_capture_on_commit_callbacks
):
    response = post_signup(client, django_capture_on_commit_callbacks, homepage="http://spam")
    assert THANKS_FR in response.content.decode()
    assert not Subscription.objects.exists()
    assert not mail.outbox


def test_signup_needs_no_csrf_cookie_and_sets_none(article, django_capture_on_commit_callbacks):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = post_signup(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert not response.cookies
    assert Subscription.objects.count() == 1


def test_rate_limit_per_client_address(client, article, settings):
    settings.WAGTAIL_CAREER_NEWSLETTER_RATE_LIMIT = 3
    statuses = [
        client.post(SIGNUP_URL, signup_data(email=f"p{n}@example.com")).status_code
        for n in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]
    limited = client.post(SIGNUP_URL, signup_data(email="kept@example.com"))
    assert "Trop de demandes" in limited.content.decode()
    assert 'value="kept@example.com"' in limited.content.decode()
    # Another address has its own budget.
    other = client.post(SIGNUP_URL, signup_data(), REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200
    assert Subscription.objects.count() == 4


def test_rate_limit_default_is_no_looser_than_ten_a_minute(client, article):
    statuses = [
        client.post(SIGNUP_URL, signup_data(email=f"p{n}@example.com")).status_code
        for n in range(11)
    ]
    assert statuses.count(200) <= 10
    assert statuses[-1] == 429


def test_forwarded_for_uses_the_proxy_appended_entry(client, article, settings):
    settings.WAGTAIL_CAREER_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.WAGTAIL_CAREER_NEWSLETTER_RATE_LIMIT = 1
    spoofed = [
        client.post(
            SIGNUP_URL, signup_data(), HTTP_X_FORWARDED_FOR=f"1.1.1.{n}, 203.0.113.7"
        ).status_code
        for n in range(3)
    ]
    assert spoofed == [200, 429, 429]


def test_javascript_request_gets_an_inline_answer(
    client, article, django_capture_on_commit_callbacks
):
    headers = {"Accept": "application/json"}
    response = post_signup(client, django_capture_on_commit_callbacks, headers=headers)
    assert response.status_code == 200
    assert response.json()["ok"] is True
    assert THANKS_FR in response.json()["html"]
    assert "<html" not in response.json()["html"]

    invalid = post_signup(
        client, django_capture_on_commit_callbacks, headers=headers, email="nope", box="2"
    )
    assert invalid.status_code == 400
    assert invalid.json()["ok"] is False
    assert 'id="career-newsletter-2-email-error"' in invalid.json()["html"]
    assert 'value="nope"' in invalid.json()["html"]


def test_get_shows_the_form_on_its_own_page(client, article):
    response = client.get(SIGNUP_URL)
    assert response.status_code == 200
    assert DEFAULT_HEADING_FR in response.content.decode()
    assert 'name="email"' in response.content.decode()
