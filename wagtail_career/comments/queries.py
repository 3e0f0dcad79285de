"""Querysets for an article's comments; every count the site shows comes from here."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django_comments.models import Comment
from django_comments_xtd.models import XtdComment

from ..cache import forget_values, get_values
from ..models import ArticlePageMixin, article_page_models, page_model

COUNTS = "comment_count"
# The mark of a comment stored before its author confirmed their address ("anyone may
# comment"): its URL field, which the package's form never fills (it takes no commenter
# links). Such a comment is neither public nor in the moderation queue; the mailed link
# confirms it, and it is deleted once that link has expired.
UNCONFIRMED = "urn:wagtail-career:unconfirmed"


def article_content_type_ids():
    """The content types of every article model (a comment belongs to its article's own)."""
    # ContentType's manager caches these: no query after the first call.
    return [ContentType.objects.get_for_model(model).pk for model in article_page_models()]


def _on_articles(comments, unconfirmed):
    comments = comments.filter(content_type_id__in=article_content_type_ids())
    return comments if unconfirmed else comments.exclude(user_url=UNCONFIRMED)


def all_article_comments(unconfirmed=False):
    """Every comment on an article of any article model; those awaiting their author's
    confirmation only with ``unconfirmed`` (personal data: export, retention)."""
    return _on_articles(XtdComment.norel_objects.all(), unconfirmed)


def article_comment_rows():
    """The comments of :func:`all_article_comments` as django_comments' rows alone, without
    xtd's threading table (every comment posted is an ``XtdComment``).

    For lists and counts that read no threading field (the moderation queue): joining the
    two tables made each count over 100,000 comments four times slower on PostgreSQL (a
    hash join of both tables instead of one sequential scan).
    """
    return _on_articles(Comment.objects.all(), unconfirmed=False)


def unconfirmed_comments():
    return XtdComment.norel_objects.filter(user_url=UNCONFIRMED)


def find_article(pk, site):
    """The live, public article ``pk`` of ``site`` (of any article model), or ``None``."""
    page_class = page_model()
    page = (
        page_class.objects.live()
        .public()
        .in_site(site)
        .type(ArticlePageMixin)
        .filter(pk=pk)
        .first()
    )
    return page.specific if page else None


def visible(queryset=None):
    """Comments a visitor may see: public and not removed."""
    queryset = XtdComment.objects.all() if queryset is None else queryset
    return queryset.filter(is_public=True, is_removed=False)


def article_comments(article):
    """Every comment of ``article`` (any status), without xtd's default joins."""
    return XtdComment.norel_objects.filter(
        content_type_id=article.content_type_id, object_pk=str(article.pk)
    )


def counts_for(article):
    """``(public comments, public top-level comments)`` of ``article`` in one query."""
    totals = visible(article_comments(article)).aggregate(
        total=Count("pk"), threads=Count("pk", filter=Q(level=0))
    )
    return totals["total"], totals["threads"]


def forget_comment_count(article_id):
    """Called whenever a comment visitors see (or saw) changes (``purges``)."""
    forget_values(COUNTS, [article_id])


def count_comments(article_ids):
    """``{article id: public comments}`` in one query (``article_ids`` are page ids)."""
    rows = dict(
        visible(all_article_comments())
        .filter(object_pk__in=[str(pk) for pk in article_ids])
        .order_by()
        .values_list("object_pk")
        .annotate(n=Count("pk"))
    )
    return {pk: rows.get(str(pk), 0) for pk in article_ids}


def attach_comment_counts(articles):
    """Set ``comment_count`` on fetched articles (``parts.LISTING_HOOK``): from the cache,
    the rest in one query.

    A count per article, rather than a correlated subquery in the listing's query: SQLite's
    planner scans every article comment for each row of such a subquery.
    """
    counts = get_values(COUNTS, [article.pk for article in articles], count_comments)
    for article in articles:
        article.comment_count = counts[article.pk]
