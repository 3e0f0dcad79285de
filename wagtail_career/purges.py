"""Which cached entries each change of the core makes stale (signal receivers, connected in
``apps.py`` for every page model).

- a page published, unpublished, moved (from and to) or deleted, or its view restrictions
  changed: the page and every page below it (each page depends on its ancestors' trees),
  and its parent index's listing (pages, tags, author archives, feeds, the siblings'
  "related articles");
- an author changed: career pages (bylines and cards);
- the Career settings of a site (of any feature): that site's career pages.

Features purge their own changes (comments, employers) with the same helpers. The page
cache is purged through dependencies (see ``cache.py``); the CDN, when
``wagtail.contrib.frontend_cache`` is installed, through the URLs listed here.
"""

import math
from functools import partial

from django.conf import settings
from django.db.models.signals import post_delete
from django.utils import translation
from wagtail.models import AbstractPage
from wagtail.signals import post_page_move, pre_page_move

from .cache import (
    AUTHORS,
    forget_restricted_paths,
    listing_dependency,
    purge,
    settings_dependency,
    tree_dependency,
)
from .conf import get_setting
from .models import (
    ArticlePageMixin,
    CareerIndexPageMixin,
    article_page_models,
    index_page_models,
    page_model,
)


def parent_path(page_path):
    return page_path[: -AbstractPage.steplen]


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


def index_of(article):
    """The career index an article is listed under, or ``None``."""
    parent = page_model().objects.filter(path=parent_path(article.path)).first()
    parent = parent.specific_deferred if parent else None
    return parent if isinstance(parent, CareerIndexPageMixin) else None


def article_urls(article):
    urls = page_urls(article)
    index = index_of(article)
    if index is not None:
        authors = [link.author for link in article.article_authors.select_related("author")]
        urls |= index_urls(index, tags=article.tags.all(), authors=authors)
    return urls


def tree_urls(page):
    """The URLs of ``page`` and of every career page below it."""
    page = page.specific_deferred
    if isinstance(page, ArticlePageMixin):
        return article_urls(page)
    urls = page_urls(page)
    for model in index_page_models():
        for index in model.objects.descendant_of(page, inclusive=True):
            urls |= index_urls(index) | page_urls(index, [*index_route_suffixes(index)])
    for model in article_page_models():
        for article in model.objects.descendant_of(page):
            urls |= page_urls(article)
    return urls


def index_route_suffixes(index):
    """Every route of ``index`` without an argument (features' routes, such as employers/)."""
    suffixes = []
    for pattern in index.get_subpage_urls():
        route = str(pattern.pattern)
        if "<" not in route and "(" not in route:
            suffixes.append(route.lstrip("^").rstrip("$"))
    return suffixes


def tree_changed(page, **kwargs):
    """Purge ``page``, everything below it and its parent's listing. Receiver of
    page_published, page_unpublished, post_delete, pre_page_move (the old place) and
    post_page_move (the new one) for every page model."""
    dependencies = [tree_dependency(page.path), listing_dependency(parent_path(page.path))]
    purge(dependencies, urls=partial(tree_urls, page))


def page_changed(instance, signal=None, **kwargs):
    if signal in (pre_page_move, post_page_move, post_delete):
        forget_restricted_paths()  # the paths of restricted pages may have changed
    tree_changed(instance)


def restriction_changed(instance, **kwargs):
    """A view restriction added, changed or removed: the page and its tree change."""
    forget_restricted_paths()
    page = page_model().objects.filter(pk=instance.page_id).first()
    if page is not None:
        tree_changed(page)


def career_urls(site=None):
    """Every live career page of ``site`` (or of all sites), with the index routes."""
    urls = set()
    for model in article_page_models():
        articles = model.objects.live()
        if site is not None:
            articles = articles.descendant_of(site.root_page)
        for article in articles:
            urls |= page_urls(article)
    for model in index_page_models():
        indexes = model.objects.live()
        if site is not None:
            indexes = indexes.descendant_of(site.root_page, inclusive=True)
        for index in indexes:
            urls |= page_urls(index, index_route_suffixes(index))
    return urls


def authors_changed(**kwargs):
    purge([AUTHORS], urls=career_urls)


def site_settings_changed(instance, created=False, **kwargs):
    """post_save of a settings model of the package (the core's or a feature's)."""
    if created:  # made with its defaults on a site's first page view: nothing changed
        return
    purge([settings_dependency(instance.site_id)], urls=partial(career_urls, instance.site))
