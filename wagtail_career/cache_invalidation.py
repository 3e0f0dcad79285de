"""Which cached pages each change makes stale (signal receivers, connected in ``apps.py``).

- an article published, unpublished or deleted: the article, its index's routes (pages,
  tags, author archives, feeds) and its siblings' "related articles";
- a comment approved, removed or published at once: its article, and its index's comment
  counts (a comment held for moderation changes no page);
- an employer (or its logo) changed: the pages showing the employers (articles, directory);
- an author changed: career pages (bylines and cards); the Career settings of a site:
  that site's career pages; an index page published: its own routes.

The page cache is purged through dependencies (see ``cache.py``); the CDN, when
``wagtail.contrib.frontend_cache`` is installed, through the URLs listed here.
"""

import math
from functools import partial

from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from .cache import (
    AUTHORS,
    EMPLOYERS,
    comment_count_dependency,
    listing_dependency,
    page_dependency,
    purge,
    settings_dependency,
)
from .conf import get_setting


def parent_path(page_path):
    return page_path[: -Page.steplen]


def page_urls(page, suffixes=("",)):
    """``page``'s full URL in every language of the site, each followed by ``suffixes``."""
    urls = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            base = page.get_full_url()
        if base:
            urls.update(base + suffix for suffix in suffixes)
    return urls


def index_urls(index, tags=(), authors=()):
    """The routes of ``index`` an article appears on: pages, tag filters, author archives,
    and the matching feeds."""
    pages = math.ceil(index.articles().count() / get_setting("PAGE_SIZE"))
    suffixes = ["", *(f"?page={number}" for number in range(2, pages + 1))]
    for kind in ("rss", "atom"):
        suffixes.append(index.reverse_subpage("feed", kwargs={"kind": kind}))
    for tag in tags:
        suffixes.append(f"?tag={tag.slug}")
        for kind in ("rss", "atom"):
            suffixes.append(
                index.reverse_subpage("tag_feed", kwargs={"slug": tag.slug, "kind": kind})
            )
    for author in authors:
        if author.slug:
            suffixes.append(index.reverse_subpage("author_archive", kwargs={"slug": author.slug}))
            for kind in ("rss", "atom"):
                suffixes.append(
                    index.reverse_subpage("author_feed", kwargs={"slug": author.slug, "kind": kind})
                )
    return page_urls(index, suffixes)


def _index_of(article):
    from .models import CareerIndexPage

    return CareerIndexPage.objects.filter(path=parent_path(article.path)).first()


def article_urls(article):
    urls = page_urls(article)
    index = _index_of(article)
    if index is not None:
        authors = [link.author for link in article.article_authors.select_related("author")]
        urls |= index_urls(index, tags=article.tags.all(), authors=authors)
    return urls


def article_changed(instance, **kwargs):
    """page_published, page_unpublished and post_delete of ``ArticlePage``."""
    purge(
        [page_dependency(instance.pk), listing_dependency(parent_path(instance.path))],
        urls=partial(article_urls, instance),
    )


def index_published(instance, **kwargs):
    purge([page_dependency(instance.pk)])


def comment_urls(article):
    from .comments.queries import counts_for

    _total, threads = counts_for(article)
    pages = math.ceil(threads / get_setting("COMMENTS_PER_PAGE"))
    urls = page_urls(article, ["", *(f"?comments_page={n}" for n in range(2, pages + 1))])
    index = _index_of(article)
    if index is not None:
        urls |= index_urls(index)
    return urls


def _is_visible(comment):
    return comment.is_public and not comment.is_removed


def comment_will_change(instance, **kwargs):
    """pre_save of a comment: remember whether visitors saw it before this save."""
    from .comments.queries import visible

    instance._career_was_visible = bool(
        instance.pk and visible(type(instance).norel_objects.filter(pk=instance.pk)).exists()
    )


def comment_changed(instance, **kwargs):
    """post_save and post_delete of a comment: purge when visitors see (or saw) it."""
    from .comments.queries import article_content_type, forget_comment_count
    from .models import ArticlePage

    if instance.content_type_id != article_content_type().pk:
        return
    if not (_is_visible(instance) or getattr(instance, "_career_was_visible", False)):
        return  # held for moderation, before and after: no page shows it
    try:
        article = ArticlePage.objects.only("pk", "path", "url_path").get(pk=int(instance.object_pk))
    except (ArticlePage.DoesNotExist, ValueError):
        return
    forget_comment_count(article.pk)
    purge(
        [page_dependency(article.pk), comment_count_dependency(parent_path(article.path))],
        urls=partial(comment_urls, article),
    )


def career_urls(site=None):
    """Every live career page of ``site`` (or of all sites), with the employer directory."""
    from .models import ArticlePage, CareerIndexPage

    articles = ArticlePage.objects.live()
    indexes = CareerIndexPage.objects.live()
    if site is not None:
        articles = articles.descendant_of(site.root_page)
        indexes = indexes.descendant_of(site.root_page, inclusive=True)
    urls = set()
    for article in articles:
        urls |= page_urls(article)
    for index in indexes:
        urls |= page_urls(index, ["", index.reverse_subpage("employer_directory")])
    return urls


def employers_changed(**kwargs):
    purge([EMPLOYERS], urls=career_urls)


def authors_changed(**kwargs):
    purge([AUTHORS], urls=career_urls)


def career_settings_changed(instance, created=False, **kwargs):
    if created:  # made with its defaults on a site's first page view: nothing changed
        return
    purge([settings_dependency(instance.site_id)], urls=partial(career_urls, instance.site))
