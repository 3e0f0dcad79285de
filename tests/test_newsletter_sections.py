"""The digest's sections (issue #14): career articles and job offers, chosen by each
subscriber at signup and on the preferences page, each mailed once, in one mail.

Mail goes through the real SMTP server on loopback, as in tests/test_newsletter_mail.py.
Texts are checked on English subscribers and pages: the French ones are the translator's.
"""

import io
import json
import re
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.models import Locale, Site

from tests.newsletter_utils import SIGNUP_URL, confirmed_subscriber, link_in, post_signup
from tests.smtp import SMTPServer, use_smtp
from tests.test_html_validity import require_checker
from wagtail_career.jobs.models import Workplace
from wagtail_career.newsletter import forms as newsletter_forms
from wagtail_career.newsletter.digest import articles_section, send_digest
from wagtail_career.newsletter.forms import consent_text
from wagtail_career.newsletter.models import NewsletterDelivery, Subscription
from wagtail_career.newsletter.tokens import make_preferences_token, make_unsubscribe_token

EN_SIGNUP_URL = "/en" + SIGNUP_URL
BOTH = ["articles", "job_offers"]


@pytest.fixture
def smtp(settings):
    with SMTPServer() as server:
        use_smtp(settings, server.port, timeout=5)
        settings.DEFAULT_FROM_EMAIL = "carriere@example.com"
        yield server.mailbox


def _confirmed(address, sections=(), language="en"):
    return confirmed_subscriber(address, language=language, sections=list(sections))


def _digest():
    call_command("send_career_digest", stdout=io.StringIO())


def _url(page, language="en"):
    """The absolute URL of ``page`` in a mail written in ``language``."""
    with translation.override(language):
        return page.get_full_url()


def _bodies(smtp, address):
    [message] = smtp.sent_to(address)
    return smtp.body(message), smtp.body(message, "html"), str(message["Subject"])


# -- The digest ------------------------------------------------------------------------------


def test_both_sections_come_in_one_mail_each_under_its_heading(
    smtp, make_article, make_offer, make_employer
):
    _confirmed("lea@example.com", BOTH)
    article = make_article(title="Négocier son salaire & ses avantages")
    offer = make_offer(
        title="Analyste <données> & BI",
        employer=make_employer("Boréal & fils"),
        city="Québec",
        region="QC",
        workplace=Workplace.HYBRID,
    )
    _digest()
    assert len(smtp.messages) == 1
    text, html, subject = _bodies(smtp, "lea@example.com")
    assert subject == "New career articles and new job offers from Career tests"
    # Each section under its heading, in the sections' order.
    assert text.index("CAREER ARTICLES") < text.index(article.title)
    assert text.index(article.title) < text.index("JOB OFFERS") < text.index(offer.title)
    assert html.index("<h2>Career articles</h2>") < html.index("<h2>Job offers</h2>")
    # The offer: title linked to its absolute URL, employer, location and workplace.
    offer_url, article_url = _url(offer), _url(article)
    assert offer_url.startswith("http://localhost/en/")
    assert f'<a href="{offer_url}">Analyste &lt;données&gt; &amp; BI</a>' in html
    assert "Employer: Boréal &amp; fils" in html and "Location: Québec, QC" in html
    assert "Workplace: Hybrid" in html
    assert "Analyste <données> & BI" in text and offer_url in text
    assert "Employer: Boréal & fils" in text and "Location: Québec, QC" in text
    assert "Workplace: Hybrid" in text
    assert f'<a href="{article_url}">' in html and article_url in text
    # Choosing and leaving, from every digest.
    assert "Choose what you receive" in html and "/newsletter/preferences/" in text
    assert link_in(text, "preferences") in html
    # The subscriber's watermark: the newest page they were sent.
    newest = max(article.first_published_at, offer.first_published_at)
    assert list(NewsletterDelivery.objects.values_list("sent_until", flat=True)) == [newest]


