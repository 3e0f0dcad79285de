"""Which cached entries each change of the core makes stale (signal receivers, connected in
``apps.py`` for every page model).

- a page published, unpublished, moved (from and to) or deleted, or its view restrictions
  changed: the page and every page below it (each page depends on its ancestors' trees),
  and its parent index's listing (pages, tags, author archives, feeds);
- an article so changed, besides: the "related articles" it may be in, and only those —
  the siblings sharing one of its tags, before and after the change (a tag it loses was
  maybe what listed it), and, when it is or was one of the index's newest, the siblings
  whose list too few shared tags fill up with the newest (``related_scope``);
- an author changed: career pages (bylines and cards);
- the Career settings of a site (of any feature): that site's career pages.

Features purge their own changes (comments, employers) with the same helpers. The page
cache is purged through dependencies (see ``cache.py``); the CDN, when
``wagtail.contrib.frontend_cache`` is installed, through the URLs listed here.
"""

import math
from datetime import UTC, date, datetime
from functools import partial

from django.conf import settings
from django.db.models import Count
from django.db.models.signals import post_delete
from django.utils import translation
from wagtail.models import AbstractPage
from wagtail.signals import post_page_move, pre_page_move

from .cache import (
    AUTHORS,
    SITEMAP,
    forget_restricted_paths,
    listing_dependency,
    purge,
    recent_dependency,
    settings_dependency,
    tag_dependency,
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
from .models.settings import site_settings_saved


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


def tree_urls(page, related=None):
    """The URLs of ``page`` and of every career page below it (for an article, with the
    siblings of its ``related`` scope)."""
    page = page.specific_deferred
    if isinstance(page, ArticlePageMixin):
        return article_urls(page) | (related_urls(page, related) if related else set())
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


# Related lists ---------------------------------------------------------------------------
#
# An article's "related articles" (ArticlePageMixin.related_articles) are the siblings
# sharing the most tags, filled up with the newest when too few share one. Its page and
# fragment depend on one token per tag of the article in its index, plus the index's
# "recent" token when it is filled up (ArticlePageMixin.related_dependencies). So a change
# of article A reaches the siblings sharing a tag with A, and, only when A is (or was) one
# of the index's N + 1 newest (N related articles, plus the list's own article), those
# filled up with the newest: a new article does reach every sibling with too few shared
# tags, since it is the newest, but an old article republished reaches none of them.


def related_scope(article):
    """``(index_path, tag_ids, newest)`` of the related lists ``article`` may be in, as the
    database has it now (its live row and tags); ``None`` when it is not live."""
    row = article.listing_model().objects.filter(pk=article.pk, live=True).defer_streamfields()
    row = row.first() if article.pk else None
    if row is None:
        return None
    through = article.tag_through_model()
    tag_ids = set(through.objects.filter(content_object_id=row.pk).values_list("tag_id", flat=True))
    return (parent_path(row.path), frozenset(tag_ids), is_among_newest(row))


def live_siblings(article, index_path=None):
    model = article.listing_model()
    index_path = index_path or parent_path(article.path)
    return model.objects.live().filter(path__startswith=index_path, depth=article.depth)


def _sort_key(display_date, published):
    return (display_date or date.min, published or datetime.min.replace(tzinfo=UTC))


def is_among_newest(article):
    """Whether ``article`` sorts among the N + 1 newest live articles of its index (N:
    ``WAGTAIL_CAREER_RELATED_ARTICLES``), itself left out: where a filled-up list reads."""
    size = get_setting("RELATED_ARTICLES")
    if not size:
        return False
    others = live_siblings(article).exclude(pk=article.pk).with_display_date()
    boundary = others.values_list("display_date_sort", "first_published_at")[size : size + 1]
    boundary = list(boundary)
    if not boundary:
        return True
    return _sort_key(article.display_date_sort, article.first_published_at) >= _sort_key(
        *boundary[0]
    )


def related_dependencies(scopes):
    """The tokens of the related lists of ``scopes`` (see ``related_scope``)."""
    dependencies = set()
    for index_path, tag_ids, newest in scopes:
        dependencies.update(tag_dependency(index_path, tag_id) for tag_id in tag_ids)
        if newest:
            dependencies.add(recent_dependency(index_path))
    return sorted(dependencies)


def related_urls(article, scopes):
    """The URLs of the siblings whose related lists ``scopes`` reach: those sharing one of
    the tags, and, for the newest, those with no tag carried by more than N live articles
    (the only ones that can have fewer than N sharing a tag: a superset of the lists that
    are filled up)."""
    size = get_setting("RELATED_ARTICLES")
    through = article.tag_through_model()
    urls = set()
    for index_path, tag_ids, newest in scopes:
        siblings = live_siblings(article, index_path).exclude(pk=article.pk).defer_streamfields()
        found = siblings.filter(tagged_items__tag_id__in=tag_ids) if tag_ids else siblings.none()
        if newest:
            crowded = (
                through.objects.filter(content_object__in=live_siblings(article, index_path))
                .values("tag_id")
                .annotate(articles=Count("pk"))
                .filter(articles__gt=size)
                .values("tag_id")
            )
            found = found | siblings.exclude(tagged_items__tag_id__in=crowded)
        for sibling in found.distinct():
            urls |= page_urls(sibling)
    return urls


def article_changing(instance, update_fields=None, **kwargs):
    """pre_save (of a whole article: a publication, not a draft's revision) and pre_delete
    of an article: remember the related lists it is in before the change, for the purge
    that follows (``tree_changed``)."""
    if update_fields is None and instance.pk:
        scope = related_scope(instance)
        if scope is not None:
            instance._career_related_before = scope


def tree_changed(page, **kwargs):
    """Purge ``page``, everything below it and its parent's listing (for an article, the
    related lists it was and is in). Receiver of page_published, page_unpublished,
    post_delete, pre_page_move (the old place) and post_page_move (the new one) for every
    page model."""
    dependencies = [
        tree_dependency(page.path),
        listing_dependency(parent_path(page.path)),
        SITEMAP,
    ]
    scopes = []
    specific = page.specific_deferred
    if isinstance(specific, ArticlePageMixin):
        before = page.__dict__.pop("_career_related_before", None)
        scopes = [scope for scope in (before, related_scope(specific)) if scope is not None]
        dependencies += related_dependencies(scopes)
    purge(dependencies, urls=partial(tree_urls, page, scopes))


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
    site_settings_saved(instance)
    purge([settings_dependency(instance.site_id)], urls=partial(career_urls, instance.site))
