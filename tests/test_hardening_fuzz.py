"""Property-based fuzzing of every public endpoint the package adds: for any input the
answer is one of the documented statuses, never a 5xx, and rows appear only on success."""

from urllib.parse import quote

import pytest
from django.core import mail
from django.test import Client
from django_comments.models import CommentFlag
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
from wagtail_career.newsletter.models import Subscription

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text a bot may send: any Unicode (surrogates excluded: they cannot be encoded in a request).
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
numbers = st.integers(min_value=-(2**70), max_value=2**70).map(str)
values = st.one_of(text, numbers, st.sampled_from(["", "0", "1", "-1", "1e9", "null", "[]"]))
url_segment = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=200).map(
    lambda value: quote(value, safe="")
)


@pytest.fixture
def fuzz_setup(article, settings):
    """High rate limits (they are tested elsewhere) and a signed-in visitor."""
    for scope in ("COMMENTS", "COMMENTS_FLAG", "NEWSLETTER"):
        setattr(settings, f"WAGTAIL_CAREER_{scope}_RATE_LIMIT", 10**9)
    set_policy(comment_moderation=CommentModeration.NONE)
    client = Client()
    client.force_login(make_user("lea"))
    return client, article


@FUZZ
@given(
    overrides=st.dictionaries(
        st.sampled_from(
            [
                "object_pk",
                "content_type",
                "timestamp",
                "security_hash",
                "reply_to",
                "comment",
                "honeypot",
                "name",
                "email",
                "followup",
                "url",
            ]
        ),
        values,
    ),
)
def test_comment_post_and_reply(fuzz_setup, overrides):
    client, article = fuzz_setup
    parent = comments_of(article).filter(level=0).first() or make_comment(article, "Racine")
    before = comments_of(article).count()
    data = form_data(article, **{"reply_to": str(parent.pk), **overrides})
    response = client.post(POST_URL, data)
    assert response.status_code in (200, 302, 403, 404)
    added = comments_of(article).count() - before
    # One row at most (a repeat of a stored comment adds none), and only on success.
    assert added == 0 or (added == 1 and response.status_code == 302)


@FUZZ
@given(comment_id=st.integers(min_value=-(2**40), max_value=2**70), anonymous=st.booleans())
def test_flag(fuzz_setup, comment_id, anonymous):
    client, article = fuzz_setup
    make_comment(article, "Un commentaire")
    before = CommentFlag.objects.count()
    url = f"/career/comments/{comment_id}/flag/"
    response = (Client() if anonymous else client).post(url)
    assert response.status_code in (302, 404, 405)
    if response.status_code != 302 or anonymous:
        assert CommentFlag.objects.count() == before


@FUZZ
@given(token=url_segment, kind=st.sampled_from(["confirm", "mute"]), post=st.booleans())
def test_comment_links(fuzz_setup, token, kind, post):
    client, article = fuzz_setup
    before = comments_of(article).count()
    url = f"/career/comments/{kind}/{token}/"
    response = client.post(url) if post else client.get(url)
    assert response.status_code in (200, 400, 404)
    assert comments_of(article).count() == before


SIGNUP_FIELDS = ["email", "consent", "source", "box", "homepage"]


@FUZZ
@given(data=st.dictionaries(st.sampled_from(SIGNUP_FIELDS), values))
def test_newsletter_signup(fuzz_setup, data):
    client, _article = fuzz_setup
    before = Subscription.objects.count()
    response = Client().post(SIGNUP_URL, data)
    assert response.status_code in (200, 400)
    if response.status_code != 200:
        assert Subscription.objects.count() == before


