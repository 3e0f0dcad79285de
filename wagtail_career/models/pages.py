"""The career pages' behaviour, as abstract mixins a site combines with its page model.

``wagtail_career.pages`` builds the ready-made ``CareerIndexPage`` and ``ArticlePage`` from
them and Wagtail's ``Page``; a site with a custom base page model builds its own from its
``BasePage`` (see the README, "Custom base page models"). A concrete article declares
``tags`` (a ``ClusterTaggableManager`` whose through model's ``ParentalKey`` has
``related_name="tagged_items"``) and an ``article_authors`` relation (a subclass of
:class:`AbstractArticlePageAuthor`).
"""

import math
import re

import swapper
from django.apps import apps
from django.db import models
from django.db.models import Count, Max, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import AbstractPage, Orderable, PageManager, Site
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..blocks import ArticleBodyBlock
from ..cache import (
    AUTHORS,
    card_counts_dependency,
    depend_on,
    do_not_cache,
    get_values,
    listing_dependency,
    may_share,
    page_dependencies,
    recent_dependency,
    restricted_paths,
    settings_dependency,
    tag_dependency,
    version,
)
from ..conf import get_setting
from ..feeds import serve_feed
from ..languages import (
    active_language,
    default_language,
    i18n_enabled,
    search_backend,
    sitemap_urls,
)
from ..localize import localized
from ..paginator import paginate
from ..parts import annotate_articles, article_parts, index_routes
from ..search import clean_query, search_page
from .authors import Author

# The {% picture %} specs of the article cards' and the author boxes' images, written as in
# their templates: prefetched renditions are matched by their exact spec, so each prefetch
# expands the same braces the tag does (a template that asked for another spec would cost a
# query per image again).
CARD_RENDITION = "format-{avif,webp,jpeg} fill-{400x225,800x450}"
AUTHOR_PHOTO_RENDITION = "format-{avif,webp,jpeg} fill-160x160"
CARD_FILTERS = [Filter(spec=spec) for spec in Filter.expand_spec(CARD_RENDITION)]
HTML_TAG = re.compile(r"<[^>]*>")
# What a tag slug can be (taggit slugifies names, keeping Unicode letters).
TAG_SLUG = re.compile(r"[-\w]+")
# The query parameters the index's routes read; any other bypasses the page cache.
INDEX_QUERY_PARAMS = ("page", "tag")
# The cache namespace of what listings show of all their articles (their tags, counts).
LISTING_VALUES = "listing"
# The cache namespace of the articles' related ids by shared tags (related_by_tags).
RELATED_BY_TAGS = "related_by_tags"
# The cache namespace of what an article's view shows besides its fields (shown_relations).
SHOWN_RELATIONS = "article_relations"


def page_model():
    """The site's page model (``WAGTAIL_PAGE_MODEL``), once the models are loaded."""
    return swapper.load_model("wagtailcore", "Page")


def concrete_models(mixin):
    """Every concrete (non-proxy) model built from ``mixin`` (a feature's page mixin too)."""
    return [
        model for model in apps.get_models() if issubclass(model, mixin) and not model._meta.proxy
    ]


def topmost_model(cls, mixin):
    """The topmost concrete model built from ``mixin`` that ``cls`` derives from: querying
    it finds every page of the family (a site's subclass of a ready-made page included)."""
    concrete = [
        klass
        for klass in cls.__mro__
        if isinstance(klass, type)
        and issubclass(klass, mixin)
        and issubclass(klass, models.Model)
        and not klass._meta.abstract
    ]
    return concrete[-1]


def article_page_models():
    """Every concrete page model built from :class:`ArticlePageMixin`."""
    return concrete_models(ArticlePageMixin)


def index_page_models():
    """Every concrete page model built from :class:`CareerIndexPageMixin`."""
    return [model for model in apps.get_models() if issubclass(model, CareerIndexPageMixin)]


def public_q(prefix=""):
    """Wagtail's ``PageQuerySet.public()`` condition (``prefix``: the lookup to the page),
    from the cached paths of the restricted pages instead of one query per call."""
    condition = Q()
    for restricted in restricted_paths():
        condition &= ~Q(**{f"{prefix}path__startswith": restricted})
    return condition


