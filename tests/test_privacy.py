"""Personal data: the proof of consent, erasure with suppression, retention, the export of
one person's data, and who may do what in the admin."""

import io
import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from wagtail.models import Site

from tests.comments_helpers import make_comment
from tests.newsletter_utils import link_in, post_signup
from tests.smtp import SMTPServer, use_smtp
from wagtail_career.newsletter.digest import send_digest
from wagtail_career.newsletter.models import (
    ConsentRecord,
    NewsletterDelivery,
    Subscription,
    Suppression,
)
from wagtail_career.newsletter.privacy import erase, is_suppressed, suppress
from wagtail_career.newsletter.tokens import make_confirmation_token, make_unsubscribe_token
from wagtail_career.privacy import career_retention, email_hash, personal_data

INDEX = "/admin/wagtail_career_newsletter/subscription/"
EXPORT = f"{INDEX}personal-data/"
DAY = timedelta(days=1)


@pytest.fixture
def smtp(settings):
    with SMTPServer() as server:
        use_smtp(settings, server.port, timeout=5)
        settings.DEFAULT_FROM_EMAIL = "carriere@example.com"
        yield server.mailbox


@pytest.fixture
def admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.com", "pw"))
    return client


def _subscription(email="lea@example.com", status="confirmed", days_ago=1, **fields):
    when = timezone.now() - days_ago * DAY
    fields.setdefault("confirmed_at", when if status == "confirmed" else None)
    fields.setdefault("unsubscribed_at", when if status == "unsubscribed" else None)
    return Subscription.objects.create(
        site=Site.objects.get(is_default_site=True),
        email=email,
        status=status,
        language="fr",
        consent_text="J’accepte…",
        consent_given_at=when,
        **fields,
    )


def _kinds(subscription):
    return [(r.kind, r.method) for r in subscription.consent_records.order_by("created_at", "pk")]


def _rows_mention(value):
    """Whether any subscription or consent record still holds ``value`` in any field."""
    for model in (Subscription, ConsentRecord, Suppression):
        for row in model.objects.values():
            if any(value.lower() in str(cell).lower() for cell in row.values()):
                return True
    return False


def _digest(capture):
    """Run the digest and deliver what it wrote."""
    with capture(execute=True):
        send_digest()


# -- Proof of consent -------------------------------------------------------------------------


def test_signup_confirmation_and_unsubscribe_are_recorded(
    client, article, django_capture_on_commit_callbacks
):
    post_signup(client, django_capture_on_commit_callbacks)
    subscription = Subscription.objects.get()
    (consent,) = subscription.consent_records.all()
    assert consent.kind == "consent" and consent.method == "signup_form"
    assert consent.text == subscription.consent_text and "Career tests" in consent.text
    assert consent.page == "/carriere/article/"
    assert consent.ip_address is None  # WAGTAIL_CAREER_NEWSLETTER_STORE_IP is off
    assert consent.email_hash == email_hash("LEA@example.com")

    confirm = f"/career/newsletter/confirm/{make_confirmation_token(subscription)}/"
    client.get(confirm)
    assert _kinds(subscription) == [("consent", "signup_form")]  # a GET records nothing
    client.post(confirm)
    client.post(confirm)  # a replay confirms and records once
    assert _kinds(subscription)[1:] == [("confirmation", "confirmation_link")]
    assert subscription.consent_records.last().text == subscription.consent_text

    unsubscribe = f"/career/newsletter/unsubscribe/{make_unsubscribe_token(subscription)}/"
    client.post(unsubscribe)
    client.post(unsubscribe)
    assert _kinds(subscription)[2:] == [("withdrawal", "unsubscribe_link")]


def test_one_click_unsubscribe_is_recorded_as_such(client, db):
    subscription = _subscription()
    url = f"/career/newsletter/unsubscribe/{make_unsubscribe_token(subscription)}/"
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    (withdrawal,) = subscription.consent_records.all()
    assert (withdrawal.kind, withdrawal.method) == ("withdrawal", "one_click")
    assert withdrawal.text == "List-Unsubscribe=One-Click"