def test_each_subscriber_gets_only_the_sections_they_chose(smtp, make_article, make_offer):
    _confirmed("offers@example.com", ["job_offers"])
    _confirmed("articles@example.com", ["articles"])
    _confirmed("legacy@example.com", [])  # from before choices: everything
    article = make_article(title="Réussir son entrevue")
    offer = make_offer(title="Développeuse Python")
    _digest()
    offers_text, offers_html, offers_subject = _bodies(smtp, "offers@example.com")
    assert offer.title in offers_text and article.title not in offers_text
    assert "CAREER ARTICLES" not in offers_text and "Career articles" not in offers_html
    assert offers_subject == "New job offers from Career tests"
    articles_text, articles_html, articles_subject = _bodies(smtp, "articles@example.com")
    assert article.title in articles_text and offer.title not in articles_text
    assert "JOB OFFERS" not in articles_text and "Job offers" not in articles_html
    assert articles_subject == "New career articles from Career tests"
    legacy_text, _html, _subject = _bodies(smtp, "legacy@example.com")
    assert article.title in legacy_text and offer.title in legacy_text
    assert dict(NewsletterDelivery.objects.values_list("subscription__email", "sent_until")) == {
        "offers@example.com": offer.first_published_at,
        "articles@example.com": article.first_published_at,
        "legacy@example.com": max(offer.first_published_at, article.first_published_at),
    }


def test_nothing_new_in_the_chosen_sections_sends_nothing(smtp, make_article, make_offer):
    _confirmed("offers@example.com", ["job_offers"])
    make_article(title="Un article")
    assert send_digest() == 0
    assert smtp.messages == []
    make_offer(title="Une offre")
    assert send_digest() == 1


def test_an_offer_is_mailed_once(smtp, make_offer):
    _confirmed("lea@example.com", BOTH)
    first = make_offer(title="Première offre")
    assert send_digest() == 1
    assert send_digest() == 0
    assert len(smtp.messages) == 1
    second = make_offer(title="Deuxième offre")
    assert send_digest() == 1
    text = smtp.body(smtp.messages[1])
    assert second.title in text and first.title not in text


def test_a_closed_offer_is_never_mailed(smtp, make_offer, monkeypatch):
    _confirmed("lea@example.com", BOTH)
    now = timezone.now()
    open_offer = make_offer(title="Offre ouverte", valid_through=now + timedelta(days=30))
    closed = make_offer(title="Offre fermée", valid_through=now + timedelta(days=30))
    # Closed since, but still live: Wagtail's expiry job has not run yet.
    type(closed).objects.filter(pk=closed.pk).update(valid_through=now - timedelta(minutes=1))
    closes_soon = make_offer(
        title="Offre qui ferme bientôt", valid_through=now + timedelta(hours=1)
    )
    # The digest runs two hours later: the offer closing in one hour has closed by then.
    later = now + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert send_digest() == 1
    text = smtp.body(smtp.messages[0])
    assert open_offer.title in text
    assert closed.title not in text and closes_soon.title not in text
    assert list(NewsletterDelivery.objects.values_list("sent_until", flat=True)) == [
        open_offer.first_published_at
    ]


def test_a_draft_offer_is_not_mailed(smtp, make_offer):
    _confirmed("lea@example.com", ["job_offers"])
    make_offer(title="Brouillon", publish=False)
    assert send_digest() == 0


def test_the_query_count_does_not_grow_with_offers(smtp, make_offer, make_article):
    def run():
        with CaptureQueriesContext(connection) as queries:
            assert send_digest() == 2
        return len(queries)

    _confirmed("a@example.com", BOTH)
    _confirmed("b@example.com", ["job_offers"])
    make_article()
    make_offer()
    run()  # warms the site-root cache
    for _ in range(3):
        make_offer()
    few = run()
    for _ in range(15):
        make_offer()
    many = run()
    assert few == many


