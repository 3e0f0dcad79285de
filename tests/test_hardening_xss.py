"""An XSS corpus through every visitor field and every editor field that reaches HTML, meta
tags, JSON-LD, feeds or mail: whatever the payload, nothing in the output is live."""

import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from wagtail.models import Site

from tests.comments_helpers import POST_URL, comments_of, form_data, make_user, set_policy
from tests.hardening_utils import XSS_CORPUS, assert_inert
from tests.newsletter_utils import SIGNUP_URL, signup_data
from wagtail_career.comments.models import CommentModeration, WhoCanComment
from wagtail_career.employers.models import EmployerSettings
from wagtail_career.models import CareerSettings
from wagtail_career.newsletter.digest import articles_section
from wagtail_career.newsletter.mail import digest_message
from wagtail_career.newsletter.models import NewsletterSettings, Subscription

IDS = [f"payload{n}" for n in range(len(XSS_CORPUS))]


HTML_FEED_ELEMENTS = {"description", "summary", "content"}


def _feed_html(xml):
    """The feed's HTML texts (RSS descriptions, Atom summaries), decoded once as a reader does;
    titles, names and categories are plain text in both formats."""
    root = ET.fromstring(xml)  # a broken-out payload would make the XML invalid
    return [
        element.text or ""
        for element in root.iter()
        if element.tag.rsplit("}", 1)[-1] in HTML_FEED_ELEMENTS
    ]


@pytest.mark.parametrize("payload", XSS_CORPUS, ids=IDS)
def test_editor_fields_are_inert_everywhere(
    client, payload, make_article, make_author, make_employer, career_index
):
    if connection.vendor == "postgresql":
        # PostgreSQL cannot store NUL (editors' forms refuse it anyway); SQLite can.
        payload = payload.replace("\x00", "")
    site = Site.objects.get(is_default_site=True)
    # Each feature app keeps its texts in a settings model of its own.
    for settings_model, fields in (
        (NewsletterSettings, ("newsletter_heading", "newsletter_text", "newsletter_button_label")),
        (EmployerSettings, ("employers_heading",)),
        (
            CareerSettings,
            ("contact_cta_heading", "contact_cta_text", "contact_cta_url", "contact_cta_link_text"),
        ),
    ):
        settings = settings_model.for_site(site)
        for field in fields:
            setattr(settings, field, payload[: settings._meta.get_field(field).max_length or None])
        settings.save()
    author = make_author(
        payload[:255],
        role=payload,
        organisation=payload,
        bio=payload,
        website=payload,
        linkedin_url=payload,
    )
    make_employer(payload[:255], website=payload, careers_url=payload, description=payload)
    article = make_article(
        title=payload[:255],
        intro=payload,
        search_description=payload,
        seo_title=payload[:255],
        authors=[author],
        tags=[payload[:100]],
    )
    career_index.title = payload[:255]
    career_index.save_revision().publish()
    tag_slug = article.tags.get().slug
    base = career_index.url
    pages = {
        "article": article.url,
        "article (en)": "/en" + article.url,
        "index": base,
        "tag": f"{base}?tag={tag_slug}",
        "search": f"{base}?q=xss1337",
        "author": f"{base}authors/{author.slug}/",
        "employers": f"{base}employers/",
    }
    for where, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (where, url)
        assert_inert(response.content.decode(), where)
    for url in (f"{base}feed/rss/", f"{base}feed/atom/", f"{base}authors/{author.slug}/feed/rss/"):
        response = client.get(url)
        assert response.status_code == 200
        for text in _feed_html(response.content):
            assert_inert(text, url)

    subscription = Subscription.objects.create(
        site=Site.objects.get(),
        email="lea@example.com",
        language="fr",
        status="confirmed",
        consent_text="…",
        consent_given_at=timezone.now(),
        confirmed_at=timezone.now(),
    )
    message = digest_message(subscription, [(articles_section(), [article])])
    assert "\n" not in message.subject
    assert_inert(message.alternatives[0][0], "digest mail")


@pytest.mark.parametrize("payload", XSS_CORPUS, ids=IDS)
def test_visitor_fields_are_inert_in_pages_and_mail(client, payload, article):
    set_policy(who_can_comment=WhoCanComment.ANYONE, comment_moderation=CommentModeration.NONE)
    name, email_address = payload[:50], "lea@example.com"
    # Rejected (honeypot): the form comes back with the payload in it.
    data = form_data(article, name=name, email=payload, comment=payload, honeypot="x")
    response = client.post(POST_URL, data)
    assert response.status_code == 200
    assert_inert(response.content.decode(), "re-rendered comment form")
    assert not comments_of(article).exists()

    # Accepted: the confirmation mail, the confirm page, then the published comment (a NUL
    # character is refused by the form, so it is left out here).
    text = payload.replace("\x00", "")
    data = form_data(article, name=name.replace("\x00", ""), email=email_address, comment=text)
    assert client.post(POST_URL, data).status_code == 302
    body = mail.outbox[-1].body
    link = body[body.index("/career/comments/confirm/") :].split()[0]
    assert_inert(client.get(link).content.decode(), "confirm page")
    assert client.post(link).status_code == 302
    assert comments_of(article).get().comment == text.strip()
    assert_inert(client.get(article.url).content.decode(), "article with the comment")

    # Signup: the address comes back escaped in the form.
    response = client.post(SIGNUP_URL, signup_data(email=payload))
    assert response.status_code in (200, 400)
    assert_inert(response.content.decode(), "signup page")


def test_a_signed_in_visitors_name_is_inert_in_the_admin_queue(client, article):
    payload = XSS_CORPUS[2]
    user = make_user("lea", first_name=payload[:30], last_name=payload[30:60])
    client.force_login(user)
    assert client.post(POST_URL, form_data(article, comment=XSS_CORPUS[0])).status_code == 302
    admin = make_user("admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get("/admin/django_comments_xtd/xtdcomment/")
    assert response.status_code == 200
    assert XtdComment.objects.count() == 1
    assert_inert(response.content.decode(), "moderation queue")
