"""The editors' digest tools (Career › Newsletter digest): permissions, the preview (same
rendering as the real mail, no side effects), "send a test to me", the run history and the
outbox's failed mail."""

import html
import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from tests.newsletter_utils import confirmed_subscriber
from tests.smtp import SMTPServer, use_smtp
from wagtail_career.models import MailContent, OutgoingMail
from wagtail_career.newsletter import digest
from wagtail_career.newsletter.models import (
    ConsentRecord,
    DigestBatch,
    DigestRun,
    NewsletterDelivery,
    Subscription,
)
from wagtail_career.outbox import build_message

TOOLS = "/admin/career/digest/"
PREVIEW = f"{TOOLS}preview/"
SEND_TEST = f"{PREVIEW}send-test/"
OUTBOX = "/admin/career/outbox/"


def _user(django_user_model, username, *codenames, email=None):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.com" if email is None else email, "pw"
    )
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=codenames),
    )
    return user


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def smtp(settings):
    with SMTPServer() as server:
        use_smtp(settings, server.port, timeout=5)
        settings.DEFAULT_FROM_EMAIL = "carriere@example.com"
        yield server.mailbox


def _frame(page):
    """The digest's HTML as the preview's sandboxed frame holds it."""
    match = re.search(r'<iframe class="career-digest-frame"[^>]*srcdoc="([^"]*)"', page)
    assert match, page
    return html.unescape(match.group(1))


def _text(page):
    match = re.search(r'<pre class="career-digest-text"[^>]*>(.*?)</pre>', page, re.S)
    assert match, page
    return html.unescape(match.group(1))


def _subject(page):
    match = re.search(r'<span class="career-digest-subject">(.*?)</span>', page, re.S)
    assert match, page
    return html.unescape(match.group(1))


def _state():
    """Everything a preview must leave as it is."""
    return (
        OutgoingMail.objects.count(),
        MailContent.objects.count(),
        DigestRun.objects.count(),
        DigestBatch.objects.count(),
        sorted(NewsletterDelivery.objects.values_list("subscription_id", "sent_until")),
        ConsentRecord.objects.count(),
        sorted(Subscription.objects.values_list("pk", "status")),
    )


# -- Permissions ---------------------------------------------------------------------------