def _english_translation(page, title, slug):
    english = Locale.objects.get_or_create(language_code="en")[0]
    translation = page.copy_for_translation(english, copy_parents=True)
    translation.title, translation.slug = title, slug
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def test_with_i18n_an_english_offer_goes_to_english_subscribers_only(smtp, make_offer, settings):
    # Wagtail's internationalisation on this site (as in tests/settings_i18n.py).
    settings.WAGTAIL_I18N_ENABLED = True
    _confirmed("sam@example.com", ["job_offers"], language="en")
    _confirmed("lea@example.com", ["job_offers"], language="fr")
    french = make_offer(title="Analyste de données", slug="analyste")
    english = _english_translation(french, "Data analyst", "data-analyst")
    assert send_digest() == 2
    sam = smtp.body(smtp.sent_to("sam@example.com")[0])
    lea = smtp.body(smtp.sent_to("lea@example.com")[0])
    assert "Data analyst" in sam and "Analyste de données" not in sam
    assert english.get_full_url() in sam and "/en/" in english.get_full_url()
    assert "Analyste de données" in lea and "Data analyst" not in lea
    assert french.get_full_url() in lea


# -- Signup with choices ---------------------------------------------------------------------

# The sender is named as CASL asks (tests/test_identification.py: with an address and a
# contact); without Career settings, by the site's name.
SENTENCE = (
    "I agree to receive the career newsletter by email: new career articles and new job "
    "offers, from Career tests. I can unsubscribe at any time with the link in every email."
)


def _checkboxes(html):
    """``{value: checked}`` of the sections' checkboxes in ``html``."""
    tags = re.findall(r'<input type="checkbox" name="sections"[^>]*>', html)
    return {re.search(r'value="([^"]*)"', tag).group(1): " checked" in tag for tag in tags}


def _chose(*names, **data):
    """The signup data of a form that showed the sections' checkboxes."""
    return {"sections_shown": "True", "sections": list(names), **data}


def test_the_consent_text_names_exactly_what_is_sent(db):
    with translation.override("en"):
        assert consent_text(Site.objects.get()) == SENTENCE


def test_the_form_offers_one_checkbox_per_section_in_a_fieldset(client, article):
    html = client.get("/en" + article.url).content.decode()
    form = html[html.index('<form class="career-newsletter__form"') :]
    form = form[: form.index("</form>")]
    fieldset = form[form.index("<fieldset") : form.index("</fieldset>")]
    assert "<legend>What would you like to receive?</legend>" in fieldset
    assert _checkboxes(fieldset) == {"articles": True, "job_offers": True}  # checked
    assert '<label for="career-newsletter-1-sections_0">Career articles</label>' in fieldset
    assert '<label for="career-newsletter-1-sections_1">Job offers</label>' in fieldset
    assert 'name="sections_shown"' in fieldset
    assert escape(SENTENCE) in form


def test_with_one_section_there_is_no_choice_and_the_consent_names_it(
    client, article, monkeypatch, django_capture_on_commit_callbacks
):
    # The site sends career articles only (as without wagtail_career.jobs installed).
    monkeypatch.setattr(newsletter_forms, "digest_sections", lambda: [articles_section()])
    html = client.get("/en" + article.url).content.decode()
    assert "<fieldset" not in html and 'name="sections"' not in html
    sentence = SENTENCE.replace("new career articles and new job offers", "new career articles")
    assert escape(sentence) in html
    post_signup(client, django_capture_on_commit_callbacks, url=EN_SIGNUP_URL)
    subscription = Subscription.objects.get()
    assert subscription.sections == ["articles"]
    assert subscription.consent_text == sentence


def test_signup_stores_the_choice_with_the_consent(
    client, article, django_capture_on_commit_callbacks
):
    response = post_signup(
        client, django_capture_on_commit_callbacks, url=EN_SIGNUP_URL, **_chose("job_offers")
    )
    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.sections == ["job_offers"]
    assert subscription.consent_text == SENTENCE + " Chosen: new job offers."
    post_signup(
        client,
        django_capture_on_commit_callbacks,
        url=EN_SIGNUP_URL,
        email="sam@example.com",
        **_chose("job_offers", "articles"),
    )
    both = Subscription.objects.get(email="sam@example.com")
    assert both.sections == BOTH  # in the sections' order
    assert both.consent_text == SENTENCE + " Chosen: new career articles and new job offers."


