"""The moderation list and the comment pagination at real size: a fixed number of queries,
plain counts, a page of bounded size, and the article filter through a search, not a list of
every article."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_comments.models import Comment, CommentFlag
from django_comments_xtd.models import XtdComment

from tests.comments_helpers import make_comment, make_user
from tests.pages import ArticlePage
from wagtail_career.comments.admin import ModerationListQuerySet

INDEX = "/admin/django_comments_xtd/xtdcomment/"
FILTERS = ["", "?status=pending", "?status=published", "?status=removed", "?status=flagged"]
ARTICLE_LINK = re.compile(r"[?&;]article=\d+")
MAX_HTML = 150_000


def add_articles(career_index, count, start=0):
    """Live articles without revisions: only what the moderation list reads."""
    articles = []
    for n in range(start, start + count):
        article = ArticlePage(title=f"Conseil numéro {n}", slug=f"conseil-{n}", intro="…")
        career_index.add_child(instance=article)
        articles.append(article)
    return articles


def bulk_comments(articles, count, reporter):
    """``count`` top-level comments spread over ``articles`` (a third pending, every seventh
    removed, every fifth reported), stored in a few queries: bulk_create refuses xtd's
    multi-table model, so its rows (the threading fields set as xtd sets a root's) are
    inserted next to django_comments' own."""
    now = timezone.now()
    comments = Comment.objects.bulk_create(
        Comment(
            content_type_id=articles[n % len(articles)].content_type_id,
            object_pk=str(articles[n % len(articles)].pk),
            site_id=1,
            user_name=f"Visiteur {n}",
            user_email=f"visiteur{n}@example.com",
            comment=f"Commentaire {n} : merci pour ces conseils.",
            submit_date=now - timedelta(minutes=n),
            is_public=n % 3 != 0,
            is_removed=n % 7 == 0,
        )
        for n in range(count)
    )
    quote = connection.ops.quote_name
    columns = ["comment_ptr_id", "thread_id", "parent_id", "level", "order", "followup"]
    columns.append("nested_count")
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {quote(XtdComment._meta.db_table)} "
            f"({', '.join(map(quote, columns))}) VALUES ({', '.join(['%s'] * len(columns))})",
            [(c.pk, c.pk, c.pk, 0, 1, False, 0) for c in comments],
        )
    CommentFlag.objects.bulk_create(
        CommentFlag(comment=c, user=reporter, flag=CommentFlag.SUGGEST_REMOVAL, flag_date=now)
        for c in comments[::5]
    )
    return comments


