"""Who sends the mail (CASL): the sender's name, postal address and contact in the consent
text and in the footer of every newsletter and comment mail; the privacy policy's link next
to every form that collects personal data; the checks that ask for the identification."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.checks import run_checks
from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.models import Site

from tests.comments_helpers import make_comment, make_user, set_policy
from tests.newsletter_utils import post_signup
from tests.smtp import SMTPServer, use_smtp
from wagtail_career.comments.models import CommentModeration, WhoCanComment
from wagtail_career.comments.tasks import confirmation_message as comment_confirmation_message
from wagtail_career.comments.tasks import notify_followers, notify_moderators
from wagtail_career.models import CareerSettings, CareerSettingsTranslation
from wagtail_career.models.settings import site_settings_saved
from wagtail_career.newsletter.checks import check_sender_identification
from wagtail_career.newsletter.digest import articles_section, send_digest
from wagtail_career.newsletter.forms import consent_text
from wagtail_career.newsletter.mail import confirmation_message, digest_message, preferences_url
from wagtail_career.newsletter.models import Subscription
from wagtail_career.privacy import sender_identification

NAME = "L'Atelier Carrière & Cie"
ADDRESS = ["1234, rue Sainte-Catherine Ouest", "Montréal (Québec)  H3G 1P1"]
CONTACT_EMAIL = "bonjour@atelier.example"
CONTACT_PATH = "/nous-joindre/"
PRIVACY_PATH = "/confidentialite/"
ROOT = "http://localhost"  # the test site's root URL


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def identified(site):
    """The site's Career settings identify the sender."""
    settings = CareerSettings.for_site(site)
    settings.sender_name = NAME
    settings.sender_postal_address = "\n".join(ADDRESS) + "\n"
    settings.sender_email = CONTACT_EMAIL
    settings.sender_contact_url = CONTACT_PATH
    settings.privacy_policy_url = PRIVACY_PATH
    settings.save()
    return settings


def _subscription(site, email="lea@example.com", status="confirmed", language="fr"):
    when = timezone.now() - timedelta(days=1)
    return Subscription.objects.create(
        site=site,
        email=email,
        status=status,
        language=language,
        consent_text="…",
        consent_given_at=when,
        confirmed_at=when if status == "confirmed" else None,
    )


def _identifies(body, html=False):
    """Whether ``body`` (a mail's text, or its HTML) names the sender, the address, the
    contact and the privacy policy."""
    values = [NAME, *ADDRESS, CONTACT_EMAIL, ROOT + CONTACT_PATH, ROOT + PRIVACY_PATH]
    if html:
        values = [escape(value) for value in values]
        values.append(f'href="mailto:{CONTACT_EMAIL}"')
        values.append(f'href="{ROOT}{PRIVACY_PATH}"')
    missing = [value for value in values if value not in body]
    assert not missing, f"{missing} missing from:\n{body}"
    return True


def _bodies(message):
    html = [content for content, kind in message.alternatives if kind == "text/html"]
    return message.body, html[0] if html else None


# -- The settings ---------------------------------------------------------------------------


def test_editors_fill_the_identification_in_career_settings(
    site, client, django_user_model, post_career_settings
):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.com", "pw"))
    page = client.get(f"/admin/settings/wagtail_career/careersettings/{site.pk}/").content.decode()
    for name in ("sender_name", "sender_postal_address", "sender_email", "sender_contact_url"):
        assert f'name="{name}"' in page
    assert 'name="privacy_policy_url"' in page
    response = post_career_settings(
        site,
        sender_postal_address="1 rue X\r\nMontréal",
        sender_email="info@example.com",
        privacy_policy_url="javascript:alert(1)",
    )
    assert response.status_code == 200  # refused: the form again
    assert CareerSettings.objects.filter(sender_email="info@example.com").count() == 0
    response = post_career_settings(
        site,
        sender_postal_address="1 rue X\r\nMontréal",
        sender_email="info@example.com",
        privacy_policy_url="/confidentialite/",
    )
    assert response.status_code == 302
    saved = CareerSettings.objects.get(site=site)
    assert saved.sender_postal_address.splitlines() == ["1 rue X", "Montréal"]
    assert sender_identification(Site.objects.get(pk=site.pk)).address == "1 rue X, Montréal"


# -- The consent text -----------------------------------------------------------------------


def test_the_consent_text_names_the_sender_address_and_contact(identified, site):
    with translation.override("en"):
        sentence = consent_text(site)
    assert sentence == (
        "I agree to receive the career newsletter by email: new career articles and new job "
        f"offers, from {NAME}, {ADDRESS[0]}, {ADDRESS[1]}; contact: {CONTACT_EMAIL} or "
        f"{ROOT}{CONTACT_PATH}. I can unsubscribe at any time with the link in every email."
    )


