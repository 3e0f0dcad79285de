"""Real mail through a real SMTP server on loopback: double opt-in, digest, failures."""

import io
import logging

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from tests.newsletter_utils import THANKS_FR, confirmed_subscriber, link_in, post_signup
from tests.smtp import SMTPServer, free_port, use_smtp
from wagtail_career.models import OutgoingMail
from wagtail_career.newsletter.models import NewsletterDelivery, Subscription
from wagtail_career.newsletter.tasks import send_career_digest


def _deliver_due():
    call_command("deliver_career_mail", stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def smtp(settings):
    with SMTPServer() as server:
        use_smtp(settings, server.port, timeout=5)
        settings.DEFAULT_FROM_EMAIL = "carriere@example.com"
        yield server.mailbox


@pytest.fixture
def smtp_down(settings):
    use_smtp(settings, free_port(), timeout=2)  # nothing listens there


def test_how_it_will_be_checked(
    client, smtp, make_article, career_index, django_capture_on_commit_callbacks
):
    old = make_article(title="Article d’avant")
    # Signup → mail received on the loopback server.
    answer_new = post_signup(client, django_capture_on_commit_callbacks, email="lea@example.com")
    assert THANKS_FR in answer_new.content.decode()
    assert len(smtp.messages) == 1
    confirmation = smtp.messages[0]
    assert confirmation["To"] == "lea@example.com"
    link = link_in(smtp.body(confirmation), "confirm")
    assert link in smtp.body(confirmation, "html")
    # GET of the link changes nothing; POST confirms.
    client.get(link)
    assert Subscription.objects.get().status == "pending"
    client.post(link)
    assert Subscription.objects.get().status == "confirmed"
    # Same answer for an already-confirmed address (and no mail).
    answer_confirmed = post_signup(
        client, django_capture_on_commit_callbacks, email="lea@example.com"
    )
    assert answer_confirmed.content == answer_new.content
    assert len(smtp.messages) == 1

    new = make_article(title="Négocier son salaire & ses avantages")
    call_command("send_career_digest", stdout=io.StringIO())
    assert len(smtp.messages) == 2
    digest = smtp.messages[1]
    text, html = smtp.body(digest), smtp.body(digest, "html")
    assert "Négocier son salaire & ses avantages" in text
    assert "Négocier son salaire &amp; ses avantages" in html
    assert new.get_full_url() in text and new.get_full_url() in html
    assert old.title not in text  # published before the confirmation
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = digest["List-Unsubscribe"].strip("<>")
    assert unsubscribe.split("localhost", 1)[1] in text

    # A second run sends nothing.
    call_command("send_career_digest", stdout=io.StringIO())
    assert len(smtp.messages) == 2

    # The unsubscribe link works without login.
    client.logout()
    assert client.post(unsubscribe.split("localhost", 1)[1]).status_code == 200
    assert Subscription.objects.get().status == "unsubscribed"
    make_article(title="Encore un article")
    call_command("send_career_digest", stdout=io.StringIO())
    assert len(smtp.messages) == 2


def test_digest_only_sends_what_is_new_per_subscriber(smtp, make_article):
    make_article(title="Premier")
    confirmed_subscriber("lea@example.com")
    assert send_career_digest.enqueue().return_value == 1
    assert len(smtp.messages) == 1
    second = make_article(title="Deuxième")
    sam = confirmed_subscriber("sam@example.com", language="en", days_ago=0)
    Subscription.objects.filter(pk=sam.pk).update(confirmed_at=second.first_published_at)
    assert send_career_digest.enqueue().return_value == 2
    by_recipient = {m["To"]: smtp.body(m) for m in smtp.messages[1:]}
    assert "Deuxième" in by_recipient["lea@example.com"]
    assert "Premier" not in by_recipient["lea@example.com"]
    assert "Deuxième" in by_recipient["sam@example.com"]
    assert "To unsubscribe" in by_recipient["sam@example.com"]  # in their language
    assert "Pour vous désabonner" in by_recipient["lea@example.com"]
    # One watermark per subscriber: the newest page they were sent, whatever the number.
    assert dict(NewsletterDelivery.objects.values_list("subscription__email", "sent_until")) == {
        "lea@example.com": second.first_published_at,
        "sam@example.com": second.first_published_at,
    }


def test_nothing_is_sent_when_nothing_is_new(smtp, make_article):
    make_article(title="Ancien")
    confirmed_subscriber("lea@example.com", days_ago=0)
    confirmed_subscriber("pending@example.com").__class__.objects.filter(
        email="pending@example.com"
    ).update(status="pending")
    assert send_career_digest.enqueue().return_value == 0
    assert smtp.messages == []


def test_unpublished_and_pending_are_left_out(smtp, make_article):
    confirmed_subscriber("lea@example.com")
    make_article(title="Brouillon", publish=False)
    Subscription.objects.create(
        site=Site.objects.get(),
        email="p@example.com",
        language="fr",
        consent_text="…",
        consent_given_at=timezone.now(),
    )
    assert send_career_digest.enqueue().return_value == 0


def test_digest_resumes_after_an_smtp_failure(smtp, make_article, settings, caplog):
    settings.WAGTAIL_CAREER_MAIL_RETRY_DELAY = 0  # retry at once, for the test
    subscribers = [confirmed_subscriber(f"s{n}@example.com") for n in range(3)]
    make_article(title="Nouveau")
    smtp.messages.clear()
    # The second message is refused: it stays in the outbox, the others leave.
    original = smtp.handle_DATA
    calls = {"n": 0}

    async def refuse_second(server, session, envelope):
        calls["n"] += 1
        if calls["n"] == 2:
            return "451 Try again later"
        return await original(server, session, envelope)

    smtp.handle_DATA = refuse_second
    with caplog.at_level(logging.WARNING):
        call_command("send_career_digest", stdout=io.StringIO(), stderr=io.StringIO())
    assert [m["To"] for m in smtp.messages] == ["s0@example.com", "s2@example.com"]
    assert "Could not send mail" in caplog.text and "451" in caplog.text
    refused = OutgoingMail.objects.get(to=[subscribers[1].email])
    assert (refused.status, refused.attempts) == ("pending", 1)
    assert "Try again later" in refused.last_error

    call_command("send_career_digest", stdout=io.StringIO())  # nothing new: nothing written
    _deliver_due()
    _deliver_due()
    assert sorted(m["To"] for m in smtp.messages) == [
        "s0@example.com",
        "s1@example.com",
        "s2@example.com",
    ]
    assert NewsletterDelivery.objects.count() == 3


def test_digest_query_count_does_not_grow_with_articles(smtp, make_article):
    def run():
        with CaptureQueriesContext(connection) as queries:
            send_career_digest.enqueue()
        return len(queries)

    confirmed_subscriber("a@example.com")
    confirmed_subscriber("b@example.com")
    make_article()
    run()  # warms the site-root cache
    make_article()
    small = run()
    for _ in range(5):
        make_article()
    large = run()
    assert small == large
    assert len(smtp.messages) == 6


def test_signup_with_smtp_down_is_kept_logged_and_sent_once_smtp_is_back(
    client, article, smtp_down, settings, caplog, django_capture_on_commit_callbacks
):
    settings.WAGTAIL_CAREER_MAIL_RETRY_DELAY = 0
    with caplog.at_level(logging.WARNING):
        response = post_signup(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert THANKS_FR in response.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.status == "pending"
    assert "Could not send mail" in caplog.text
    mail_row = OutgoingMail.objects.get()
    assert (mail_row.kind, mail_row.status, mail_row.to) == (
        "newsletter-confirmation",
        "pending",
        ["lea@example.com"],
    )
    # Asking again right away writes no second mail: the first one is on its way.
    post_signup(client, django_capture_on_commit_callbacks)
    assert OutgoingMail.objects.count() == 1

    with SMTPServer(port=settings.EMAIL_PORT) as server:
        _deliver_due()
        _deliver_due()
    assert [m["To"] for m in server.mailbox.messages] == ["lea@example.com"]
    assert Subscription.objects.count() == 1
    assert OutgoingMail.objects.get().status == "sent"


def test_digest_with_smtp_down_loses_nothing(smtp_down, make_article, settings, caplog):
    settings.WAGTAIL_CAREER_MAIL_RETRY_DELAY = 0
    confirmed_subscriber("lea@example.com")
    article = make_article()
    with caplog.at_level(logging.ERROR):
        call_command("send_career_digest", stdout=io.StringIO(), stderr=io.StringIO())
    assert "could not be sent yet" in caplog.text
    assert OutgoingMail.objects.get().status == "pending"
    with SMTPServer(port=settings.EMAIL_PORT) as server:
        call_command("send_career_digest", stdout=io.StringIO())  # nothing written twice
        _deliver_due()
    [digest] = server.mailbox.messages
    assert article.title in server.mailbox.body(digest)
    assert OutgoingMail.objects.get().status == "sent"
