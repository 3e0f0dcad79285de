"""Which cached entries a comment change makes stale (receivers connected in ``apps.py``).

A comment approved, removed or published at once changes its article (the section) and its
index's card counts; a comment held for moderation, before and after, changes no page.
"""

import math
from functools import partial

from ..cache import card_counts_dependency, purge, tree_dependency
from ..conf import get_setting
from ..models import ArticlePageMixin, page_model
from ..purges import index_of, index_urls, page_urls, parent_path
from .display import PAGE_PARAM
from .queries import article_content_type_ids, counts_for, forget_comment_count, visible


def comment_urls(article):
    _total, threads = counts_for(article)
    pages = math.ceil(threads / get_setting("COMMENTS_PER_PAGE"))
    urls = page_urls(article, ["", *(f"?{PAGE_PARAM}={n}" for n in range(2, pages + 1))])
    index = index_of(article)
    if index is not None:
        urls |= index_urls(index)
    return urls


def _is_visible(comment):
    return comment.is_public and not comment.is_removed


def comment_will_change(instance, **kwargs):
    """pre_save of a comment: remember whether visitors saw it before this save."""
    instance._career_was_visible = bool(
        instance.pk and visible(type(instance).norel_objects.filter(pk=instance.pk)).exists()
    )


def comment_changed(instance, **kwargs):
    """post_save and post_delete of a comment: purge when visitors see (or saw) it."""
    if instance.content_type_id not in article_content_type_ids():
        return
    if not (_is_visible(instance) or getattr(instance, "_career_was_visible", False)):
        return  # held for moderation, before and after: no page shows it
    try:
        page_class = page_model()
        article = page_class.objects.get(pk=int(instance.object_pk)).specific_deferred
    except (page_class.DoesNotExist, ValueError, OverflowError):
        return
    if not isinstance(article, ArticlePageMixin):
        return
    forget_comment_count(article.pk)
    purge(
        [tree_dependency(article.path), card_counts_dependency(parent_path(article.path))],
        urls=partial(comment_urls, article),
    )