def test_the_signup_box_shows_it_and_the_consent_record_keeps_it(
    identified, site, client, article, django_capture_on_commit_callbacks
):
    html = client.get("/en" + article.url).content.decode()
    with translation.override("en"):
        sentence = consent_text(site)
    assert escape(sentence) in html
    post_signup(client, django_capture_on_commit_callbacks, url="/en/career/newsletter/")
    subscription = Subscription.objects.get()
    assert subscription.consent_text == sentence
    assert subscription.consent_records.get().text == sentence


def test_without_identification_the_consent_names_the_site(site):
    with translation.override("en"):
        assert ", from Career tests. I can unsubscribe" in consent_text(site)


def test_each_language_takes_its_translation_row(identified, site):
    CareerSettingsTranslation.objects.create(
        settings=identified,
        language="en",
        sender_name="The Career Workshop",
        sender_postal_address="1234 Saint Catherine Street West\nMontreal, Quebec  H3G 1P1",
        sender_contact_url="/contact-us/",
    )
    site = Site.objects.get(pk=site.pk)  # settings are read once per Site object
    with translation.override("en"):
        english = sender_identification(site)
        sentence = consent_text(site)
    assert english.name == "The Career Workshop"
    assert english.address_lines == (
        "1234 Saint Catherine Street West",
        "Montreal, Quebec  H3G 1P1",
    )
    assert english.contact_url == ROOT + "/contact-us/"
    assert english.email == CONTACT_EMAIL  # not translated
    assert english.privacy_url == ROOT + PRIVACY_PATH  # empty in the row: the main one
    assert "from The Career Workshop, 1234 Saint Catherine Street West" in sentence
    with translation.override("fr"):
        french = sender_identification(Site.objects.get(pk=site.pk))
    assert french.name == NAME and list(french.address_lines) == ADDRESS


# -- Newsletter mail --------------------------------------------------------------------------


def test_the_newsletter_confirmation_mail_identifies_the_sender(identified, site):
    text, html = _bodies(confirmation_message(_subscription(site, status="pending")))
    assert _identifies(text)
    assert _identifies(html, html=True)


def test_the_digest_identifies_the_sender(identified, site, article):
    subscription = _subscription(site)
    message = digest_message(subscription, [(articles_section(), [article])])
    text, html = _bodies(message)
    assert article.title in text
    assert _identifies(text)
    assert _identifies(html, html=True)


def test_the_english_digest_has_the_english_identification(identified, site, article):
    CareerSettingsTranslation.objects.create(
        settings=identified, language="en", sender_postal_address="1234 Saint Catherine St W"
    )
    subscription = _subscription(site, language="en")
    text, html = _bodies(digest_message(subscription, [(articles_section(), [article])]))
    assert "1234 Saint Catherine St W" in text and "1234 Saint Catherine St W" in html
    assert ADDRESS[0] not in text


def test_the_confirmation_mail_received_over_smtp_identifies_the_sender(
    identified, settings, client, article, django_capture_on_commit_callbacks
):
    with SMTPServer() as server:
        use_smtp(settings, server.port, timeout=5)
        post_signup(client, django_capture_on_commit_callbacks, email="zoe@example.com")
        received = server.mailbox.wait_for("zoe@example.com", "")
    assert _identifies(server.mailbox.body(received))
    assert _identifies(server.mailbox.body(received, "html"), html=True)


def test_the_digest_received_over_smtp_identifies_the_sender(
    identified, site, settings, make_article, django_capture_on_commit_callbacks
):
    _subscription(site, email="lea@example.com")
    make_article(title="Négocier son salaire")
    with SMTPServer() as server:
        use_smtp(settings, server.port, timeout=5)
        with django_capture_on_commit_callbacks(execute=True):
            send_digest()
        received = server.mailbox.wait_for("lea@example.com", "")
    assert "Négocier son salaire" in server.mailbox.body(received)
    assert _identifies(server.mailbox.body(received))
    assert _identifies(server.mailbox.body(received, "html"), html=True)


def test_without_settings_the_footer_names_the_site_only(site):
    text, html = _bodies(confirmation_message(_subscription(site, status="pending")))
    footer = text.split("\n--\n")[-1]
    assert footer.strip() == "Career tests"
    assert '<p class="career-sender"' in html and "mailto:" not in html


def test_the_sender_is_escaped_in_html_mail(identified, site):
    identified.sender_name = '<img src=x onerror="alert(1)">'
    identified.save()
    text, html = _bodies(confirmation_message(_subscription(Site.objects.get(), status="pending")))
    assert '<img src=x onerror="alert(1)">' in text  # plain text: as typed
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


