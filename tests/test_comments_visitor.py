"""What a visitor sees and does in an article's comment section."""

import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail

from tests.comments_helpers import (
    POST_URL,
    comments_of,
    form_data,
    make_comment,
    make_user,
    set_policy,
)
from wagtail_career.comments.models import CommentModeration, WhoCanComment

LOGIN_FR = "Vous devez être connecté pour publier un commentaire."


@pytest.fixture
def lea(db):
    return make_user("lea", first_name="Léa", last_name="Roy")


def test_anonymous_visitor_sees_login_sentence_in_french_and_english(client, article):
    page = client.get(article.url).content.decode()
    assert "Laisser un commentaire" in page
    assert LOGIN_FR in page
    assert f'href="/accounts/login/?next={article.url.replace("/", "%2F")}%23comments"' in page
    assert 'action="/career/comments/post/"' not in page

    english = client.get("/en" + article.url).content.decode()
    assert "Leave a comment" in english
    assert "You must be signed in to post a comment." in english
    assert "next=%2Fen%2F" in english


def test_forged_anonymous_post_is_refused_and_stores_nothing(client, article):
    response = client.post(POST_URL, form_data(article, name="Bot", email="bot@example.com"))
    assert response.status_code == 403
    assert LOGIN_FR in response.content.decode()
    assert not comments_of(article).exists()


def test_signed_in_comment_is_held_with_a_message_and_redirect_to_the_real_url(
    client, article, lea
):
    client.force_login(lea)
    response = client.post(POST_URL, form_data(article, comment="Très utile,\nmerci !"))
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}#comments"
    comment = comments_of(article).get()
    assert (comment.user, comment.user_name, comment.is_public) == (lea, "Léa Roy", False)

    page = client.get(response["Location"]).content.decode()
    assert "attend la modération" in page or "awaits moderation" in page
    assert "Très utile" not in page  # held comments are not shown


def test_published_comment_is_escaped_with_line_breaks_and_links_not_linked(client, article, lea):
    set_policy(comment_moderation=CommentModeration.NONE)
    client.force_login(lea)
    text = "<script>alert('x')</script>\nVoir https://spam.example/ <a href='https://x.example'>ici</a>"
    response = client.post(POST_URL, form_data(article, comment=text))
    comment = comments_of(article).get()
    assert comment.is_public
    assert response["Location"] == f"{article.url}#c{comment.pk}"

    page = client.get(article.url).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;<br>Voir https://spam.example/" in page
    assert 'href="https://spam.example/' not in page and 'href="https://x.example' not in page
    assert "1 commentaire" in page
    assert "publié" in page  # the "published" message