def request_page_url(page, request):
    """``page.get_url(request)``, computed once per request and language (a listing's every
    byline links to an author archive under its index; the URL's prefix is the language's)."""
    if request is None:
        return page.get_url()
    urls = request.__dict__.setdefault("_career_page_urls", {})
    key = (page.pk, translation.get_language())
    if key not in urls:
        urls[key] = page.get_url(request)
    return urls[key]


def site_settings_dependency(request):
    site = Site.find_for_request(request)  # cached on the request
    return settings_dependency(site.pk if site else None)


class ArticlePageQuerySet(PageQuerySet):
    def with_display_date(self):
        """Newest first, by the stored, indexed ``display_date_sort`` (the last key is
        ``id``, not ``pk``: search backends sort on filter fields, and Page's is ``id``)."""
        return self.order_by("-display_date_sort", "-first_published_at", "-id")

    def for_listing(self):
        """Everything an article card shows, in a fixed number of queries, without the
        bodies (cards show no reading time: it is read from the body)."""
        return (
            self.with_display_date()
            .defer_streamfields()
            .with_annotations()
            .with_localized_authors()
            .with_card_pictures()
            .prefetch_related(*listing_prefetches(self.model))
        )

    def with_card_pictures(self):
        """On fetch, give the articles their cards' pictures (see
        :func:`attach_card_pictures`); use with the ``listing_prefetches``."""
        clone = self._chain()
        clone._career_pictures = True
        return clone

    def with_localized_authors(self):
        """On fetch, give the articles their authors in the active language, in one query
        (see :func:`localize_article_authors`); use with the ``listing_prefetches``."""
        clone = self._chain()
        clone._career_localize = True
        return clone

    def with_annotations(self):
        """Let the features attach what cards show (see ``parts.LISTING_HOOK``) on fetch."""
        clone = self._chain()
        clone._career_annotate = True
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._career_annotate = getattr(self, "_career_annotate", False)
        clone._career_localize = getattr(self, "_career_localize", False)
        clone._career_pictures = getattr(self, "_career_pictures", False)
        return clone

    def _fetch_all(self):
        fetching = self._result_cache is None
        super()._fetch_all()
        rows = self._result_cache
        # Page instances only, not .values() rows.
        if fetching and rows and isinstance(rows[0], AbstractPage):
            if getattr(self, "_career_localize", False):
                localize_article_authors(rows)
            if getattr(self, "_career_annotate", False):
                annotate_articles(rows)
            if getattr(self, "_career_pictures", False):
                attach_card_pictures(rows)

    def for_feed(self):
        """Everything a feed item shows (its tags as categories, no image), in a fixed
        number of queries."""
        return (
            self.with_display_date()
            .with_localized_authors()
            .prefetch_related(*listing_prefetches(self.model, images=False), "tags")
        )


def attach_card_pictures(articles):
    """Give each article with a hero image its card's picture (``card_picture``, which
    ``article_card.html`` renders), from the renditions prefetched by
    :func:`listing_prefetches`: with filters parsed once, where ``{% picture %}`` parses its
    six specs again for every card."""
    for article in articles:
        if article.hero_image_id and article.hero_image:
            article.card_picture = Picture(
                get_renditions_or_not_found(article.hero_image, CARD_FILTERS)
            )


def localize_article_authors(articles):
    """Give each article (with the ``article_authors`` prefetch) its authors in the active
    language, for :attr:`ArticlePageMixin.authors`: one query for all of them, none without
    internationalisation."""
    if not i18n_enabled():
        return
    articles = [
        article
        for article in articles
        if "article_authors" in getattr(article, "_prefetched_objects_cache", {})
    ]
    originals = {
        item.author.pk: item.author
        for article in articles
        for item in article.article_authors.all()
        if item.author_id
    }
    translated = dict(zip(originals, localized(originals.values()), strict=True))
    for article in articles:
        article.__dict__["_career_authors"] = [
            translated[item.author_id] for item in article.article_authors.all() if item.author_id
        ]