def test_the_tools_are_in_the_career_menu_for_subscriber_permissions_only(
    client, django_user_model, make_article
):
    make_article(title="Un article")
    nobody = _user(django_user_model, "nobody")
    viewer = _user(django_user_model, "viewer", "view_subscription")
    changer = _user(django_user_model, "changer", "change_subscription")

    client.force_login(nobody)
    assert TOOLS not in client.get("/admin/").content.decode()
    for url in (TOOLS, PREVIEW, f"{TOOLS}runs/1/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url
    refused = client.post(SEND_TEST, {"language": "fr"})
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    script = {"X-Requested-With": "XMLHttpRequest"}
    assert client.post(SEND_TEST, {"language": "fr"}, headers=script).status_code == 403
    assert client.get(PREVIEW, headers=script).status_code == 403
    assert not OutgoingMail.objects.exists()

    client.force_login(viewer)
    assert TOOLS in client.get("/admin/").content.decode()
    assert client.get(TOOLS).status_code == 200
    preview = client.get(PREVIEW).content.decode()
    assert "Un article" in _text(preview)
    assert SEND_TEST not in preview  # viewing is not sending
    assert client.post(SEND_TEST, {"language": "fr"})["Location"] == "/admin/"
    assert not OutgoingMail.objects.exists()

    client.force_login(changer)
    assert SEND_TEST in client.get(PREVIEW).content.decode()
    assert client.post(SEND_TEST, {"language": "fr"}).status_code == 302
    assert OutgoingMail.objects.get().kind == "digest_test"


# -- The preview ---------------------------------------------------------------------------


def test_the_preview_is_the_real_digest_and_records_nothing(
    admin, make_article, settings, django_capture_on_commit_callbacks
):
    settings.DEFAULT_FROM_EMAIL = "carriere@example.com"
    confirmed_subscriber("lea@example.com")
    make_article(title="Négocier son salaire & ses avantages", intro="Trois <conseils>")
    before = _state()
    with django_capture_on_commit_callbacks() as callbacks:
        page = admin.get(PREVIEW, {"language": "fr"})
    assert page.status_code == 200
    assert _state() == before and callbacks == []  # nothing written, nothing queued
    content = page.content.decode()
    frame, text, subject = _frame(content), _text(content), _subject(content)
    assert "Négocier son salaire &amp; ses avantages" in frame  # escaped once, in the mail
    assert "Trois &lt;conseils&gt;" in frame and "<conseils>" not in frame
    assert "Négocier son salaire & ses avantages" in text
    assert "careerph" not in frame + text  # every placeholder filled in
    assert 'sandbox=""' in content  # the mail's HTML runs nothing in the admin

    # The digest itself, sent now, is what the preview showed, but for the subscriber's own
    # address and links.
    call_command("send_career_digest", stdout=io.StringIO())
    row = OutgoingMail.objects.get(kind="digest")
    message = build_message(row)
    assert message.subject == subject
    home = Site.objects.get().root_url + "/"
    real_text = message.body
    for url in re.findall(r"https?://\S+/newsletter/\w+/[\w:-]+/", real_text):
        real_text = real_text.replace(url, home)
    assert real_text.replace("lea@example.com", "admin@example.com") == text


def test_the_preview_by_language_and_section(admin, make_article):
    confirmed_subscriber("lea@example.com", language="fr")
    confirmed_subscriber("sam@example.com", language="en")
    make_article(title="Un article tout neuf")

    french = admin.get(PREVIEW, {"language": "fr"}).content.decode()
    english = admin.get(PREVIEW, {"language": "en"}).content.decode()
    assert _subject(french).startswith("Les nouveaux articles Carrière de ")
    assert _subject(english).startswith("New career articles from ")
    assert "Un article tout neuf" in _text(english)
    assert "1 abonné confirmé dans cette langue" in english  # the admin is in French

    only_jobs = admin.get(PREVIEW, {"language": "fr", "sections": "job_offers"}).content.decode()
    assert "Un article tout neuf" not in only_jobs
    assert "la prochaine infolettre ne serait pas envoyée" in only_jobs
    only_articles = admin.get(PREVIEW, {"language": "fr", "sections": "articles"})
    assert "Un article tout neuf" in _text(only_articles.content.decode())


def test_the_preview_starts_after_the_last_digest_of_who_waited_longest(admin, make_article):
    first = make_article(title="Déjà envoyé")
    subscription = confirmed_subscriber("lea@example.com", days_ago=3)
    NewsletterDelivery.objects.create(
        subscription=subscription, sent_until=first.first_published_at
    )
    make_article(title="Encore à envoyer")
    text = _text(admin.get(PREVIEW).content.decode())
    assert "Encore à envoyer" in text and "Déjà envoyé" not in text
    # A chosen date shows older pages too (here: both).
    day = (timezone.localdate() - timedelta(days=1)).isoformat()
    chosen = _text(admin.get(PREVIEW, {"since": day}).content.decode())
    assert "Encore à envoyer" in chosen and "Déjà envoyé" in chosen


@pytest.mark.parametrize(
    "query",
    [
        {"site": "abc"},
        {"site": "99999999999999999999"},
        {"site": "²"},
        {"language": "xx"},
        {"since": "not a date"},
        {"since": "99999-01-01"},
        {"sections": "nope"},
    ],
)
def test_bad_preview_choices_are_a_400_page(admin, make_article, query):
    make_article(title="Un article")
    response = admin.get(PREVIEW, query)
    assert response.status_code == 400
    assert "career-digest-frame" not in response.content.decode()
    assert admin.post(SEND_TEST, query).status_code == 400
    assert not OutgoingMail.objects.exists()


# -- Send a test to me ---------------------------------------------------------------------


def test_send_a_test_to_me_goes_to_the_editor_and_moves_no_watermark(
    client, django_user_model, make_article, smtp, django_capture_on_commit_callbacks
):
    editor = _user(django_user_model, "redac", "change_subscription", email="redac@example.com")
    client.force_login(editor)
    subscription = confirmed_subscriber("lea@example.com")
    make_article(title="Négocier son salaire")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SEND_TEST, {"language": "fr", "sections": ["articles"]})
    assert response.status_code == 302
    assert response["Location"].startswith(PREVIEW + "?")
    row = OutgoingMail.objects.get()
    assert (row.kind, row.to, row.status) == ("digest_test", ["redac@example.com"], "sent")
    assert row.subject.startswith("[Test] Les nouveaux articles Carrière")
    received = smtp.wait_for("redac@example.com", "[Test]")
    assert "Négocier son salaire" in smtp.body(received)
    assert "Négocier son salaire" in smtp.body(received, "html")
    assert not smtp.sent_to("lea@example.com")
    assert not NewsletterDelivery.objects.exists()
    assert not DigestRun.objects.exists()

    # The subscriber still gets the article in the real digest.
    call_command("send_career_digest", stdout=io.StringIO())
    digest_mail = smtp.wait_for("lea@example.com", "Carrière")
    assert "Négocier son salaire" in smtp.body(digest_mail)
    assert NewsletterDelivery.objects.get().subscription == subscription