def test_reply_to_another_articles_comment_is_a_form_error_without_a_500(
    client, article, make_article, lea
):
    other = make_article(title="Autre article")
    foreign = make_comment(other, "Ailleurs")
    client.force_login(lea)
    response = client.post(
        POST_URL, form_data(article, comment="Ma réponse gardée", reply_to=str(foreign.pk))
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ma réponse gardée" in page  # the visitor's text is kept
    assert "<title>" in page and "Votre commentaire n’a pas été envoyé" in page  # site layout
    assert comments_of(article).count() == 0


@pytest.mark.parametrize("reply_to", ["999999", "-3", "abc"])
def test_bad_reply_targets_store_nothing(client, article, lea, reply_to):
    client.force_login(lea)
    response = client.post(POST_URL, form_data(article, reply_to=reply_to))
    assert response.status_code == 200
    assert comments_of(article).count() == 0


def test_reply_depth_is_enforced(client, article, lea):
    set_policy(comment_moderation=CommentModeration.NONE, comment_reply_depth=1)
    root = make_comment(article, "Racine")
    reply = make_comment(article, "Réponse", parent=root)
    held = make_comment(article, "En attente", public=False)
    client.force_login(lea)

    assert client.post(POST_URL, form_data(article, reply_to=str(reply.pk))).status_code == 200
    assert client.post(POST_URL, form_data(article, reply_to=str(held.pk))).status_code == 200
    assert comments_of(article).count() == 3

    response = client.post(
        POST_URL, form_data(article, comment="Bonne idée", reply_to=str(root.pk))
    )
    assert response.status_code == 302
    new = comments_of(article).get(comment="Bonne idée")
    assert (new.parent_id, new.level, new.thread_id) == (root.pk, 1, root.pk)

    set_policy(comment_reply_depth=0)
    assert (
        client.post(POST_URL, form_data(article, comment="x", reply_to=str(root.pk))).status_code
        == 200
    )
    assert not comments_of(article).filter(comment="x").exists()


def test_threaded_replies_render_nested_with_reply_links(client, article, lea):
    set_policy(comment_reply_depth=2)
    root = make_comment(article, "Racine", user_name="Alice")
    child = make_comment(article, "Enfant", parent=root, user_name="Bruno")
    make_comment(article, "Petit-enfant", parent=child, user_name="Chloé")
    client.force_login(lea)
    page = client.get(article.url).content.decode()
    assert page.index("Racine") < page.index("Enfant") < page.index("Petit-enfant")
    assert page.count('class="career-comment__replies"') == 2
    assert f"?reply_to={root.pk}#comment-form" in page
    assert f"?reply_to={child.pk}#comment-form" in page
    assert "3 commentaires" in page

    reply_page = client.get(f"{article.url}?reply_to={child.pk}").content.decode()
    assert "Répondre à Bruno" in reply_page
    assert f'name="reply_to" value="{child.pk}"' in reply_page


def test_same_comment_submitted_twice_is_stored_once(client, article, lea):
    client.force_login(lea)
    data = form_data(article, comment="Double clic")
    first = client.post(POST_URL, data)
    second = client.post(POST_URL, data)
    assert first.status_code == second.status_code == 302
    assert comments_of(article).count() == 1


def test_expired_form_and_honeypot_rerender_with_text_kept(client, article, lea):
    client.force_login(lea)
    old = form_data(article, comment="Texte précieux")
    old_form = __import__("django_comments.forms", fromlist=["CommentForm"]).CommentForm(article)
    stamp = str(int(time.time()) - 3 * 60 * 60)
    old.update(
        timestamp=stamp,
        security_hash=old_form.generate_security_hash(old["content_type"], old["object_pk"], stamp),
    )
    response = client.post(POST_URL, old)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Texte précieux" in page and "trop longtemps" in page
    # The re-rendered form carries a fresh timestamp so sending it again works.
    assert f'value="{stamp}"' not in page

    response = client.post(POST_URL, form_data(article, comment="Pot de miel", honeypot="spam"))
    assert response.status_code == 200
    assert "Pot de miel" in response.content.decode()
    assert comments_of(article).count() == 0


def test_empty_comment_shows_the_error_next_to_the_field(client, article, lea):
    client.force_login(lea)
    response = client.post(POST_URL, form_data(article, comment=""))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="career-field career-field--error"' in page
    assert comments_of(article).count() == 0


def test_unknown_article_is_a_404_not_a_500(client, lea, db):
    client.force_login(lea)
    assert client.post(POST_URL, {"object_pk": "nope", "comment": "x"}).status_code == 404
    assert client.get(POST_URL).status_code == 405


def test_closed_comments(client, article, make_article, lea):
    client.force_login(lea)
    article.allow_comments = False
    article.save_revision().publish()
    page = client.get(article.url).content.decode()
    assert 'id="comments"' not in page  # no comments and closed: no section at all
    assert client.post(POST_URL, form_data(article)).status_code == 403

    set_policy(who_can_comment=WhoCanComment.NOBODY)
    other = make_article()
    make_comment(other, "Ancien commentaire")
    page = client.get(other.url).content.decode()
    assert "Ancien commentaire" in page and "Les commentaires sont fermés" in page
    assert client.post(POST_URL, form_data(other)).status_code == 403
    assert comments_of(other).count() == 1


def test_comments_close_n_days_after_publication(client, article, lea):
    from datetime import timedelta

    from django.utils import timezone

    set_policy(comments_close_after_days=30)
    client.force_login(lea)
    assert client.post(POST_URL, form_data(article, comment="À temps")).status_code == 302
    type(article).objects.filter(pk=article.pk).update(
        first_published_at=timezone.now() - timedelta(days=31)
    )
    assert client.post(POST_URL, form_data(article, comment="Trop tard")).status_code == 403
    assert list(comments_of(article).values_list("comment", flat=True)) == ["À temps"]


def test_first_comment_moderation(client, article, lea):
    set_policy(comment_moderation=CommentModeration.FIRST)
    client.force_login(lea)
    client.post(POST_URL, form_data(article, comment="Premier"))
    first = comments_of(article).get()
    assert not first.is_public
    first.is_public = True
    first.save()
    client.post(POST_URL, form_data(article, comment="Deuxième"))
    assert comments_of(article).get(comment="Deuxième").is_public


def test_signed_in_user_flags_a_comment(client, article, lea):
    from django_comments.models import CommentFlag

    comment = make_comment(article, "Douteux")
    flag_url = f"/career/comments/{comment.pk}/flag/"
    assert client.post(flag_url)["Location"].startswith("/accounts/login/")
    assert not CommentFlag.objects.exists()

    client.force_login(lea)
    assert "Signaler" in client.get(article.url).content.decode()
    response = client.post(flag_url)
    assert response["Location"] == f"{article.url}#c{comment.pk}"
    client.post(flag_url)
    assert (
        CommentFlag.objects.filter(comment=comment, flag=CommentFlag.SUGGEST_REMOVAL).count() == 1
    )
    assert client.get(flag_url).status_code == 405


def test_counts_on_cards_and_header_are_public_comments_of_that_article(
    client, career_index, article, make_article
):
    other = make_article(title="Autre")
    make_comment(article, "a")
    make_comment(article, "b")
    make_comment(article, "retenu", public=False)
    make_comment(article, "retiré", is_removed=True)
    make_comment(other, "c")
    index = client.get(career_index.url).content.decode()
    # 2 for the article (held and removed ones left out), 1 for the other one.
    assert index.count("2 commentaires</a>") == 1 and index.count("1 commentaire</a>") == 1
    header = client.get(article.url).content.decode()
    assert header.count("2 commentaires") == 2  # header link and section heading


def test_comment_pagination(client, article, settings):
    settings.WAGTAIL_CAREER_COMMENTS_PER_PAGE = 2
    roots = [make_comment(article, f"Fil {n}") for n in range(5)]
    make_comment(article, "Réponse au fil 0", parent=roots[0])
    first = client.get(article.url).content.decode()
    assert "Fil 0" in first and "Réponse au fil 0" in first and "Fil 2" not in first
    assert "comments_page=2#comments" in first and "Plus de commentaires" in first
    last = client.get(article.url + "?comments_page=3").content.decode()
    assert "Fil 4" in last and "Fil 0" not in last
    assert client.get(article.url + "?comments_page=zzz").status_code == 200


def _article_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _add_comments(article, count, users):
    roots = []
    for n in range(count):
        user = users[n % len(users)] if n % 3 else None
        if n % 4 == 3 and roots:
            make_comment(article, f"Réponse {n}", user=user, parent=roots[-1])
        else:
            roots.append(make_comment(article, f"Commentaire {n}", user=user))


@pytest.mark.parametrize("signed_in", [False, True])
def test_article_query_count_does_not_grow_with_comments(client, make_article, signed_in):
    users = [make_user(f"u{n}") for n in range(3)]
    if signed_in:
        client.force_login(users[0])
    articles = [make_article(title=f"Mesure {n}") for n in range(3)]
    _add_comments(articles[1], 10, users)
    _add_comments(articles[2], 200, users)
    counts = [_article_queries(client, article.url) for article in articles]
    print("article page queries at 0/10/200 comments:", counts)
    assert counts[0] == counts[1] == counts[2], counts
    assert "200 commentaires" in client.get(articles[2].url).content.decode()


def test_anonymous_user_policy_does_not_touch_user_rows():
    # The section shows the stored name, never comment.user: guard against a regression
    # where the template reaches for the user (one query per comment).
    from pathlib import Path

    import wagtail_career.comments

    template = (
        Path(wagtail_career.comments.__file__).parent
        / "templates/wagtail_career/comments/comment.html"
    )
    assert "comment.user." not in template.read_text()
    assert AnonymousUser().is_authenticated is False


def test_no_mail_is_sent_for_a_refused_post(client, article):
    client.post(POST_URL, form_data(article, name="Bot", email="bot@example.com"))
    assert mail.outbox == []