def test_the_ip_address_is_kept_only_when_configured(
    client, article, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAIL_CAREER_NEWSLETTER_STORE_IP = True
    post_signup(client, django_capture_on_commit_callbacks)
    subscription = Subscription.objects.get()
    assert subscription.consent_records.get().ip_address == "127.0.0.1"
    client.post(f"/career/newsletter/confirm/{make_confirmation_token(subscription)}/")
    assert subscription.consent_records.last().ip_address == "127.0.0.1"


def test_the_inspect_view_shows_the_consent_history(admin, db):
    subscription = _subscription(consent_url="/carriere/article/")
    suppress("lea@example.com", "bounce")
    html = admin.get(f"{INDEX}inspect/{subscription.pk}/").content.decode()
    history = html[html.index('<table class="listing">') :]
    assert "bounce" in history  # the withdrawal's note
    assert "/carriere/article/" in html  # the subscription's own consent page


# -- Erasure ----------------------------------------------------------------------------------


def test_erasing_keeps_the_withdrawal_and_the_suppression_only(
    admin, article, django_capture_on_commit_callbacks
):
    subscription = _subscription("Lea@Example.com", consent_url="/carriere/article/")
    subscription.ip_address = "203.0.113.9"
    subscription.save()
    ConsentRecord.objects.create(
        subscription=subscription,
        site=subscription.site,
        email_hash=email_hash("lea@example.com"),
        kind="consent",
        method="signup_form",
        text="J’accepte…",
        page="/carriere/article/",
        ip_address="203.0.113.9",
    )
    NewsletterDelivery.objects.create(
        subscription=subscription,
        **(
            {"article": article}
            if hasattr(NewsletterDelivery, "article")
            else {"sent_until": timezone.now()}
        ),
    )
    page = admin.get(f"{INDEX}delete/{subscription.pk}/").content.decode()
    assert f'action="{INDEX}delete/{subscription.pk}/"' in page
    assert "keyed hash" in page or "hachage" in page  # the erase confirmation, not delete's
    response = admin.post(f"{INDEX}delete/{subscription.pk}/")
    assert response.status_code == 302

    row = Subscription.objects.get(pk=subscription.pk)  # the row is kept, anonymised
    assert row.email == f"erased-{row.pk}@erased.invalid"
    assert row.ip_address is None and row.consent_url == "" and row.erased_at is not None
    assert row.status == "unsubscribed"
    assert not _rows_mention("lea@example.com")
    assert not _rows_mention("203.0.113.9") and not _rows_mention("/carriere/article/")
    assert not NewsletterDelivery.objects.exists()
    kinds = _kinds(row)
    assert kinds == [("consent", "signup_form"), ("withdrawal", "admin"), ("erasure", "admin")]
    withdrawal = row.consent_records.get(kind="withdrawal")
    assert withdrawal.created_at <= timezone.now() and withdrawal.email_hash == email_hash(
        "lea@example.com"
    )
    (suppression,) = Suppression.objects.all()
    assert (
        suppression.email_hash == email_hash("LEA@example.COM") and suppression.reason == "erasure"
    )
    assert is_suppressed("lea@EXAMPLE.com")
    # Erased once: the row can neither be erased again nor edited.
    assert admin.post(f"{INDEX}delete/{row.pk}/").status_code == 302
    assert admin.get(f"{INDEX}edit/{row.pk}/").status_code == 302


def test_an_erased_address_is_never_mailed_until_it_confirms_anew(
    smtp, client, make_article, django_capture_on_commit_callbacks
):
    _subscription("lea@example.com")
    _subscription("sam@example.com")
    assert erase("lea@example.com") == 1
    make_article(title="Négocier son salaire")
    _digest(django_capture_on_commit_callbacks)
    assert smtp.sent_to("sam@example.com")  # the digest did run
    assert not smtp.sent_to("lea@example.com")

    # A new signup is a new, pending subscription: a confirmation is needed.
    post_signup(client, django_capture_on_commit_callbacks, email="lea@example.com")
    new = Subscription.objects.get(email="lea@example.com")
    assert new.status == "pending" and new.erased_at is None
    confirmation = smtp.wait_for("lea@example.com", "")
    assert _kinds(new) == [("consent", "signup_form")]
    make_article(title="Réussir sa première semaine")
    _digest(django_capture_on_commit_callbacks)
    assert len(smtp.sent_to("lea@example.com")) == 1  # the confirmation only
    assert is_suppressed("lea@example.com")

    # Confirming lifts the suppression, and says so in the record.
    since = Suppression.objects.get().created_at
    client.post(link_in(smtp.body(confirmation), "confirm"))
    new.refresh_from_db()
    assert new.status == "confirmed"
    assert not is_suppressed("lea@example.com")
    confirmed = new.consent_records.get(kind="confirmation")
    assert str(timezone.localtime(since).year) in confirmed.note
    make_article(title="Changer de carrière à 40 ans")
    _digest(django_capture_on_commit_callbacks)
    assert len(smtp.sent_to("lea@example.com")) == 2
    assert "Changer de carrière à 40 ans" in smtp.body(smtp.sent_to("lea@example.com")[-1])


def test_suppress_stops_the_digest_and_is_recorded(
    smtp, make_article, django_capture_on_commit_callbacks
):
    subscription = _subscription("lea@example.com")
    _subscription("sam@example.com")
    assert not is_suppressed("lea@example.com")
    suppression = suppress("Lea@example.com", Suppression.Reason.BOUNCE)
    assert suppression.reason == "bounce" and is_suppressed("lea@example.com")
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed"
    assert _kinds(subscription) == [("withdrawal", "suppression")]
    assert subscription.consent_records.get().note == "bounce"
    assert suppress("lea@example.com", "complaint") == suppression  # once
    make_article()
    _digest(django_capture_on_commit_callbacks)
    assert smtp.sent_to("sam@example.com") and not smtp.sent_to("lea@example.com")


def test_a_typed_placeholder_address_does_not_revive_an_erased_row(
    client, article, django_capture_on_commit_callbacks
):
    subscription = _subscription("lea@example.com")
    erase("lea@example.com")
    placeholder = Subscription.objects.get(pk=subscription.pk).email
    post_signup(client, django_capture_on_commit_callbacks, email=placeholder)
    row = Subscription.objects.get(pk=subscription.pk)
    assert row.status == "unsubscribed" and row.erased_at is not None
    assert Subscription.objects.count() == 1


# -- Retention --------------------------------------------------------------------------------


@pytest.fixture
def old_and_new(article):
    """Rows on both sides of each default retention period."""
    rows = {
        "old_pending": _subscription("vieux@example.com", "pending", days_ago=31),
        "new_pending": _subscription("neuf@example.com", "pending", days_ago=29),
        "old_unsubscribed": _subscription("parti@example.com", "unsubscribed", days_ago=1100),
        "new_unsubscribed": _subscription("recent@example.com", "unsubscribed", days_ago=30),
        "old_confirmed": _subscription("fidele@example.com", "confirmed", days_ago=2000),
        # A restarted signup (was unsubscribed, signed up again, never confirmed).
        "restarted": _subscription(
            "retour@example.com",
            "pending",
            days_ago=40,
            unsubscribed_at=timezone.now() - 400 * DAY,
        ),
    }
    for key in ("old_pending", "restarted"):
        ConsentRecord.objects.create(
            subscription=rows[key],
            site=rows[key].site,
            email_hash=email_hash(rows[key].email),
            kind="consent",
            method="signup_form",
            text="J’accepte…",
            page="/carriere/",
        )
    rows["old_comment"] = make_comment(
        article, ip_address="198.51.100.7", submit_date=timezone.now() - 400 * DAY
    )
    rows["new_comment"] = make_comment(
        article, ip_address="198.51.100.8", submit_date=timezone.now() - 300 * DAY
    )
    return rows


def _run(*args):
    out = io.StringIO()
    call_command("career_retention", *args, stdout=out)
    return out.getvalue()


def test_retention_dry_run_counts_and_changes_nothing(old_and_new):
    before = list(Subscription.objects.values())
    output = _run("--dry-run")
    assert "Dry run" in output
    assert "newsletter_pending: 2 " in output  # old pending and the restarted one
    assert "newsletter_unsubscribed: 1 " in output
    assert "comment_ip: 1 " in output
    assert list(Subscription.objects.values()) == before
    assert XtdComment.objects.get(pk=old_and_new["old_comment"].pk).ip_address == "198.51.100.7"


def test_retention_deletes_anonymises_and_clears(old_and_new):
    output = _run()
    assert "newsletter_pending: 2 " in output and "newsletter_unsubscribed: 1 " in output
    assert "comment_ip: 1 " in output
    rows = old_and_new
    # A never-confirmed signup: nothing personal is left, not even its record.
    assert not Subscription.objects.filter(pk=rows["old_pending"].pk).exists()
    assert not ConsentRecord.objects.filter(email_hash=email_hash("vieux@example.com")).exists()
    assert not _rows_mention("vieux@example.com")
    # The restarted one keeps its earlier withdrawal: anonymised, not deleted.
    restarted = Subscription.objects.get(pk=rows["restarted"].pk)
    assert restarted.erased_at is not None and not _rows_mention("retour@example.com")
    assert ("erasure", "retention") in _kinds(restarted)
    # An old unsubscribed address: anonymised, its withdrawal and a suppression kept.
    gone = Subscription.objects.get(pk=rows["old_unsubscribed"].pk)
    assert gone.erased_at is not None and not _rows_mention("parti@example.com")
    withdrawal = gone.consent_records.get(kind="withdrawal")
    assert abs(withdrawal.created_at - rows["old_unsubscribed"].unsubscribed_at) < DAY
    assert is_suppressed("parti@example.com")
    # Within their periods, or confirmed: untouched.
    for key in ("new_pending", "new_unsubscribed", "old_confirmed"):
        row = Subscription.objects.get(pk=rows[key].pk)
        assert row.email == rows[key].email and row.erased_at is None
    assert XtdComment.objects.get(pk=rows["old_comment"].pk).ip_address is None
    assert XtdComment.objects.get(pk=rows["new_comment"].pk).ip_address == "198.51.100.8"
    # Nothing more to do on the next run.
    assert "newsletter_pending: 0 " in _run() and "comment_ip: 0 " in _run()


def test_retention_periods_are_settings(old_and_new, settings):
    settings.WAGTAIL_CAREER_RETENTION_PENDING = None  # kept forever
    settings.WAGTAIL_CAREER_RETENTION_COMMENT_IP = 200 * 24 * 3600
    output = _run()
    assert "newsletter_pending: kept forever" in output
    assert Subscription.objects.filter(pk=old_and_new["old_pending"].pk).exists()
    assert XtdComment.objects.get(pk=old_and_new["new_comment"].pk).ip_address is None


def test_a_bad_retention_period_is_a_clear_error(db, settings):
    settings.WAGTAIL_CAREER_RETENTION_PENDING = "30 days"
    with pytest.raises(Exception, match="WAGTAIL_CAREER_RETENTION_PENDING must be a number"):
        _run()


def test_retention_as_a_task(old_and_new):
    assert career_retention.call(dry_run=True) == {
        "newsletter_pending": 2,
        "newsletter_unsubscribed": 1,
        "comment_ip": 1,
    }
    result = career_retention.enqueue()  # the tests' immediate backend runs it now
    assert result.return_value == {
        "newsletter_pending": 2,
        "newsletter_unsubscribed": 1,
        "comment_ip": 1,
    }


# -- Export -----------------------------------------------------------------------------------


def _export(client, email):
    response = client.post(EXPORT, {"email": email})
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return json.loads(response.content)


def test_the_export_holds_subscriptions_records_and_comments(admin, article):
    subscription = _subscription("lea@example.com", consent_url="/carriere/article/")
    ConsentRecord.objects.create(
        subscription=subscription,
        site=subscription.site,
        email_hash=email_hash("lea@example.com"),
        kind="consent",
        method="signup_form",
        text="J’accepte de recevoir…",
    )
    make_comment(article, "Mon avis", user_email="Lea@example.com", user_name="Léa")
    make_comment(article, "Pas le mien", user_email="sam@example.com")
    data = _export(admin, "LEA@example.com")
    assert data["email"] == "LEA@example.com"
    (exported,) = data["newsletter"]["subscriptions"]
    assert exported["email"] == "lea@example.com" and exported["status"] == "confirmed"
    assert exported["consent_url"] == "/carriere/article/"
    assert exported["site"]["hostname"] == "localhost"
    (record,) = data["newsletter"]["consent_records"]
    assert record["kind"] == "consent" and record["text"] == "J’accepte de recevoir…"
    assert data["newsletter"]["suppression"] is None
    (comment,) = data["comments"]
    assert comment["comment"] == "Mon avis" and comment["name"] == "Léa"
    assert comment["article"] == {"title": article.title, "url": article.get_full_url()}


def test_the_export_of_an_erased_person_keeps_the_proof_only(admin, db):
    _subscription("lea@example.com")
    erase("lea@example.com")
    data = _export(admin, "lea@example.com")
    assert data["newsletter"]["subscriptions"] == []
    assert [r["kind"] for r in data["newsletter"]["consent_records"]] == ["withdrawal", "erasure"]
    assert data["newsletter"]["suppression"]["reason"] == "erasure"


def test_the_export_of_an_unknown_address_is_empty_but_valid(admin, db):
    data = _export(admin, "personne@example.com")
    assert data["newsletter"] == {"subscriptions": [], "consent_records": [], "suppression": None}
    assert data["comments"] == []
    assert set(data) == {"email", "exported_at", "newsletter", "comments"}


def test_the_export_takes_the_same_queries_whatever_the_data(article, home):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            json.dumps(personal_data("lea@example.com"), default=str)
        return len(captured)

    _subscription("lea@example.com")
    make_comment(article, user_email="lea@example.com")
    few = queries()
    other = Site.objects.create(hostname="autre.example", root_page=home)
    Subscription.objects.create(
        site=other, email="lea@example.com", language="fr", consent_given_at=timezone.now()
    )
    suppress("lea@example.com", "bounce")  # more records
    for _ in range(5):
        make_comment(article, user_email="lea@example.com")
    assert queries() == few


def test_the_export_form_is_prefilled_from_a_subscriber(admin, db):
    subscription = _subscription("lea@example.com")
    html = admin.get(EXPORT, {"subscription": subscription.pk}).content.decode()
    assert 'value="lea@example.com"' in html
    listing = admin.get(INDEX).content.decode()
    assert f"{EXPORT}?subscription={subscription.pk}" in listing
    assert EXPORT in listing


@pytest.mark.parametrize(
    "query", ["abc", "-1", "99999999999999999999", "²", "1 OR 1=1", "%00", "999999"]
)
def test_the_export_form_takes_any_query(admin, db, query):
    response = admin.get(EXPORT, {"subscription": query})
    assert response.status_code == 200
    assert 'value="' not in response.content.decode().split('name="email"')[1].split(">")[0]


@pytest.mark.parametrize("email", ["", "pas une adresse", "a@" + "b" * 300 + ".com", "x\x00@a.com"])
def test_a_bad_address_is_a_400_form_not_a_500(admin, db, email):
    response = admin.post(EXPORT, {"email": email})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("path", ["delete/abc/", "delete/99999999999999999999/", "delete/0/"])
def test_erasing_a_bad_id_is_a_404(admin, db, path):
    assert admin.post(f"{INDEX}{path}").status_code == 404


# -- Permissions ------------------------------------------------------------------------------


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("editor", "e@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


@pytest.fixture
def viewer(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", "v@example.com", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_subscription"),
    )
    client.force_login(user)
    return client


def test_without_permission_nothing_is_exported_or_erased(editor, db):
    subscription = _subscription("lea@example.com")
    for response in (
        editor.get(EXPORT),
        editor.post(EXPORT, {"email": "lea@example.com"}),
        editor.post(f"{INDEX}delete/{subscription.pk}/"),
    ):
        assert response.status_code in (302, 403)
        assert b"lea@example.com" not in response.content
    assert Subscription.objects.get().email == "lea@example.com"
    assert not ConsentRecord.objects.exists() and not Suppression.objects.exists()


def test_viewing_permission_exports_but_does_not_erase(viewer, db):
    subscription = _subscription("lea@example.com")
    assert _export(viewer, "lea@example.com")["newsletter"]["subscriptions"]
    assert viewer.post(f"{INDEX}delete/{subscription.pk}/").status_code in (302, 403)
    assert Subscription.objects.get().erased_at is None
    assert "erase" not in viewer.get(INDEX).content.decode().lower().split("<main")[-1]


def test_the_delete_permission_erases(client, django_user_model, db):
    user = django_user_model.objects.create_user("dpo", "d@example.com", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="delete_subscription"),
    )
    client.force_login(user)
    subscription = _subscription("lea@example.com")
    assert client.post(f"{INDEX}delete/{subscription.pk}/").status_code == 302
    assert Subscription.objects.get().erased_at is not None


def test_admin_erase_and_export_need_post_with_csrf(django_user_model, db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "pw"))
    subscription = _subscription("lea@example.com")
    assert client.post(f"{INDEX}delete/{subscription.pk}/").status_code == 403
    assert client.post(EXPORT, {"email": "lea@example.com"}).status_code == 403
    assert Subscription.objects.get().erased_at is None
    assert client.put(EXPORT).status_code in (403, 405)