def test_no_test_without_an_address_or_without_content(client, django_user_model, make_article):
    editor = _user(django_user_model, "sansadresse", "change_subscription", email="")
    client.force_login(editor)
    make_article(title="Un article")
    response = client.post(SEND_TEST, {"language": "fr"}, follow=True)
    assert "Votre compte n’a pas d’adresse courriel" in response.content.decode()

    editor.email = "redac@example.com"
    editor.save()
    day = (timezone.localdate() + timedelta(days=2)).isoformat()  # nothing since then
    response = client.post(SEND_TEST, {"language": "fr", "since": day}, follow=True)
    assert "Il n’y a rien à envoyer" in response.content.decode()
    assert not OutgoingMail.objects.exists()


# -- Run history and failed mail -----------------------------------------------------------


def test_run_history_with_counts_and_a_run_with_its_batches(admin, make_article, settings):
    settings.WAGTAIL_CAREER_DIGEST_BATCH_SIZE = 1
    confirmed_subscriber("lea@example.com")
    confirmed_subscriber("sam@example.com")
    make_article(title="Le titre & la suite")
    call_command("send_career_digest", stdout=io.StringIO())
    run = DigestRun.objects.get()
    assert (run.recipients, run.sent, run.status) == (2, 2, "finished")

    listing = admin.get(TOOLS).content.decode()
    row = re.search(r'<tr class="career-digest-run">(.*?)</tr>', listing, re.S).group(1)
    cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row)]
    assert cells[2:] == [run.get_status_display(), "2", "2", "0", "2"]
    assert f"{TOOLS}runs/{run.pk}/" in row

    detail = admin.get(f"{TOOLS}runs/{run.pk}/").content.decode()
    assert detail.count('<tr class="career-digest-batch">') == 2
    assert "Le titre &amp; la suite" in detail
    assert "Articles Carrière" in detail


@pytest.mark.parametrize("pk", ["abc", "0", "999999", "99999999999999999999", "²", "١٢", "-1"])
def test_a_bad_run_id_is_a_404(admin, pk):
    assert admin.get(f"{TOOLS}runs/{pk}/").status_code == 404


def test_run_history_pages_and_bad_page_numbers(admin):
    DigestRun.objects.bulk_create(
        DigestRun(status="finished", finished_at=timezone.now()) for _ in range(35)
    )
    first = admin.get(TOOLS).content.decode()
    assert first.count('<tr class="career-digest-run">') == 30
    second = admin.get(TOOLS, {"p": "2"}).content.decode()
    assert second.count('<tr class="career-digest-run">') == 5
    for page in ("abc", "²", "99999999999999999999", "0"):
        assert admin.get(TOOLS, {"p": page}).status_code == 200


def test_the_failed_mail_link_for_who_may_see_the_outbox(client, admin, django_user_model):
    OutgoingMail.objects.create(
        kind=digest.MAIL_KIND,
        to=["x@example.com"],
        from_email="a@example.com",
        subject="s",
        status="failed",
        last_error="SMTPRecipientsRefused",
    )
    OutgoingMail.objects.create(
        kind="comment-followers",
        to=["y@example.com"],
        from_email="a@example.com",
        subject="s",
        status="failed",
    )
    page = admin.get(TOOLS).content.decode()
    assert f"{OUTBOX}?status=failed" in page and "2 courriels en échec" in page
    assert f"{OUTBOX}?status=failed&amp;kind=digest" in page and "1 infolettre en échec" in page
    listed = admin.get(OUTBOX, {"status": "failed", "kind": "digest"}).content.decode()
    assert "x@example.com" in listed and "y@example.com" not in listed

    client.force_login(_user(django_user_model, "viewer", "view_subscription"))
    assert f"{OUTBOX}?status=failed" not in client.get(TOOLS).content.decode()