# -- Comment mail -----------------------------------------------------------------------------


def test_the_comment_confirmation_mail_identifies_the_sender(identified, article):
    url = f"{ROOT}/career/comments/confirm/abc/"
    message = comment_confirmation_message("zoe@example.com", "Zoé", article.title, url)
    assert message.to == ["zoe@example.com"] and url in message.body
    assert _identifies(message.body)


def test_the_comment_notifications_identify_the_sender(identified, article):
    set_policy(who_can_comment=WhoCanComment.USERS, comment_moderation=CommentModeration.NONE)
    make_user("admin", is_superuser=True, email="moderation@example.com")
    make_comment(article, "Je suis", user_email="suivi@example.com", followup=True)
    reply = make_comment(article, "Nouveau", user_email="lea@example.com")
    assert notify_followers.call(reply.pk, "fr") == 1
    held = make_comment(article, "À modérer", user_email="sam@example.com", public=False)
    assert notify_moderators.call(held.pk, "fr") == 1
    followers, moderators = mail.outbox
    assert followers.to == ["suivi@example.com"] and "Nouveau" in followers.body
    assert moderators.to == ["moderation@example.com"] and "À modérer" in moderators.body
    assert _identifies(followers.body)
    assert _identifies(moderators.body)


# -- The privacy policy's link ----------------------------------------------------------------


def _privacy_link(html):
    return f'<p class="career-privacy-link"><a href="{PRIVACY_PATH}">' in html


def test_the_signup_box_links_the_privacy_policy_when_set(identified, client, article):
    html = client.get(article.url).content.decode()
    form = html[html.index('<form class="career-newsletter__form"') :]
    assert _privacy_link(form[: form.index("</form>")])


def test_no_privacy_link_when_none_is_set(client, article):
    set_policy(who_can_comment=WhoCanComment.ANYONE)
    html = client.get(article.url).content.decode()
    assert 'name="email"' in html  # both forms are there
    assert "career-privacy-link" not in html


def test_the_comment_forms_link_the_privacy_policy_when_set(identified, client, article):
    set_policy(who_can_comment=WhoCanComment.ANYONE)  # name and e-mail fields
    html = client.get(article.url).content.decode()
    form = html[html.index('class="career-comment-form"') :]
    form = form[: form.index("</form>")]
    assert 'name="name"' in form and 'name="email"' in form
    assert _privacy_link(form)
    set_policy(who_can_comment=WhoCanComment.USERS)
    client.force_login(make_user("lea"))
    html = client.get(article.url).content.decode()
    form = html[html.index('class="career-comment-form"') :]
    assert _privacy_link(form[: form.index("</form>")])


def test_the_preferences_page_links_the_privacy_policy(identified, site, client):
    url = preferences_url(_subscription(site))
    html = client.get(url.removeprefix(ROOT)).content.decode()
    assert _privacy_link(html)


def test_an_unsafe_privacy_link_is_dropped(identified, client, article):
    CareerSettings.objects.filter(pk=identified.pk).update(privacy_policy_url="javascript:alert(1)")
    site_settings_saved(identified)  # an update() sends no signal: as a save would
    html = client.get(article.url).content.decode()
    assert "javascript:" not in html and "career-privacy-link" not in html


# -- Checks -----------------------------------------------------------------------------------


def _ids(messages):
    return {message.id for message in messages}


def test_the_checks_warn_without_postal_address_or_contact(site):
    messages = check_sender_identification(databases=["default"])
    assert _ids(messages) == {"wagtail_career.W040", "wagtail_career.W041"}
    address = next(m for m in messages if m.id == "wagtail_career.W040")
    assert "Settings → Career settings → Identification and privacy" in address.hint
    assert "Postal address" in address.hint
    # Registered as a database check: run by migrate and check --database.
    assert {"wagtail_career.W040", "wagtail_career.W041"} <= _ids(run_checks(databases=["default"]))
    assert not {"wagtail_career.W040", "wagtail_career.W041"} & _ids(run_checks())


def test_the_checks_pass_once_the_sender_is_identified(identified):
    assert check_sender_identification(databases=["default"]) == []


def test_a_contact_page_alone_is_a_contact(site):
    CareerSettings.objects.create(
        site=site, sender_postal_address="1 rue X", sender_contact_url="https://x.example/"
    )
    assert check_sender_identification(databases=["default"]) == []


def test_each_site_is_checked(identified, home):
    other = Site.objects.create(hostname="autre.example", root_page=home, site_name="Autre")
    messages = check_sender_identification(databases=["default"])
    assert _ids(messages) == {"wagtail_career.W040", "wagtail_career.W041"}
    assert all(message.obj == other for message in messages)
    assert all("autre.example" in message.msg for message in messages)