@pytest.fixture
def admin_client(client, db):
    client.force_login(make_user("admin", is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def reporter(db):
    return make_user("lea")


def listing_urls(article):
    return [
        *(INDEX + query for query in FILTERS),
        f"{INDEX}?article={article.pk}",
        f"{INDEX}?article={article.pk}&status=pending",
        f"{INDEX}?q=visiteur1",
        f"{INDEX}?article_title=num%C3%A9ro+1",
    ]


def capture(client, url):
    client.get(url)  # content types, site root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in queries], response.content.decode()


def comment_queries(sql):
    return [query for query in sql if re.search(r'FROM "django_comments(_xtd_xtdcomment)?"', query)]


def test_the_list_stays_fixed_and_small_as_comments_and_articles_grow(
    admin_client, career_index, reporter
):
    articles = add_articles(career_index, 3)
    bulk_comments(articles, 20, reporter)
    few = {url: capture(admin_client, url) for url in listing_urls(articles[0])}

    articles += add_articles(career_index, 100, start=3)
    bulk_comments(articles, 2000, reporter)
    for url in listing_urls(articles[0]):
        sql, html = capture(admin_client, url)
        assert len(sql) == len(few[url][0]), (url, sql)
        for query in comment_queries(sql):
            # No aggregate over the comments, no count wrapped around a subquery.
            assert "GROUP BY" not in query, (url, query)
            assert "DISTINCT" not in query, (url, query)
            assert not re.search(r"COUNT\(.*FROM \(SELECT", query), (url, query)
            # Counted on django_comments alone: joining xtd's table made each count 4× slower.
            assert "COUNT(" not in query or "xtdcomment" not in query, (url, query)
        # The total and the filtered count, each once (modeladmin's paginator counted again).
        assert sum("COUNT(" in query for query in comment_queries(sql)) <= 2, url
        assert len(html.encode()) < MAX_HTML, (url, len(html.encode()))
        # The article filter: the selected article and the matches only, not all 103.
        assert len(set(ARTICLE_LINK.findall(html))) <= 1 + 20, url


def test_the_flag_counts_come_in_one_query_for_the_listed_rows(
    admin_client, career_index, reporter
):
    articles = add_articles(career_index, 2)
    comments = bulk_comments(articles, 60, reporter)
    sql, html = capture(admin_client, INDEX)
    flag_queries = [q for q in sql if 'FROM "django_comment_flags"' in q]
    assert len(flag_queries) == 1 and "GROUP BY" not in flag_queries[0]
    # 50 rows listed, 10 reported among them (every fifth, newest first).
    assert len(re.findall(r"<td[^>]*field-reports[^>]*>\s*1\s*</td>", html)) == 10
    assert (
        f'value="restore:{comments[0].pk}"' in html and f'value="approve:{comments[3].pk}"' in html
    )


def test_short_lists_are_paged_by_their_keys_long_ones_counted(
    admin_client, career_index, reporter, monkeypatch
):
    articles = add_articles(career_index, 2)
    comments = bulk_comments(articles, 60, reporter)

    def second_page():
        sql, html = capture(admin_client, INDEX + "?p=2")
        return comment_queries(sql), re.findall(r'name="ids" value="(\d+)"', html)

    keyed_sql, keyed_rows = second_page()
    monkeypatch.setattr(ModerationListQuerySet, "KEYED", 10)
    counted_sql, counted_rows = second_page()
    # Newest first (comment n is n minutes old): rows 51 to 60 either way.
    assert keyed_rows == counted_rows == [str(c.pk) for c in comments[50:]]
    assert not any("COUNT(" in query for query in keyed_sql)
    assert sum("COUNT(" in query for query in counted_sql) == 2  # the total, the filtered


def test_a_report_settled_by_a_decision_reopens_with_a_later_report(
    admin_client, career_index, reporter
):
    (article,) = add_articles(career_index, 1)
    comment = make_comment(article, "Signalé deux fois")
    earlier = timezone.now() - timedelta(days=2)
    CommentFlag.objects.create(
        comment=comment, user=reporter, flag=CommentFlag.SUGGEST_REMOVAL, flag_date=earlier
    )
    moderator = make_user("mod")
    CommentFlag.objects.create(
        comment=comment,
        user=moderator,
        flag=CommentFlag.MODERATOR_APPROVAL,
        flag_date=earlier + timedelta(days=1),
    )

    def flagged():
        return "Signalé deux fois" in admin_client.get(INDEX + "?status=flagged").content.decode()

    assert not flagged()
    CommentFlag.objects.create(
        comment=comment, user=make_user("sam"), flag=CommentFlag.SUGGEST_REMOVAL
    )
    assert flagged()
    XtdComment.objects.filter(pk=comment.pk).update(is_removed=True)
    assert not flagged()


def test_the_article_filter_finds_articles_by_title_and_escapes_them(
    admin_client, career_index, reporter
):
    articles = add_articles(career_index, 30)
    odd = ArticlePage(title="Entrevue <b>vidéo</b> & salaire", slug="odd", intro="…")
    career_index.add_child(instance=odd)
    bulk_comments([*articles, odd], 62, reporter)

    # Case-insensitive (SQLite folds ASCII letters only).
    html = admin_client.get(INDEX, {"status": "pending", "article_title": "VIDéo"}).content.decode()
    assert "Entrevue &lt;b&gt;vidéo&lt;/b&gt; &amp; salaire" in html
    assert "<b>vidéo</b>" not in html
    # The match keeps the other filters; the form has a label and keeps them too.
    assert f"?article={odd.pk}&amp;article_title=VID%C3%A9o&amp;status=pending" in html
    assert re.search(r'<label for="career-article-title">', html)
    assert '<input type="hidden" name="status" value="pending">' in html
    assert set(ARTICLE_LINK.findall(html)) == {f"?article={odd.pk}"}

    listed = admin_client.get(f"{INDEX}?article={odd.pk}").content.decode()
    assert "Entrevue &lt;b&gt;vidéo&lt;/b&gt; &amp; salaire" in listed
    rows = re.findall(r'name="ids" value="(\d+)"', listed)
    assert len(rows) == 2  # comments 30 and 61 of the 62
    assert len(set(ARTICLE_LINK.findall(listed))) == 1

    # A word in thirty titles lists the first twenty and says so.
    many = admin_client.get(INDEX + "?article_title=conseil").content.decode()
    assert len(set(ARTICLE_LINK.findall(many))) == 20
    assert "20" in unescape(many)


@pytest.mark.parametrize(
    "query",
    [
        "article=abc",
        "article=²",
        "article=99999999999999999999999",
        "article=-1",
        "article=987654",
        "article_title=" + "x" * 5000,
        "article_title=%00%01",
        "article_title=%25_%5C",
        "article=1&article=abc",
    ],
)
def test_bad_article_values_list_nothing_and_never_fail(
    admin_client, career_index, reporter, query
):
    articles = add_articles(career_index, 2)
    bulk_comments(articles, 6, reporter)
    response = admin_client.get(f"{INDEX}?{query}")
    assert response.status_code == 200, query
    html = response.content.decode()
    if query.startswith("article="):
        assert 'name="ids"' not in html  # nothing listed
        assert re.search(r'<div role="status">\s*<p>', html)  # says why
    else:
        assert 'name="ids"' in html  # a title search alone filters no comment


def test_the_list_needs_the_moderation_permission(client, career_index, reporter):
    add_articles(career_index, 1)
    client.force_login(make_user("editor"))
    assert client.get(INDEX + "?article_title=conseil").status_code in (302, 403)


def test_the_dashboard_count_is_a_plain_count(client, career_index, reporter):
    articles = add_articles(career_index, 2)
    bulk_comments(articles, 30, reporter)
    client.force_login(make_user("admin", is_superuser=True, is_staff=True))
    client.get("/admin/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/admin/").content.decode()
    pending = [q["sql"] for q in queries if "is_public" in q["sql"]]
    assert len(pending) == 1 and "GROUP BY" not in pending[0] and "flags" not in pending[0]
    assert "xtdcomment" not in pending[0]
    waiting = sum(1 for n in range(30) if n % 3 == 0 and n % 7 != 0)
    assert f"{waiting} commentaires attendent la modération." in html


# The comment pages of an article ------------------------------------------------------


@pytest.mark.parametrize("current", [1, 15, 30])
def test_comment_pages_are_elided(client, career_index, reporter, settings, current):
    settings.WAGTAIL_CAREER_COMMENTS_PER_PAGE = 2
    (article,) = add_articles(career_index, 1)
    revision = article.save_revision()
    revision.publish()
    comments = bulk_comments([article], 90, reporter)
    Comment.objects.filter(pk__in=[c.pk for c in comments]).update(is_public=True, is_removed=False)
    html = client.get(f"{article.url}?comments_page={current}").content.decode()
    nav = re.search(
        r'<nav class="career-pagination career-comments__pagination" aria-label="([^"]+)">'
        r"(.*?)</nav>",
        html,
        re.S,
    )
    assert nav and nav.group(1) in ("Comment pages", "Pages de commentaires")
    links = re.findall(r'href="\?comments_page=(\d+)#comments"', nav.group(2))
    assert len(links) <= 10 and "45" in links and "1" in links  # first and last of 45
    assert re.search(
        rf'href="\?comments_page={current}#comments" aria-current="page"', nav.group(2)
    )
    # 1 2 3 … 45, or 1 … 13 14 15 16 17 … 45: the gaps are no links.
    ellipses = re.findall(r'<li><span aria-hidden="true">…</span></li>', nav.group(2))
    assert len(ellipses) == {1: 1, 15: 2, 30: 2}[current]
