"""Any mail provider: mail leaves through Django's backends (an anymail ESP backend works
unchanged), anymail's tracking events suppress bounced, complaining and unsubscribed
addresses, unsubscribe links must be HTTPS (check W046), and comment follow-up mail has
one-click List-Unsubscribe headers."""

import ast
import base64
import io
import json
import pathlib

import pytest
from anymail.signals import AnymailTrackingEvent, tracking
from anymail.webhooks.postmark import PostmarkTrackingWebhookView
from django.core import mail
from django.core.checks import run_checks
from django.core.management import call_command
from django.test import Client
from django.urls import include, path
from django.utils import timezone
from wagtail.models import Site

import wagtail_career
from tests.comments_helpers import POST_URL, comments_of, form_data, make_comment, make_user
from tests.comments_helpers import set_policy as set_comment_policy
from tests.newsletter_utils import confirmed_subscriber
from tests.smtp import SMTPServer, use_smtp
from wagtail_career import outbox
from wagtail_career.comments.models import CommentModeration
from wagtail_career.models import OutgoingMail
from wagtail_career.newsletter import webhooks
from wagtail_career.newsletter.checks import check_https_links
from wagtail_career.newsletter.models import ConsentRecord, Subscription, Suppression
from wagtail_career.newsletter.privacy import confirm, is_suppressed

# A URLconf with anymail's webhooks, as a site wires them (pytest.mark.urls below).
urlpatterns = [
    path("anymail/", include("anymail.urls")),
    path("career/", include("wagtail_career.urls")),
]

ANYMAIL_BACKEND = "anymail.backends.test.EmailBackend"


def _event(event_type, recipient="lea@example.com", **fields):
    return AnymailTrackingEvent(
        event_type=event_type, recipient=recipient, timestamp=timezone.now(), **fields
    )


def _send(event, esp_name="Postmark"):
    """What anymail's webhook view does once it has checked the provider's signature."""
    tracking.send(sender=PostmarkTrackingWebhookView, event=event, esp_name=esp_name)


@pytest.fixture
def smtp(settings):
    with SMTPServer() as server:
        use_smtp(settings, server.port, timeout=5)
        settings.DEFAULT_FROM_EMAIL = "carriere@example.com"
        yield server.mailbox


# -- Mail leaves through Django's backends ---------------------------------------------------


def test_nothing_in_the_package_sends_mail_around_djangos_backends():
    """Mail is sent only by the outbox, with get_connection(): whatever EMAIL_BACKEND is."""
    forbidden_names = {"send_mail", "send_mass_mail", "mail_admins", "mail_managers"}
    offenders = []
    root = pathlib.Path(wagtail_career.__file__).parent
    for source in root.rglob("*.py"):
        tree = ast.parse(source.read_text(), str(source))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "django.core.mail":
                offenders += [
                    f"{source}: {alias.name}"
                    for alias in node.names
                    if alias.name in forbidden_names
                ]
            if isinstance(node, ast.Attribute) and node.attr in {"SMTP", "SMTP_SSL", "LMTP"}:
                offenders.append(f"{source}: smtplib.{node.attr}")
            named = isinstance(node, ast.Name) and node.id == "get_connection"
            if named and source.name != "outbox.py":
                offenders.append(f"{source}: get_connection")
    assert offenders == []