@FUZZ
@given(
    token=url_segment,
    kind=st.sampled_from(["confirm", "unsubscribe"]),
    method=st.sampled_from(["get", "post", "one-click"]),
)
def test_newsletter_links(fuzz_setup, token, kind, method):
    client, _article = fuzz_setup
    url = f"/career/newsletter/{kind}/{token}/"
    if method == "one-click":
        response = Client().post(
            url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
    else:
        response = getattr(Client(), method)(url)
    assert response.status_code in (200, 404, 410)
    assert not Subscription.objects.exclude(status="pending").exists()


@FUZZ
@given(
    query=st.dictionaries(
        st.sampled_from(["q", "tag", "page", "comments_page", "reply_to", "x"]), values
    ),
    path=st.sampled_from(
        [
            "",
            "authors/camille-tremblay/",
            "employers/",
            "feed/rss/",
            "feed/atom/",
            "authors/camille-tremblay/feed/atom/",
            "tags/entrevue/feed/rss/",
            "ARTICLE",
        ]
    ),
    language=st.sampled_from(["", "/en"]),
)
def test_pages_and_feeds_with_any_query_string(fuzz_setup, query, path, language):
    client, article = fuzz_setup
    url = language + (article.url if path == "ARTICLE" else f"/carriere/{path}")
    response = Client().get(url, query)
    assert response.status_code in (200, 404)


@FUZZ
@given(slug=url_segment, kind=st.text(max_size=10))
def test_feed_and_archive_paths(fuzz_setup, slug, kind):
    for url in (
        f"/carriere/authors/{slug}/",
        f"/carriere/authors/{slug}/feed/{quote(kind, safe='')}/",
        f"/carriere/tags/{slug}/feed/rss/",
    ):
        assert Client().get(url).status_code in (200, 404), url


# Token parsers: valid tokens tampered, truncated, expired, replayed, or from another site.


@pytest.fixture
def newsletter_links(article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(SIGNUP_URL, signup_data())
    body = mail.outbox[-1].body
    confirm = body.split("/career/newsletter/confirm/")[1].split("/")[0]
    from wagtail_career.newsletter.tokens import make_unsubscribe_token

    return {"confirm": confirm, "unsubscribe": make_unsubscribe_token(Subscription.objects.get())}


def _other_site(home):
    """A second site with its own root page: the career section is not part of it."""
    from wagtail.models import Page, Site

    root = home.get_parent().add_child(instance=Page(title="Autre site", slug="autre-site"))
    return Site.objects.create(hostname="autre.example", port=80, root_page=root)


def _mutations():
    return st.one_of(
        st.tuples(st.just("truncate"), st.integers(min_value=0, max_value=80)),
        st.tuples(st.just("flip"), st.integers(min_value=0, max_value=80)),
        st.tuples(st.just("append"), st.text(min_size=1, max_size=5)),
    )


def _mutate(token, mutation):
    how, arg = mutation
    if how == "truncate":
        return token[: arg % len(token)]
    if how == "flip":
        i = arg % len(token)
        return token[:i] + ("a" if token[i] != "a" else "b") + token[i + 1 :]
    return token + arg


@FUZZ
@given(mutation=_mutations(), kind=st.sampled_from(["confirm", "unsubscribe"]))
def test_tampered_newsletter_tokens_do_nothing(newsletter_links, mutation, kind):
    token = _mutate(newsletter_links[kind], mutation)
    url = f"/career/newsletter/{kind}/{quote(token, safe='')}/"
    response = Client().post(url)
    assert response.status_code in (404, 410) or token == newsletter_links[kind]
    if token != newsletter_links[kind]:
        assert Subscription.objects.get().status == "pending"


def test_expired_replayed_and_other_site_newsletter_tokens(newsletter_links, settings, home):
    other = _other_site(home)
    for kind in ("confirm", "unsubscribe"):
        url = f"/career/newsletter/{kind}/{newsletter_links[kind]}/"
        assert Client().post(url, HTTP_HOST=other.hostname).status_code == 404
    assert Subscription.objects.get().status == "pending"
    settings.WAGTAIL_CAREER_NEWSLETTER_CONFIRM_MAX_AGE = -1
    confirm = f"/career/newsletter/confirm/{newsletter_links['confirm']}/"
    assert Client().post(confirm).status_code == 410
    settings.WAGTAIL_CAREER_NEWSLETTER_CONFIRM_MAX_AGE = 3600
    assert Client().post(confirm).status_code == 200
    assert Client().post(confirm).status_code == 200  # replay: "already confirmed"
    assert Subscription.objects.get().status == "confirmed"


@pytest.fixture
def comment_link(article):
    set_policy(who_can_comment=WhoCanComment.ANYONE, comment_moderation=CommentModeration.NONE)
    Client().post(POST_URL, form_data(article, name="Léa", email="lea@example.com"))
    body = mail.outbox[-1].body
    return body[body.index("/career/comments/confirm/") :].split()[0].split("/")[-2]


@FUZZ
@given(mutation=_mutations())
def test_tampered_comment_tokens_store_nothing(comment_link, article, mutation):
    token = _mutate(comment_link, mutation)
    response = Client().post(f"/career/comments/confirm/{quote(token, safe='')}/")
    if token != comment_link:
        assert response.status_code in (400, 404)
        assert not comments_of(article).exists()


def test_expired_replayed_and_other_site_comment_tokens(comment_link, article, settings, home):
    url = f"/career/comments/confirm/{comment_link}/"
    other = _other_site(home)
    assert Client().post(url, HTTP_HOST=other.hostname).status_code == 404
    settings.WAGTAIL_CAREER_COMMENTS_LINK_MAX_AGE_DAYS = -1
    assert Client().post(url).status_code == 400
    settings.WAGTAIL_CAREER_COMMENTS_LINK_MAX_AGE_DAYS = 7
    assert Client().post(url).status_code == 302
    assert Client().post(url).status_code == 200  # replay: "already stored"
    assert comments_of(article).count() == 1


# Every public and admin endpoint with hostile scalars: Unicode digits, huge integers,
# control characters, IDN addresses, repeated parameters where one is expected.

FUZZ_SMALL = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ODD = [
    "²",
    "١٢",
    "５",
    "१२३",
    "9" * 25,
    str(2**63),
    str(2**63 - 1),
    str(2**31),
    "-0",
    "+1",
    " 1",
    "1 ",
    "1e3",
    "0x1f",
    "1.5",
    "\x00",
    "1\x00",
    "\t1",
    "\u202e1",
    "\u200b",
    "%00",
    "\r\n",
    "true",
    "None",
]
odd = st.one_of(st.sampled_from(ODD), numbers)
scalar = st.one_of(values, odd)
# A list makes the test client repeat the parameter (?page=1&page=²).
scalar_or_list = st.one_of(scalar, st.lists(scalar, min_size=2, max_size=3))
IDN_EMAILS = [
    "x@exämple.com",
    "x@xn--exmple-cua.com",
    "X@EXÄMPLE.COM",
    "ü@例え.jp",
    "a@xn--",
    "a@-bad-.com",
    "a@" + "ä" * 70 + ".com",
    "a@b@c.com",
    "a@.com",
    "x@exämple.com\n",
    "x@ex\u202eample.com",
    "x@exa\u200bmple.com",
    "x\x00@example.com",
    "Ⅻ@ﬁ.example",
]
emails = st.one_of(st.sampled_from(IDN_EMAILS), st.emails(), text)
ORIGINS = [
    None,
    "null",
    "https://evil.example",
    "http://testserver",
    "http://testserver.evil.example",
    "HTTP://TESTSERVER",
    "http://testserver:80",
    "",
]


def _query(keys):
    return st.dictionaries(st.sampled_from(keys), scalar_or_list, max_size=5)


def _resolves_here(response):
    from urllib.parse import urljoin, urlsplit

    location = response.get("Location", "")
    cleaned = "".join(ch for ch in location if ch not in "\t\n\r").replace("\\", "/")
    return urlsplit(urljoin("http://testserver/", cleaned)).netloc == "testserver"


PUBLIC_PATHS = [
    "/carriere/",
    "/carriere/employers/",
    "/carriere/feed/rss/",
    "/carriere/feed/atom/",
    "/carriere/authors/camille-tremblay/",
    "/carriere/authors/camille-tremblay/feed/rss/",
    "/carriere/tags/entrevue/feed/atom/",
    "ARTICLE",
    "/en/carriere/",
    "/en/carriere/employers/",
]


@FUZZ_SMALL
@given(
    query=_query(["comments_page", "reply_to", "page", "tag", "q", "p", "x"]),
    path=st.sampled_from(PUBLIC_PATHS),
    signed_in=st.booleans(),
)
def test_public_pages_with_odd_and_repeated_parameters(fuzz_setup, query, path, signed_in):
    client, article = fuzz_setup
    url = article.url if path == "ARTICLE" else path
    response = (client if signed_in else Client()).get(url, query)
    assert response.status_code in (200, 404), (url, query, response.status_code)


@FUZZ_SMALL
@given(
    overrides=st.dictionaries(
        st.sampled_from(["object_pk", "reply_to", "comment", "name", "followup", "honeypot"]),
        scalar_or_list,
        max_size=4,
    ),
    email=emails,
    policy=st.sampled_from(list(WhoCanComment)),
    signed_in=st.booleans(),
)
def test_comment_post_with_odd_values_and_any_policy(
    fuzz_setup, overrides, email, policy, signed_in
):
    client, article = fuzz_setup
    set_policy(who_can_comment=policy, comment_moderation=CommentModeration.NONE)
    before = comments_of(article).count()
    outbox = len(mail.outbox)
    data = form_data(article, **{"name": "Léa", "email": email, **overrides})
    response = (client if signed_in else Client()).post(POST_URL, data)
    assert response.status_code in (200, 302, 403, 404, 429)
    added = comments_of(article).count() - before
    assert added == 0 or (added == 1 and response.status_code == 302 and signed_in)
    if response.status_code != 302:
        assert len(mail.outbox) == outbox


@FUZZ_SMALL
@given(segment=url_segment, method=st.sampled_from(["get", "post"]))
def test_flag_with_any_path_segment(fuzz_setup, segment, method):
    client, article = fuzz_setup
    make_comment(article, "Un commentaire")
    before = CommentFlag.objects.count()
    response = getattr(client, method)(f"/career/comments/{segment}/flag/")
    assert response.status_code in (302, 404, 405)
    if not segment.isascii() or not segment.isdigit():
        assert CommentFlag.objects.count() == before


@FUZZ_SMALL
@given(
    data=st.fixed_dictionaries(
        {"email": emails},
        optional={
            "consent": scalar_or_list,
            "source": st.one_of(
                scalar_or_list,
                st.sampled_from(
                    ["/\t/evil.example/", "/\\evil.example", "//evil.example", "/%09/x"]
                ),
            ),
            "box": scalar_or_list,
            "homepage": scalar_or_list,
        },
    ),
    origin=st.sampled_from(ORIGINS),
)
def test_newsletter_signup_with_idn_addresses_odd_values_and_origins(fuzz_setup, data, origin):
    before = Subscription.objects.count()
    headers = {} if origin is None else {"Origin": origin}
    response = Client().post(SIGNUP_URL, data, headers=headers)
    assert response.status_code in (200, 400, 403, 429)
    if origin not in (None, "http://testserver"):
        assert response.status_code in (400, 403, 429)
    if response.status_code != 200:
        assert Subscription.objects.count() == before
    assert Subscription.objects.count() <= before + 1


# The admin: lists with every filter and search, the moderation POST, inspect views.

COMMENTS_ADMIN = "/admin/django_comments_xtd/xtdcomment/"
SUBSCRIBERS_ADMIN = "/admin/wagtail_career_newsletter/subscription/"


@pytest.fixture
def admin_setup(fuzz_setup):
    from django.utils import timezone
    from wagtail.models import Site

    _client, article = fuzz_setup
    admin = Client()
    admin.force_login(make_user("admin", is_superuser=True, is_staff=True))
    comment = make_comment(article, "À modérer", public=False)
    subscription = Subscription.objects.create(
        site=Site.objects.get(is_default_site=True),
        email="abonnee@example.com",
        status="confirmed",
        language="fr",
        consent_text="J’accepte…",
        consent_given_at=timezone.now(),
    )
    return admin, article, comment, subscription


COMMENT_FILTERS = [
    "status",
    "article",
    "q",
    "o",
    "p",
    "submit_date__gte",
    "submit_date__lt",
    "is_public__exact",
    "user_email",
    "id__in",
]
SUBSCRIBER_FILTERS = [
    "status",
    "status__exact",
    "language",
    "language__exact",
    "site",
    "site__id__exact",
    "consent_given_at__gte",
    "consent_given_at__lt",
    "q",
    "o",
    "p",
    "export",
]


@FUZZ_SMALL
@given(query=_query(COMMENT_FILTERS))
def test_comment_moderation_list_with_any_filter(admin_setup, query):
    admin, *_rest = admin_setup
    response = admin.get(COMMENTS_ADMIN, query)
    assert response.status_code in (200, 302, 400), (query, response.status_code)


@FUZZ_SMALL
@given(
    query=_query(SUBSCRIBER_FILTERS),
    export=st.sampled_from([None, "csv", "xlsx", "pdf", ["csv", "xlsx"]]),
)
def test_subscriber_list_and_exports_with_any_filter(admin_setup, query, export):
    admin, *_rest = admin_setup
    if export is not None:
        query = {**query, "export": export}
    response = admin.get(SUBSCRIBERS_ADMIN, query)
    assert response.status_code in (200, 302, 400), (query, response.status_code)


@FUZZ_SMALL
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "ids": st.lists(scalar, max_size=4),
            "action": st.one_of(st.sampled_from(["approve", "remove", "restore"]), scalar),
            "single": st.one_of(
                st.tuples(st.sampled_from(["approve", "remove", "x", ""]), scalar).map(
                    lambda pair: f"{pair[0]}:{pair[1]}"
                ),
                scalar,
            ),
            "next": st.one_of(
                st.sampled_from(
                    [
                        "/\t/evil.example/",
                        "//evil.example",
                        "/\\evil.example",
                        "https://evil.example/",
                        "/admin/",
                        "\x01//evil.example",
                    ]
                ),
                scalar,
            ),
        },
    ),
)
def test_moderation_post_with_any_ids_actions_and_next(admin_setup, data):
    from wagtail_career.inputs import parse_ints

    admin, _article, comment, _subscription = admin_setup
    comment.refresh_from_db()
    before = (comment.is_public, comment.is_removed)  # examples share the fixture's comment
    response = admin.post(COMMENTS_ADMIN + "moderate/", data)
    assert response.status_code == 302
    assert _resolves_here(response), response["Location"]
    action, _sep, single_id = str(data.get("single", "")).partition(":")
    ids = parse_ints([single_id] if action else data.get("ids", []))
    comment.refresh_from_db()
    if comment.pk not in ids:
        assert (comment.is_public, comment.is_removed) == before


@FUZZ_SMALL
@given(
    segment=st.one_of(url_segment, st.sampled_from([quote(v, safe="") for v in ODD if v])),
    kind=st.sampled_from(["inspect", "edit", "delete", "history"]),
    model=st.sampled_from([COMMENTS_ADMIN, SUBSCRIBERS_ADMIN]),
)
def test_admin_instance_views_with_any_id(admin_setup, segment, kind, model):
    admin, *_rest = admin_setup
    response = admin.get(f"{model}{kind}/{segment}/")
    assert response.status_code in (200, 302, 403, 404), (model, kind, segment)
