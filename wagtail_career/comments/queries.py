"""Querysets for an article's comments; every count the site shows comes from here."""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q
from django_comments_xtd.models import XtdComment

from ..conf import get_setting


def article_content_type():
    from ..models import ArticlePage

    # ContentType's manager caches this: no query after the first call.
    return ContentType.objects.get_for_model(ArticlePage)


def visible(queryset=None):
    """Comments a visitor may see: public and not removed."""
    queryset = XtdComment.objects.all() if queryset is None else queryset
    return queryset.filter(is_public=True, is_removed=False)


def article_comments(article):
    """Every comment of ``article`` (any status), without xtd's default joins."""
    return XtdComment.norel_objects.filter(
        content_type=article_content_type(), object_pk=str(article.pk)
    )


def counts_for(article):
    """``(public comments, public top-level comments)`` of ``article`` in one query."""
    totals = visible(article_comments(article)).aggregate(
        total=Count("pk"), threads=Count("pk", filter=Q(level=0))
    )
    return totals["total"], totals["threads"]


def comment_count_key(article_id):
    return f"wagtail_career:comment_count:{article_id}"


def forget_comment_count(article_id):
    """Called whenever a comment visitors see (or saw) changes (``cache_invalidation``)."""
    cache.delete(comment_count_key(article_id))
    transaction.on_commit(partial(cache.delete, comment_count_key(article_id)))


def attach_comment_counts(articles):
    """Set ``comment_count`` on fetched articles: from the cache, the rest in one query.

    A count per article, rather than a correlated subquery in the listing's query: SQLite's
    planner scans every article comment for each row of such a subquery.
    """
    keys = {article.pk: comment_count_key(article.pk) for article in articles}
    cached = cache.get_many(list(keys.values()))
    counts = {pk: cached[key] for pk, key in keys.items() if key in cached}
    missing = [pk for pk in keys if pk not in counts]
    if missing:
        rows = dict(
            visible(XtdComment.norel_objects.all())
            .filter(content_type=article_content_type(), object_pk__in=[str(pk) for pk in missing])
            .order_by()
            .values_list("object_pk")
            .annotate(n=Count("pk"))
        )
        fresh = {pk: rows.get(str(pk), 0) for pk in missing}
        cache.set_many({keys[pk]: n for pk, n in fresh.items()}, get_setting("PAGE_CACHE_TIMEOUT"))
        counts.update(fresh)
    for article in articles:
        article.comment_count = counts[article.pk]
