"""One regression test per finding of the second hardening audit (integers, redirects and
links, admin filters, kept text, confirmation mail, same-origin signup, client addresses,
subjects, IDNA addresses, self-reports, empty employer links)."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core import mail
from django.test import Client
from django_comments.models import CommentFlag
from wagtail.models import Site

from tests.comments_helpers import (
    POST_URL,
    comments_of,
    form_data,
    make_comment,
    make_user,
    set_policy,
)
from tests.newsletter_utils import SIGNUP_URL, signup_data
from wagtail_career.comments.models import CommentModeration, WhoCanComment
from wagtail_career.employers.models import Employer
from wagtail_career.newsletter.models import Subscription

COMMENTS_ADMIN = "/admin/django_comments_xtd/xtdcomment/"
SUBSCRIBERS_ADMIN = "/admin/wagtail_career_newsletter/subscription/"


@pytest.fixture
def superuser_client(db):
    client = Client()
    client.force_login(make_user("admin", is_superuser=True, is_staff=True))
    return client


class _Hrefs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "action", "formaction") and value is not None:
                self.hrefs.append(value)


def hrefs_of(html):
    parser = _Hrefs()
    parser.feed(html)
    return parser.hrefs


def browser_origin(href, base="http://testserver/"):
    """The host a browser resolves ``href`` to: WHATWG URL parsing strips leading and
    trailing C0 controls and spaces, removes ASCII tab and newline anywhere, and reads
    ``\\`` as ``/`` in special (http) URLs."""
    href = re.sub(r"[\t\n\r]", "", href).strip("".join(map(chr, range(0x21))))
    href = href.replace("\\", "/")
    resolved = urljoin(base, href)
    parts = urlsplit(resolved)
    if parts.scheme not in ("http", "https"):
        return parts.scheme + ":"
    return parts.netloc


# 1. The signup box number ---------------------------------------------------------------


@pytest.mark.parametrize("box", ["²", "١٢", "５", "9999999999999999999999", "-1", ""])
def test_signup_with_any_box_number_is_not_a_server_error(client, article, box):
    response = client.post(SIGNUP_URL, signup_data(box=box))
    assert response.status_code == 200
    assert Subscription.objects.count() == 1


# 2. ?reply_to= on an article ------------------------------------------------------------


@pytest.mark.parametrize(
    "reply_to", ["99999999999999999999999", "9223372036854775808", "²", "١٢", "-5", "0x10"]
)
def test_article_with_an_odd_reply_to_is_shown(client, article, reply_to):
    make_comment(article, "Racine")
    client.force_login(make_user("lea"))
    response = client.get(article.url, {"reply_to": reply_to})
    assert response.status_code == 200
    assert 'name="reply_to" value="0"' in response.content.decode()


# 4. Admin lists and moderation with odd input ---------------------------------------------


@pytest.mark.parametrize("ids", [["²"], ["99999999999999999999"], ["١٢"], ["9223372036854775808"]])
def test_moderation_post_with_odd_ids_redirects(superuser_client, article, ids):
    comment = make_comment(article, "Un commentaire")
    response = superuser_client.post(COMMENTS_ADMIN + "moderate/", {"ids": ids, "action": "remove"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_public and not comment.is_removed


@pytest.mark.parametrize("single", ["approve:²", "remove:99999999999999999999", "x", "remove:"])
def test_single_moderation_with_odd_ids_redirects(superuser_client, article, single):
    make_comment(article, "Un commentaire")
    response = superuser_client.post(COMMENTS_ADMIN + "moderate/", {"single": single})
    assert response.status_code == 302


@pytest.mark.parametrize(
    "url",
    [
        COMMENTS_ADMIN + "?submit_date__gte=zz",
        COMMENTS_ADMIN + "?article=99999999999999999999999",
        COMMENTS_ADMIN + "?article=²",
        COMMENTS_ADMIN + "?status=zz&q=%00",
        SUBSCRIBERS_ADMIN + "?site=abc",
        SUBSCRIBERS_ADMIN + "?site=" + "9" * 30,
        SUBSCRIBERS_ADMIN + "?site__id__exact=abc",
        SUBSCRIBERS_ADMIN + "?consent_given_at__gte=zz",
        SUBSCRIBERS_ADMIN + "?consent_given_at__lt=2026-13-45",
        SUBSCRIBERS_ADMIN + "?export=csv&site=abc",
        SUBSCRIBERS_ADMIN + "?export=xlsx&site=abc",
        SUBSCRIBERS_ADMIN + "?export=csv&consent_given_at__gte=zz",
    ],
)
def test_admin_lists_answer_bad_filters_with_a_400_not_a_500(superuser_client, article, url):
    make_comment(article, "Un commentaire")
    response = superuser_client.get(url)
    assert response.status_code in (200, 400), (url, response.status_code)
    if response.status_code == 400:
        assert 'role="alert"' in response.content.decode()


# 5. Refused posts keep the visitor's text -----------------------------------------------


def test_post_after_the_session_ended_keeps_the_text(client, article):
    set_policy(who_can_comment=WhoCanComment.USERS)
    response = client.post(POST_URL, form_data(article, comment="Mon <b>long</b> texte"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Mon &lt;b&gt;long&lt;/b&gt; texte</textarea>" in html
    assert "<b>long</b>" not in html
    assert 'class="career-comments__kept"' in html
    assert not comments_of(article).exists()


def test_post_after_comments_closed_keeps_the_text_and_says_why(client, article):
    from wagtail_career.comments.moderation import CLOSED

    client.force_login(make_user("lea"))
    data = form_data(article, comment="Écrit <i>avant</i> la fermeture")
    article.allow_comments = False
    article.save_revision().publish()
    response = client.post(POST_URL, data)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Écrit &lt;i&gt;avant&lt;/i&gt; la fermeture</textarea>" in html
    from django.utils.html import escape

    assert escape(str(CLOSED)) in html
    assert not comments_of(article).exists()


# 6. Comment confirmation mail: one per address per interval, a fixed first line ------------


def test_one_confirmation_mail_per_address_within_the_interval(
    client, article, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAIL_CAREER_COMMENTS_RATE_LIMIT = 100
    set_policy(who_can_comment=WhoCanComment.ANYONE, comment_moderation=CommentModeration.NONE)
    first = form_data(article, name="Léa", email="lea@example.com", comment="Premier")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(POST_URL, first).status_code == 302
    second = form_data(article, name="Léa", email="LEA@Example.com", comment="Mon <b>second</b>")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(POST_URL, second, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Mon &lt;b&gt;second&lt;/b&gt;</textarea>" in html
    from django.utils.html import escape
    from django.utils.translation import gettext

    said = gettext(
        "We sent a confirmation link to this address a few minutes ago. Open it, "
        "or send your comment again later: your text is kept below."
    )
    assert escape(said) in html
    assert len(mail.outbox) == 1
    assert not comments_of(article).exists()
    # Another address is not held back.
    other = form_data(article, name="Noé", email="noe@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(POST_URL, other).status_code == 302
    assert len(mail.outbox) == 2


def test_confirmation_mail_quotes_the_name_as_data(
    client, article, django_capture_on_commit_callbacks
):
    set_policy(who_can_comment=WhoCanComment.ANYONE, comment_moderation=CommentModeration.NONE)
    name = "Votre banque : appelez le 555-0100"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(POST_URL, form_data(article, name=name, email="v@example.com"))
    assert response.status_code == 302
    body = mail.outbox[-1].body
    lines = [line for line in body.splitlines() if line.strip()]
    assert name not in lines[0]
    # Only once, inside “…”, after the label ("Name given:", translated or not).
    assert body.count(name) == 1
    line = next(line for line in lines if name in line)
    assert line.endswith(f"“{name}”")
    assert line.index("“") > 0 and line[: line.index("“")].rstrip().endswith(":")
    assert name not in mail.outbox[-1].subject


# 7. Signup: local "back" links only, same-origin posts only -----------------------------


@pytest.mark.parametrize(
    "source",
    [
        "/\t/evil.example/",
        "/\\evil.example",
        "//evil.example",
        "https://evil.example/",
        "/%09/evil.example",
        "/\n/evil.example",
        "/\u200b/evil.example",
        " //evil.example",
        "\x01//evil.example",
    ],
)
def test_signup_answer_has_no_link_to_another_origin(client, article, source):
    response = client.post(SIGNUP_URL, signup_data(source=source))
    assert response.status_code == 200
    hrefs = hrefs_of(response.content.decode())
    assert hrefs
    for href in hrefs:
        assert browser_origin(href) == "testserver", href


def test_cross_origin_signup_is_refused_with_the_address_kept(client, article):
    response = client.post(
        SIGNUP_URL, signup_data(email="lea@example.com"), headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 403
    assert 'value="lea@example.com"' in response.content.decode()
    assert not Subscription.objects.exists()
    response = client.post(SIGNUP_URL, signup_data(), headers={"Origin": "null"})
    assert response.status_code == 403
    assert not Subscription.objects.exists()
    response = client.post(SIGNUP_URL, signup_data(), headers={"Origin": "http://testserver"})
    assert response.status_code == 200
    assert Subscription.objects.count() == 1


# 8. Client addresses: trusted proxies, missing header, IPv6 networks -----------------------


def _signup(client, n, **meta):
    return client.post(SIGNUP_URL, signup_data(email=f"p{n}@example.com"), **meta).status_code


def test_one_trusted_proxy_a_client_rotating_its_own_prefix_is_one_client(
    client, article, settings
):
    settings.WAGTAIL_CAREER_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.WAGTAIL_CAREER_TRUSTED_PROXIES = 1
    settings.WAGTAIL_CAREER_NEWSLETTER_RATE_LIMIT = 3
    statuses = [
        _signup(client, i, HTTP_X_FORWARDED_FOR=f"1.2.3.{i}, 203.0.113.7") for i in range(6)
    ]
    assert statuses == [200] * 3 + [429] * 3


def test_two_trusted_proxies_use_the_second_entry_from_the_right(client, article, settings):
    settings.WAGTAIL_CAREER_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.WAGTAIL_CAREER_TRUSTED_PROXIES = 2
    settings.WAGTAIL_CAREER_NEWSLETTER_RATE_LIMIT = 1
    # Two clients behind one CDN edge: counted apart.
    assert _signup(client, 1, HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.1, 10.0.0.1") == 200
    assert _signup(client, 2, HTTP_X_FORWARDED_FOR="8.8.8.8, 198.51.100.2, 10.0.0.1") == 200
    # The first client again, with another spoofed prefix: still counted.
    assert _signup(client, 3, HTTP_X_FORWARDED_FOR="7.7.7.7, 198.51.100.1, 10.0.0.1") == 429
    from django.test import RequestFactory

    from wagtail_career.ratelimit import client_address

    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.9, 10.0.0.1")
    assert client_address(request) == "198.51.100.9"


def test_missing_forwarding_header_falls_back_to_remote_addr(client, article, settings):
    settings.WAGTAIL_CAREER_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.WAGTAIL_CAREER_TRUSTED_PROXIES = 1
    settings.WAGTAIL_CAREER_NEWSLETTER_RATE_LIMIT = 1
    assert _signup(client, 1, REMOTE_ADDR="192.0.2.1") == 200
    assert _signup(client, 2, REMOTE_ADDR="192.0.2.2") == 200  # not one shared "" bucket
    assert _signup(client, 3, REMOTE_ADDR="192.0.2.1") == 429


def test_ipv6_addresses_of_one_network_are_one_client(client, article, settings):
    settings.WAGTAIL_CAREER_NEWSLETTER_RATE_LIMIT = 3
    statuses = [_signup(client, i, REMOTE_ADDR=f"2001:db8::{i:x}") for i in range(1, 13)]
    assert statuses == [200] * 3 + [429] * 9
    # Another /64 is another client.
    assert _signup(client, 99, REMOTE_ADDR="2001:db8:0:1::1") == 200
    assert _signup(client, 98, REMOTE_ADDR="2001:db9::1") == 200


# 9. Mail subjects: plain text, one line ------------------------------------------------------


@pytest.mark.parametrize("site_name", ["L'Atelier & <Co>", "L'Atelier\nBcc: x@evil.example"])
def test_newsletter_subjects_are_plain_text_on_one_line(article, site_name, make_article):
    from django.utils import timezone

    from wagtail_career.newsletter.digest import articles_section
    from wagtail_career.newsletter.mail import confirmation_message, digest_message

    site = Site.objects.get(is_default_site=True)
    site.site_name = site_name
    site.save()
    subscription = Subscription.objects.create(
        site=site,
        email="lea@example.com",
        status="confirmed",
        language="fr",
        consent_text="J’accepte…",
        consent_given_at=timezone.now(),
    )
    for message in (
        confirmation_message(subscription),
        digest_message(subscription, [(articles_section(), [article])]),
    ):
        subject = message.subject
        assert "L'Atelier" in subject
        assert "&#x27;" not in subject and "&amp;" not in subject and "&lt;" not in subject
        assert "\n" not in subject and "\r" not in subject
        message.message()  # no BadHeaderError


def test_comment_confirmation_subject_is_one_line(
    client, article, django_capture_on_commit_callbacks
):
    set_policy(who_can_comment=WhoCanComment.ANYONE, comment_moderation=CommentModeration.NONE)
    article.title = "L'entrevue\nBcc: x@evil.example"
    article.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(POST_URL, form_data(article, name="Léa", email="lea@example.com"))
    subject = mail.outbox[-1].subject
    assert "\n" not in subject and "L'entrevue" in subject
    mail.outbox[-1].message()


# 10. IDNA addresses, self-reports, employers without a safe link -------------------------------


def test_an_idn_address_and_its_ascii_form_are_one_subscription(
    client, article, django_capture_on_commit_callbacks
):
    for email in ("x@exämple.com", "x@xn--exmple-cua.com", "x@EXÄMPLE.com"):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(SIGNUP_URL, signup_data(email=email)).status_code == 200
    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_reader_cannot_report_their_own_comment(client, article):
    lea = make_user("lea")
    comment = make_comment(article, "Mon commentaire", user=lea)
    client.force_login(lea)
    response = client.post(f"/career/comments/{comment.pk}/flag/")
    assert response.status_code == 302
    assert not CommentFlag.objects.exists()
    client.force_login(make_user("noe"))
    assert client.post(f"/career/comments/{comment.pk}/flag/").status_code == 302
    assert CommentFlag.objects.count() == 1


def test_an_employer_without_a_safe_link_has_no_empty_href(client, article, make_employer):
    employer = make_employer("Inconnue")
    Employer.objects.filter(pk=employer.pk).update(
        website="javascript:alert(1)", careers_url="data:text/html,<b>x</b>"
    )
    for url in (article.url, "/carriere/employers/"):
        html = client.get(url).content.decode()
        assert "Inconnue" in html, url
        assert 'href=""' not in html, url
        assert "javascript:" not in html and "data:text/html" not in html, url


# Found by the fuzz suite ------------------------------------------------------------------


@pytest.mark.parametrize("next_url", ["0", "admin", "wagtailadmin_home", "//evil.example", "/\t/x"])
def test_moderation_next_that_is_not_a_local_path_goes_back_to_the_list(
    superuser_client, article, next_url
):
    comment = make_comment(article, "Un commentaire", public=False)
    response = superuser_client.post(
        COMMENTS_ADMIN + "moderate/", {"single": f"approve:{comment.pk}", "next": next_url}
    )
    assert response.status_code == 302
    assert response["Location"] == COMMENTS_ADMIN
    response = superuser_client.post(
        COMMENTS_ADMIN + "moderate/", {"action": "remove", "ids": [comment.pk], "next": "/admin/"}
    )
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("pk", ["abc", "%C2%B2", "99999999999999999999", "9223372036854775808"])
@pytest.mark.parametrize("view", ["inspect", "edit", "delete"])
@pytest.mark.parametrize("listing", [COMMENTS_ADMIN, SUBSCRIBERS_ADMIN])
def test_admin_instance_views_with_a_non_numeric_or_huge_id_are_404(
    superuser_client, article, listing, view, pk
):
    assert superuser_client.get(f"{listing}{view}/{pk}/").status_code == 404
