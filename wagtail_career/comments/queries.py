"""Querysets for an article's comments; every count the site shows comes from here."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django_comments_xtd.models import XtdComment


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


def public_comment_count_subquery():
    """An annotation giving each ``ArticlePage`` row its number of public comments."""
    counts = (
        visible(XtdComment.norel_objects.all())
        .filter(
            content_type=article_content_type(),
            object_pk=Cast(OuterRef("pk"), output_field=CharField()),
        )
        .order_by()
        .values("object_pk")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def counts_for(article):
    """``(public comments, public top-level comments)`` of ``article`` in one query."""
    totals = visible(article_comments(article)).aggregate(
        total=Count("pk"), threads=Count("pk", filter=Q(level=0))
    )
    return totals["total"], totals["threads"]


def attach_comment_counts(articles):
    """Set ``comment_count`` on already-fetched articles (e.g. search hits), in one query."""
    from ..models import ArticlePage

    counts = dict(
        ArticlePage.objects.filter(pk__in=[article.pk for article in articles])
        .annotate(n=public_comment_count_subquery())
        .values_list("pk", "n")
    )
    for article in articles:
        article.comment_count = counts.get(article.pk, 0)