def test_choosing_nothing_is_refused_and_the_input_kept(
    client, article, django_capture_on_commit_callbacks
):
    response = post_signup(
        client, django_capture_on_commit_callbacks, url=EN_SIGNUP_URL, **_chose()
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Choose at least one thing to receive." in html
    assert 'id="career-newsletter-1-sections-error"' in html
    assert 'aria-describedby="career-newsletter-1-sections-error"' in html
    assert 'value="lea@example.com"' in html
    assert _checkboxes(html) == {"articles": False, "job_offers": False}  # as sent
    assert "checked" in re.search(r'<input type="checkbox" name="consent"[^>]*>', html).group()
    assert not Subscription.objects.exists()
    assert not mail.outbox

    inline = post_signup(
        client,
        django_capture_on_commit_callbacks,
        url=EN_SIGNUP_URL,
        headers={"Accept": "application/json"},
        **_chose(),
    )
    assert inline.status_code == 400
    assert "Choose at least one thing to receive." in inline.json()["html"]

    unknown = post_signup(
        client, django_capture_on_commit_callbacks, url=EN_SIGNUP_URL, **_chose("spam")
    )
    assert unknown.status_code == 400
    assert not Subscription.objects.exists()


def test_signing_up_again_updates_the_choice(client, article, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    post_signup(client, capture, url=EN_SIGNUP_URL, **_chose("articles"))
    # Pending: the new choice is taken (the link already mailed confirms it), no new mail.
    post_signup(client, capture, url=EN_SIGNUP_URL, **_chose("job_offers"))
    subscription = Subscription.objects.get()
    assert subscription.sections == ["job_offers"]
    assert subscription.consent_text.endswith(" Chosen: new job offers.")
    assert len(mail.outbox) == 1
    confirm = link_in(mail.outbox[0].body, "confirm")
    page = client.get(confirm).content.decode()
    assert "It will bring you: new job offers." in page  # what confirming subscribes to
    client.post(confirm)
    # Confirmed: left alone (the preferences page changes it).
    post_signup(client, capture, url=EN_SIGNUP_URL, **_chose("articles"))
    assert Subscription.objects.get().sections == ["job_offers"]
    # Unsubscribed: starts over with the new choice.
    Subscription.objects.update(status="unsubscribed", confirmation_sent_at=None)
    post_signup(client, capture, url=EN_SIGNUP_URL, **_chose("articles", "job_offers"))
    subscription = Subscription.objects.get()
    assert subscription.status == "pending"
    assert subscription.sections == BOTH
    assert subscription.consent_text.endswith(" Chosen: new career articles and new job offers.")


# -- The preferences page --------------------------------------------------------------------


def _subscribed(client, capture, *names):
    """Sign up in English choosing ``names`` and confirm; return the confirmation mail."""
    post_signup(client, capture, url=EN_SIGNUP_URL, **_chose(*names))
    confirmation = mail.outbox[-1]
    confirm = link_in(confirmation.body, "confirm")
    token = str(client.get(confirm).context["csrf_token"])
    client.post(confirm, {"csrfmiddlewaretoken": token})
    assert Subscription.objects.get().status == "confirmed"
    return confirmation


def test_the_preferences_link_of_the_mails_changes_the_choice(
    article, make_offer, django_capture_on_commit_callbacks
):
    browser = Client(enforce_csrf_checks=True)
    confirmation = _subscribed(browser, django_capture_on_commit_callbacks, *BOTH)
    link = link_in(confirmation.body, "preferences")
    assert link.startswith("/en/career/newsletter/preferences/")
    assert link in confirmation.alternatives[0][0]
    assert "Choose what you receive" in confirmation.alternatives[0][0]

    page = browser.get(link)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<h1>Choose what you receive</h1>" in html and "lea@example.com" in html
    assert _checkboxes(html) == {"articles": True, "job_offers": True}
    assert "<legend>What would you like to receive?</legend>" in html
    subscription = Subscription.objects.get()
    assert f"/en/career/newsletter/unsubscribe/{make_unsubscribe_token(subscription)}/" in html
    # Never cached nor indexed.
    assert '<meta name="robots" content="noindex">' in html
    assert page["X-Robots-Tag"] == "noindex"
    assert "no-store" in page["Cache-Control"]

    # CSRF-protected.
    assert browser.post(link, {"sections": ["job_offers"]}).status_code == 403
    assert Subscription.objects.get().sections == BOTH
    token = str(page.context["csrf_token"])
    saved = browser.post(link, {"sections": ["job_offers"], "csrfmiddlewaretoken": token})
    assert saved.status_code == 200
    assert "Your choice is saved. You will receive by email: new job offers." in (
        saved.content.decode()
    )
    assert Subscription.objects.get().sections == ["job_offers"]
    assert _checkboxes(browser.get(link).content.decode()) == {
        "articles": False,
        "job_offers": True,
    }

    # The digest then carries the offers only, and its own link to the page.
    make_offer(title="Développeuse Python")
    Subscription.objects.update(confirmed_at=timezone.now() - timedelta(days=1))
    assert send_digest() == 1
    digest = mail.outbox[-1]
    assert "Développeuse Python" in digest.body and article.title not in digest.body
    assert link_in(digest.body, "preferences") == link


def test_choosing_nothing_on_the_preferences_page_suggests_unsubscribing(
    client, article, django_capture_on_commit_callbacks
):
    link = link_in(
        _subscribed(client, django_capture_on_commit_callbacks, *BOTH).body, "preferences"
    )
    response = client.post(link, {})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Choose at least one thing to receive. To receive nothing, unsubscribe instead." in html
    assert 'aria-describedby="career-preferences-sections-error"' in html
    assert "/en/career/newsletter/unsubscribe/" in html
    assert Subscription.objects.get().sections == BOTH


def test_a_tampered_preferences_link_is_a_clear_error(
    client, article, django_capture_on_commit_callbacks
):
    link = link_in(
        _subscribed(client, django_capture_on_commit_callbacks, *BOTH).body, "preferences"
    )
    subscription = Subscription.objects.get()
    for bad in (
        link[:-3] + "aa/",
        link.replace("/preferences/", "/preferences/9"),
        "/en/career/newsletter/preferences/x/",
        f"/en/career/newsletter/preferences/{subscription.pk}-{'0' * 32}/",
        # Another link's token is no key to this page (each has its own salt).
        f"/en/career/newsletter/preferences/{make_unsubscribe_token(subscription)}/",
    ):
        for method in (client.get, client.post):
            response = method(bad, {"sections": ["job_offers"]})
            assert response.status_code == 404, bad
            assert "Invalid link" in response.content.decode()
    assert Subscription.objects.get().sections == BOTH
    assert client.get(link).status_code == 200


def test_an_unsubscribed_address_cannot_choose(db, career_index, client):
    subscription = _confirmed("gone@example.com", BOTH)
    Subscription.objects.update(status="unsubscribed")
    url = f"/en/career/newsletter/preferences/{make_preferences_token(subscription)}/"
    response = client.post(url, {"sections": ["articles"]})
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    assert Subscription.objects.get().sections == BOTH


def test_the_pages_with_choices_are_valid_html(
    client, article, tmp_path, django_capture_on_commit_callbacks
):
    java, jar = require_checker()
    capture = django_capture_on_commit_callbacks
    pages = {
        "article_box": client.get("/en" + article.url),
        "signup_refused": post_signup(client, capture, url=EN_SIGNUP_URL, **_chose()),
    }
    post_signup(client, capture, url=EN_SIGNUP_URL, **_chose(*BOTH))
    confirm = link_in(mail.outbox[-1].body, "confirm")
    link = link_in(mail.outbox[-1].body, "preferences")
    pages["confirm_ask"] = client.get(confirm)
    pages["preferences"] = client.get(link)
    pages["preferences_refused"] = client.post(link, {})
    pages["preferences_saved"] = client.post(link, {"sections": ["articles"]})
    pages["preferences_invalid"] = client.get(link[:-3] + "aa/")
    for name, response in pages.items():
        (tmp_path / f"{name}.html").write_text(response.content.decode(), encoding="utf-8")
    result = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--stdout", *map(str, tmp_path.glob("*"))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [
        f"{Path(m.get('url', '?')).stem}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"
    ]
    assert not errors, "\n".join(errors)