def test_an_anymail_backend_sends_the_digest_unchanged(settings, make_article):
    settings.EMAIL_BACKEND = ANYMAIL_BACKEND
    settings.DEFAULT_FROM_EMAIL = "carriere@example.com"
    confirmed_subscriber("lea@example.com")
    make_article(title="Négocier son salaire")
    call_command("send_career_digest", stdout=io.StringIO())
    assert OutgoingMail.objects.get(kind="digest").status == "sent"
    [message] = mail.outbox
    assert message.anymail_status.status == {"sent"}  # it went through anymail
    params = message.anymail_test_params
    assert params["to"][0].addr_spec == "lea@example.com"
    assert params["extra_headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert params["extra_headers"]["List-Unsubscribe"].startswith("<http")
    assert "Négocier son salaire" in params["text_body"]
    assert "Négocier son salaire" in params["html_body"]


# -- Tracking events suppress --------------------------------------------------------------


def test_the_receiver_is_connected_to_anymails_tracking_signal():
    try:
        assert tracking.disconnect(dispatch_uid=webhooks.DISPATCH_UID)  # it was connected
    finally:
        assert webhooks.connect()


def test_a_hard_bounce_suppresses_the_address_and_the_digest_never_mails_it(settings, make_article):
    settings.EMAIL_BACKEND = ANYMAIL_BACKEND
    bounced = confirmed_subscriber("lea@example.com")
    other = confirmed_subscriber("sam@example.com")
    _send(_event("bounced", recipient="Lea@Example.COM", reject_reason="bounced"))

    bounced.refresh_from_db()
    assert bounced.status == "unsubscribed" and bounced.unsubscribed_at is not None
    assert is_suppressed("lea@example.com")
    assert Suppression.objects.get().reason == Suppression.Reason.BOUNCE
    record = ConsentRecord.objects.get(subscription=bounced)
    assert (record.kind, record.method) == ("withdrawal", "suppression")
    assert "Postmark bounced (bounced)" in record.note
    other.refresh_from_db()
    assert other.status == "confirmed" and not is_suppressed("sam@example.com")

    make_article(title="Un article")
    call_command("send_career_digest", stdout=io.StringIO())
    assert [message.to for message in mail.outbox] == [["sam@example.com"]]

    # The provider sends the event again: nothing changes twice.
    _send(_event("bounced", reject_reason="bounced"))
    assert ConsentRecord.objects.filter(subscription=bounced).count() == 1
    assert Suppression.objects.count() == 1


def test_digest_mail_still_waiting_for_a_suppressed_address_is_not_sent(
    settings, make_article, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = ANYMAIL_BACKEND
    confirmed_subscriber("lea@example.com")
    make_article(title="Un article")
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # a run whose mail cannot leave
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_TIMEOUT = 1
    call_command("send_career_digest", stdout=io.StringIO())
    waiting = OutgoingMail.objects.get(kind="digest")
    assert waiting.status == "pending"

    _send(_event("complained"))
    waiting.refresh_from_db()
    assert waiting.status == "failed" and "suppression list" in waiting.last_error
    settings.EMAIL_BACKEND = ANYMAIL_BACKEND
    outbox.deliver_due()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("event_type", "reject_reason", "esp_event", "reason"),
    [
        ("bounced", None, None, Suppression.Reason.BOUNCE),
        ("bounced", "invalid", None, Suppression.Reason.BOUNCE),
        ("complained", None, None, Suppression.Reason.COMPLAINT),
        ("complained", "spam", None, Suppression.Reason.COMPLAINT),
        ("unsubscribed", None, None, Suppression.Reason.UNSUBSCRIBE),
        ("rejected", "invalid", None, Suppression.Reason.BOUNCE),
        ("rejected", "bounced", None, Suppression.Reason.BOUNCE),
        ("rejected", "spam", None, Suppression.Reason.COMPLAINT),
        ("rejected", "unsubscribed", None, Suppression.Reason.UNSUBSCRIBE),
        # Nothing lasting about the address:
        ("rejected", "blocked", None, None),
        ("rejected", "timed_out", None, None),
        ("rejected", "other", None, None),
        ("rejected", None, None, None),
        ("bounced", "other", None, None),
        ("bounced", "bounced", {"RecordType": "Bounce", "Type": "SoftBounce"}, None),
        ("bounced", "bounced", {"event": "soft_bounce"}, None),
        ("bounced", "bounced", {"event": "bounce", "hard_bounce": False}, None),
        ("deferred", None, None, None),
        ("delivered", None, None, None),
        ("opened", None, None, None),
        ("clicked", None, None, None),
        ("failed", None, None, None),
    ],
)
def test_which_events_suppress(db, event_type, reject_reason, esp_event, reason):
    subscription = confirmed_subscriber("lea@example.com")
    _send(_event(event_type, reject_reason=reject_reason, esp_event=esp_event))
    subscription.refresh_from_db()
    if reason is None:
        assert not Suppression.objects.exists()
        assert subscription.status == "confirmed"
    else:
        assert Suppression.objects.get().reason == reason
        assert subscription.status == "unsubscribed"


def test_an_event_without_recipient_changes_nothing(db):
    confirmed_subscriber("lea@example.com")
    _send(_event("bounced", recipient=None))
    _send(_event("bounced", recipient="  "))
    assert not Suppression.objects.exists()


def test_a_new_confirmed_signup_lifts_a_bounce(db):
    _send(_event("bounced", recipient="new@example.com"))
    assert is_suppressed("new@example.com")  # suppressed before ever subscribing
    pending = Subscription.objects.create(
        site=Site.objects.get(),
        email="new@example.com",
        language="fr",
        consent_text="…",
        consent_given_at=timezone.now(),
    )
    assert confirm(pending)
    assert not is_suppressed("new@example.com")


@pytest.mark.urls("tests.test_providers")
def test_a_real_postmark_webhook_call_suppresses(client, settings, db):
    """The full path: the provider POSTs to anymail's webhook URL, with its basic auth."""
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:s3cret"}
    subscription = confirmed_subscriber("lea@example.com")
    body = {
        "RecordType": "Bounce",
        "Type": "HardBounce",
        "Email": "lea@example.com",
        "BouncedAt": "2026-03-02T10:00:00Z",
        "ID": 42,
        "MessageID": "00000000-0000-0000-0000-000000000000",
    }
    auth = "Basic " + base64.b64encode(b"hook:s3cret").decode()
    refused = client.post(
        "/anymail/postmark/tracking/", json.dumps(body), content_type="application/json"
    )
    assert refused.status_code == 400  # no basic auth: anymail refuses, nothing changes
    assert not is_suppressed("lea@example.com")
    response = client.post(
        "/anymail/postmark/tracking/",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": auth},
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed" and is_suppressed("lea@example.com")


# -- HTTPS for unsubscribe links (W046) ----------------------------------------------------


def test_w046_warns_when_a_sites_links_are_not_https(db, settings):
    settings.DEBUG = False
    site = Site.objects.get()
    site.port = 80
    site.save()
    [message] = check_https_links(databases=["default"])
    assert message.id == "wagtail_career.W046" and message.obj == site
    assert "http://" in message.msg and "443" in message.hint
    # A database check: run by migrate and check --database default only.
    assert "wagtail_career.W046" in {m.id for m in run_checks(databases=["default"])}
    assert "wagtail_career.W046" not in {m.id for m in run_checks()}

    site.port = 8000
    site.save()
    assert [m.id for m in check_https_links(databases=["default"])] == ["wagtail_career.W046"]

    site.port = 443
    site.save()
    assert check_https_links(databases=["default"]) == []
    settings.DEBUG = True
    site.port = 80
    site.save()
    assert check_https_links(databases=["default"]) == []  # development


def test_w046_names_each_site_without_https(db, settings):
    settings.DEBUG = False
    default = Site.objects.get()
    default.port = 443
    default.save()
    other = Site.objects.create(hostname="autre.example", port=80, root_page=default.root_page)
    assert [m.obj for m in check_https_links(databases=["default"])] == [other]


# -- Comment follow-up mail: List-Unsubscribe ----------------------------------------------


def test_comment_follow_up_mail_has_one_click_list_unsubscribe(
    client, article, smtp, django_capture_on_commit_callbacks
):
    site = Site.objects.get()
    site.port = 443
    site.save()
    set_comment_policy(comment_moderation=CommentModeration.NONE)
    make_comment(article, "Je suis", user_email="suivi@example.com", followup=True)
    client.force_login(make_user("lea"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(POST_URL, form_data(article, comment="Nouveau"))

    row = OutgoingMail.objects.get(kind="comment-followers")
    assert row.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    received = smtp.wait_for("suivi@example.com", "Réussir son entrevue vidéo")
    header = str(received["List-Unsubscribe"]).strip()  # folded: it is long
    assert header == row.headers["List-Unsubscribe"]
    assert header.startswith("<https://localhost/career/comments/mute/") and header.endswith(
        "/one-click/>"
    )
    assert str(received["List-Unsubscribe-Post"]).strip() == "List-Unsubscribe=One-Click"
    url = header.strip("<>").removeprefix("https://localhost")

    # What a mail client does: one POST, no cookie, no CSRF token.
    mail_client = Client(enforce_csrf_checks=True)
    assert mail_client.post(url, {}).status_code == 400  # not a one-click request
    assert comments_of(article).get(user_email="suivi@example.com").followup
    opened = mail_client.get(url)  # a client that opens the link gets the mute page
    assert opened.status_code == 302 and opened["Location"] == url.removesuffix("one-click/")
    done = mail_client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert done.status_code == 200
    assert not comments_of(article).get(user_email="suivi@example.com").followup
    forged = "/career/comments/mute/forged-token/one-click/"
    assert (
        mail_client.post(
            forged, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        ).status_code
        == 400
    )
    # The page's own button still needs its CSRF token.
    assert mail_client.post(url.removesuffix("one-click/")).status_code == 403