def find_author(slug):
    """The author whose archive is at ``slug``: the active language's, else the default
    language's (a translation may keep its original's slug), else a 404."""
    if not i18n_enabled():
        return get_object_or_404(Author, slug=slug)
    by_language = {
        author.locale.language_code: author
        for author in Author.objects.filter(slug=slug).select_related("locale")
    }
    author = by_language.get(active_language()) or by_language.get(default_language())
    if author is None:
        raise Http404("No author at this address.")
    return author


def listing_prefetches(article_model, images=True):
    """Prefetches for a list of article cards: authors and (optionally) card images (a card
    shows no tag)."""
    author_link_model = article_model._meta.get_field("article_authors").related_model
    prefetches = [
        Prefetch(
            "article_authors",
            queryset=author_link_model.objects.select_related("author").order_by("sort_order"),
        ),
    ]
    if images:
        prefetches.append(
            Prefetch(
                "hero_image",
                queryset=get_image_model().objects.prefetch_renditions(
                    *Filter.expand_spec(CARD_RENDITION)
                ),
            )
        )
    return prefetches


class CareerIndexPageMixin(RoutablePageMixin, models.Model):
    """The career section's landing page: its articles, newest first, by tag and by author,
    their feeds, and the routes features add (``parts.INDEX_ROUTES_HOOK``)."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = AbstractPage.content_panels + [FieldPanel("intro")]
    search_fields = AbstractPage.search_fields + [index.SearchField("intro")]

    # Wagtail gives each page class a template named after its app and model: career pages
    # use the package's, whatever app defines the concrete class (override to change it).
    career_template = "wagtail_career/career_index_page.html"

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        return self.career_template

    @classmethod
    def get_subpage_urls(cls):
        return super().get_subpage_urls() + tuple(index_routes())

    @classmethod
    def article_model(cls):
        """The article model listed under this index (its first article subpage type, read
        as the topmost article model it derives from, so site subclasses are listed too)."""
        for model in cls.allowed_subpage_models():
            if issubclass(model, ArticlePageMixin):
                return model.listing_model()
        raise LookupError(f"{cls.__name__}.subpage_types allows no article page model.")

    def articles(self):
        """The live, public articles of this index (public as ``PageQuerySet.public()``
        reads it, from the cached restricted paths: no query)."""
        return self.article_model().objects.live().filter(public_q()).child_of(self)

    def articles_by(self, author):
        """The articles signed by ``author`` (by any of its translations with i18n on), each
        once."""
        links = self.article_model()._meta.get_field("article_authors").related_model.objects
        if i18n_enabled():
            links = links.filter(author__translation_key=author.translation_key)
        else:
            links = links.filter(author=author)
        return self.articles().filter(pk__in=links.values("page_id"))

    def listing_value(self, name, compute):
        """``compute()``, a value of this index's live articles (their tags, a count), read
        from the cache; computed again once the listing is purged (an article published,
        unpublished, moved or deleted), a view restriction above changes or an author does.
        Without a query when cached (listings show these on every page)."""
        dependencies = [listing_dependency(self.path), *page_dependencies(self), AUTHORS]
        ident = f"{self.pk}:{name}:{version(dependencies)}"
        return get_values(LISTING_VALUES, [ident], lambda idents: {ident: compute()})[ident]

    def listing_count(self, name, articles):
        """A callable giving ``articles``' number, as :meth:`listing_value` ``name``."""
        return lambda: self.listing_value(f"count:{name}", articles.count)

    def tags(self):
        """Tags used by the live articles of this index, for the filter (cached)."""
        return self.listing_value("tags", self.used_tags)

    def used_tags(self):
        """The tags of the live articles of this index, by name (one query)."""
        through = self.article_model()._meta.get_field("tags").remote_field.through
        tagged = through.objects.filter(content_object__in=self.articles()).values("tag_id")
        return list(Tag.objects.filter(pk__in=tagged).order_by("name"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = get_setting("BASE_TEMPLATE")
        context["career_index"] = self
        return context

    def cache_dependencies(self, request):
        return [
            listing_dependency(self.path),
            card_counts_dependency(self.path),
            AUTHORS,
            site_settings_dependency(request),
        ]

    def listing_fragment(self, request, listing, *vary_on):
        """How ``includes/article_list.html`` keeps ``listing``'s cards rendered: on this
        index's page dependencies, per route (``vary_on``) and page number. A view the page
        cache does not serve (a signed-in reader's) then renders no card and fetches none of
        their rows; search results are never kept (one entry per query)."""
        return {
            "dependencies": self.cache_dependencies(request),
            "key": ":".join(str(part) for part in (*vary_on, listing.number)),
        }

    def serve(self, request, *args, **kwargs):
        if request.GET.get("q"):
            do_not_cache(request)  # one entry per search would only crowd the cache out
        else:
            depend_on(request, self, lambda: self.cache_dependencies(request), INDEX_QUERY_PARAMS)
        return super().serve(request, *args, **kwargs)

    def author_archive_url(self, author, request=None):
        return request_page_url(self, request) + self.reverse_subpage(
            "author_archive", kwargs={"slug": author.slug}
        )

    def feed_url(self, kind, request=None, author=None, tag=None):
        """The absolute URL of the ``kind`` ("rss" or "atom") feed, optionally of one subject."""
        if author is not None:
            route = self.reverse_subpage("author_feed", kwargs={"slug": author.slug, "kind": kind})
        elif tag is not None:
            route = self.reverse_subpage("tag_feed", kwargs={"slug": tag.slug, "kind": kind})
        else:
            route = self.reverse_subpage("feed", kwargs={"kind": kind})
        return self.get_full_url(request) + route

    def get_sitemap_urls(self, request=None):
        """The index changes when an article is published: its lastmod says so. With
        WAGTAIL_I18N_ENABLED, the entries of its translations in the other locales' trees
        too, each with its hreflang alternates (``languages.sitemap_urls``)."""

        def lastmod(index):
            own = index.last_published_at or index.latest_revision_created_at
            latest = index.articles().aggregate(latest=Max("last_published_at"))["latest"]
            return latest if latest and (own is None or latest > own) else own

        return sitemap_urls(self, request, lastmod)

    @path("", name="index")
    def index_route(self, request):
        articles = self.articles()
        tag = None
        tag_slug = request.GET.get("tag", "").strip()
        if tag_slug:
            # Anything but a slug (a NUL byte, which PostgreSQL refuses…) matches no tag.
            tag = (
                Tag.objects.filter(slug=tag_slug).first() if TAG_SLUG.fullmatch(tag_slug) else None
            )
            articles = articles.filter(tags=tag) if tag else articles.none()
        query = clean_query(request.GET.get("q"))
        if query:
            if tag_slug:
                # Search backends filter on indexed fields only: the tag becomes an id filter.
                articles = self.articles().filter(pk__in=articles.values("pk"))
            listing = search_page(
                request,
                articles.with_display_date().defer_streamfields(),
                query,
                listing_prefetches(self.article_model()),
                backend=search_backend(self),
            )
            localize_article_authors(listing.object_list)
            annotate_articles(listing.object_list)
            attach_card_pictures(listing.object_list)
        else:
            # The count is cached but for an unknown tag's empty list (no query anyway).
            counted = f"tag:{tag.pk}" if tag else None if tag_slug else "all"
            listing = paginate(
                request,
                articles.for_listing(),
                keyed=True,
                count=self.listing_count(counted, articles) if counted else None,
            )
        return self.render(
            request,
            context_overrides={
                "articles": listing,
                "listing_fragment": None
                if query
                else self.listing_fragment(request, listing, "tag", tag.pk if tag else tag_slug),
                "current_tag": tag,
                "tag_slug": tag_slug,
                "tags": self.tags(),
                "search_query": query,
            },
        )

    @re_path(r"^authors/(?P<slug>[-\w]+)/$", name="author_archive")
    def author_archive(self, request, slug):
        author = find_author(slug)
        articles = self.articles_by(author)
        counted = f"author:{author.pk}"
        if i18n_enabled():
            author = localized([author], queryset=Author.objects.select_related("photo"))[0]
        listing = paginate(
            request, articles.for_listing(), keyed=True, count=self.listing_count(counted, articles)
        )
        return self.render(
            request,
            template="wagtail_career/author_archive.html",
            context_overrides={
                "author": author,
                "articles": listing,
                "listing_fragment": self.listing_fragment(request, listing, "author", author.pk),
            },
        )

    @re_path(r"^feed/(?P<kind>rss|atom)/$", name="feed")
    def feed(self, request, kind):
        return serve_feed(self, request, kind)

    @re_path(r"^authors/(?P<slug>[-\w]+)/feed/(?P<kind>rss|atom)/$", name="author_feed")
    def author_feed(self, request, slug, kind):
        return serve_feed(self, request, kind, author=find_author(slug))

    @re_path(r"^tags/(?P<slug>[-\w]+)/feed/(?P<kind>rss|atom)/$", name="tag_feed")
    def tag_feed(self, request, slug, kind):
        return serve_feed(self, request, kind, tag=get_object_or_404(Tag, slug=slug))


class ArticlePageMixin(models.Model):
    """A career-advice article, signed by one or more authors."""

    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_(
            "The date shown on the article. Leave empty to use the first publication date."
        ),
    )
    # display_date, stored on save and indexed: listings sort on it (an expression over
    # two tables would sort every row; see ArticlePageQuerySet.with_display_date).
    display_date_sort = models.DateField(null=True, editable=False, db_index=True)
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown on article cards.")
    )
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    # The comment feature's per-article switch (wagtail_career.comments).
    allow_comments = models.BooleanField(
        _("allow comments"),
        default=True,
        help_text=_("Readers may comment, as the site's comment settings allow."),
    )

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    career_content_panels = [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("intro"), FieldPanel("hero_image")],
            heading=_("Summary"),
        ),
        InlinePanel("article_authors", label=_("Authors"), heading=_("Authors")),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    content_panels = AbstractPage.content_panels + career_content_panels
    career_settings_panels = [
        MultiFieldPanel([FieldPanel("allow_comments")], heading=_("Comments")),
    ]
    settings_panels = AbstractPage.settings_panels + career_settings_panels
    career_search_fields = [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields(
            "article_authors", [index.RelatedFields("author", [index.SearchField("name")])]
        ),
        # Search results are sorted as listings are (search.search_page).
        index.FilterField("display_date_sort"),
    ]
    search_fields = AbstractPage.search_fields + career_search_fields

    subpage_types = []
    # See CareerIndexPageMixin.career_template.
    career_template = "wagtail_career/article_page.html"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.display_date_sort = self.display_date
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"date", "first_published_at"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "display_date_sort"}
        return super().save(*args, **kwargs)

    def get_template(self, request, *args, **kwargs):
        return self.career_template

    @classmethod
    def listing_model(cls):
        """The topmost concrete article model ``cls`` derives from (see :func:`topmost_model`)."""
        return topmost_model(cls, ArticlePageMixin)

    @property
    def display_date(self):
        if self.date:
            return self.date
        if self.first_published_at:
            return timezone.localdate(self.first_published_at)
        return None

    @cached_property
    def reading_time(self):
        """Minutes needed to read the body, at ``WAGTAIL_CAREER_WORDS_PER_MINUTE``."""
        words = len(self.intro.split())
        for block in self.body:
            if block.block_type == "paragraph":
                # A regex, not strip_tags: this runs for every card of every listing.
                words += len(HTML_TAG.sub(" ", block.value.source).split())
            elif block.block_type == "heading":
                words += len(str(block.value).split())
            elif block.block_type == "quote":
                words += len(block.value["text"].split())
        return max(1, math.ceil(words / get_setting("WORDS_PER_MINUTE")))

    @cached_property
    def tag_list(self):
        """The article's tags, read once (from the prefetch cache when there is one)."""
        return list(self.tags.all())

    @property
    def index_path(self):
        return self.path[: -self.steplen]

    @cached_property
    def career_index(self):
        """The article's parent page, as its specific class (one query, once)."""
        return self.get_parent().specific_deferred

    @classmethod
    def tag_through_model(cls):
        """The model linking the articles to their tags (``tags``' through model)."""
        return cls.listing_model()._meta.get_field("tags").remote_field.through

    @cached_property
    def tag_dependencies(self):
        """One dependency per tag of the article, in its index (see ``related_articles``)."""
        return [tag_dependency(self.index_path, tag.pk) for tag in self.tag_list]

    @cached_property
    def related_by_tags(self):
        """The ids of the related articles that share a tag with this one (see
        ``related_articles``): kept in the cache until one of its tags' dependencies is
        purged (an article of the index given or taken one of them, published, unpublished,
        moved or deleted), so a view reads them at most once per change."""
        size = get_setting("RELATED_ARTICLES")
        if not size or not self.tag_list:
            return []
        if not self.pk:  # a preview of a page never saved
            return self.shared_tag_ids(size)
        ident = f"{self.pk}:{size}:{version(self.tag_dependencies)}"
        return get_values(
            RELATED_BY_TAGS, [ident], lambda idents: {ident: self.shared_tag_ids(size)}
        )[ident]

    def shared_tag_ids(self, size):
        """Up to ``size`` live, public siblings sharing the most tags, then the newest: one
        query on the tag-through table, which reads only the rows of the article's tags (it
        groups and sorts those few, never every sibling)."""
        rows = (
            self.tag_through_model()
            .objects.filter(
                public_q("content_object__"),
                tag_id__in=[tag.pk for tag in self.tag_list],
                content_object__path__startswith=self.index_path,
                content_object__depth=self.depth,
                content_object__live=True,
            )
            .exclude(content_object_id=self.pk)
            .values("content_object_id")
            .annotate(shared=Count("pk"))
            .order_by(
                "-shared",
                "-content_object__display_date_sort",
                "-content_object__first_published_at",
                "-content_object_id",
            )[:size]
        )
        return [row["content_object_id"] for row in rows]

    def related_dependencies(self):
        """What the related list is built on: the article's tags in its index, and the
        index's newest articles when too few share a tag to fill it."""
        dependencies = list(self.tag_dependencies)
        if len(self.related_by_tags) < get_setting("RELATED_ARTICLES"):
            dependencies.append(recent_dependency(self.index_path))
        return dependencies

    def related_articles(self):
        """Up to ``WAGTAIL_CAREER_RELATED_ARTICLES`` other live, public articles of the same
        index: those sharing the most tags first, then the most recent. The ids first (the
        tag-through table, then the newest siblings by the indexed display date when too few
        share a tag), then the cards of those few, without their bodies: a fixed number of
        queries, none of which sorts the index's articles."""
        size = get_setting("RELATED_ARTICLES")
        ids = list(self.related_by_tags)
        if len(ids) < size:
            newest = (
                self.listing_model()
                .objects.live()
                .sibling_of(self, inclusive=False)
                .filter(public_q())
                .exclude(pk__in=ids)
                .with_display_date()
                .values_list("pk", flat=True)
            )
            ids += newest[: size - len(ids)]
        if not ids:
            return []
        model = self.listing_model()
        # What a card shows, as for_listing() fetches it.
        cards = (
            model.objects.filter(pk__in=ids)
            .defer_streamfields()
            .with_annotations()
            .with_localized_authors()
            .prefetch_related(*listing_prefetches(model))
        )
        cards = {card.pk: card for card in cards}
        return [cards[pk] for pk in ids if pk in cards]

    @property
    def authors(self):
        """The article's authors in the editor's order, in the active language when they are
        translated (prefetch-friendly: a listing localizes all its cards' in one query)."""
        authors = self.__dict__.get("_career_authors")
        if authors is None:
            authors = localized(
                item.author for item in self.article_authors.all() if item.author_id
            )
        return authors

    def authors_with_photos(self):
        photos = Prefetch(
            "photo",
            queryset=get_image_model().objects.prefetch_renditions(
                *Filter.expand_spec(AUTHOR_PHOTO_RENDITION)
            ),
        )
        return localized(
            [
                item.author
                for item in self.article_authors.select_related("author").prefetch_related(
                    Prefetch("author__photo", queryset=photos.queryset)
                )
            ],
            queryset=Author.objects.prefetch_related(photos),
        )

    def get_sitemap_urls(self, request=None):
        """With WAGTAIL_I18N_ENABLED, the entries of the article and of its translations in
        the other locales' trees, each with its hreflang alternates."""
        return sitemap_urls(
            self, request, lambda page: page.last_published_at or page.latest_revision_created_at
        )

    def cache_dependencies(self, request):
        """What the article's page is built on besides itself: its related articles (see
        ``related_dependencies``) and their counts, authors, the site's settings and every
        part's."""
        dependencies = [
            *self.related_dependencies(),
            card_counts_dependency(self.index_path),
            AUTHORS,
            site_settings_dependency(request),
        ]
        for part in article_parts():
            dependencies.extend(part.dependencies(request, self))
        return dependencies

    def fragment_dependencies(self, request):
        """The dependencies of the article's cached fragments (``{% careercache %}``)."""
        own = page_dependencies(self)
        return {
            # The byline and meta line (a comment purges the article's own dependency).
            "header": [*own, AUTHORS],
            # The signature, tags and share links (the site's settings choose the links).
            "footer": [*own, AUTHORS, site_settings_dependency(request)],
            "related": [
                *own,
                *self.related_dependencies(),
                card_counts_dependency(self.index_path),
                AUTHORS,
            ],
            "authors": [*own, AUTHORS],
            "hero": own,
        }

    def read_relations(self):
        """The article's tags and its authors in the active language (two queries)."""
        authors = localized(item.author for item in self.article_authors.select_related("author"))
        return {"tags": list(self.tags.all()), "authors": authors}

    def shown_relations(self, request):
        """What a view of the article shows besides its own fields: its tags and byline
        authors. For a live page anyone may see, read from the cache until the page is
        published again or an author changes; for a preview, a revision or a private page
        from what ``self`` holds, never shared (a preview's tags are the editor's unsaved
        ones). Also fills ``tag_list`` and ``authors``."""
        if "tag_list" in self.__dict__ and "_career_authors" in self.__dict__:
            return {"tags": self.tag_list, "authors": self.authors}
        if may_share(request, self):
            dependencies = [*page_dependencies(self), AUTHORS]
            ident = f"{self.pk}:{translation.get_language()}:{version(dependencies, request)}"
            relations = get_values(
                SHOWN_RELATIONS, [ident], lambda idents: {ident: self.read_relations()}
            )[ident]
        else:
            relations = self.read_relations()
        self.__dict__["tag_list"] = relations["tags"]
        self.__dict__["_career_authors"] = relations["authors"]
        return relations

    def serve(self, request, *args, **kwargs):
        self.shown_relations(request)
        query_params = [param for part in article_parts() for param in part.query_params]
        # A callable: the dependencies are worked out only when the page cache stores the
        # response (a signed-in reader's view, or a site without the middleware, skips it).
        depend_on(request, self, lambda: self.cache_dependencies(request), query_params)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = get_setting("BASE_TEMPLATE")
        # The parent, whose URL prefixes every author archive link.
        context["career_index"] = self.career_index
        context["authors"] = self.shown_relations(request)["authors"]
        annotate_articles([self])
        # Read only when a cached fragment is rebuilt (the template's {% careercache %}).
        # Lazy: PageQuerySet.public() queries the view restrictions when called, and the
        # related articles are read only when their cached fragment is rebuilt.
        context["related_articles"] = SimpleLazyObject(self.related_articles)
        context["author_cards"] = SimpleLazyObject(self.authors_with_photos)
        context["fragment_dependencies"] = self.fragment_dependencies(request)
        context["related_size"] = get_setting("RELATED_ARTICLES")
        return context


class AbstractArticlePageAuthor(Orderable):
    """One author of an article; a concrete subclass adds
    ``page = ParentalKey(<article model>, related_name="article_authors")``."""

    author = models.ForeignKey(
        Author,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("article author")
        verbose_name_plural = _("article authors")
