import math
import re

from django.db import models
from django.db.models import Count, Max, Prefetch, Q, Value
from django.db.models.functions import Coalesce, TruncDate
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager, Site
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..blocks import ArticleBodyBlock
from ..cache import (
    AUTHORS,
    EMPLOYERS,
    cached_fragment,
    comment_count_dependency,
    depend_on,
    do_not_cache,
    listing_dependency,
    page_dependency,
    settings_dependency,
)
from ..comments.display import rendered_comment_section
from ..comments.queries import attach_comment_counts
from ..conf import get_setting
from ..employer_list import employers_section
from ..feeds import serve_feed
from ..paginator import paginate
from ..search import clean_query, search_page
from .authors import Author
from .employers import EmployerDirectoryMixin

CARD_RENDITION = "fill-640x360"
RELATED_TEMPLATE = "wagtail_career/includes/related_articles.html"
AUTHOR_BOXES_TEMPLATE = "wagtail_career/includes/author_boxes.html"
HTML_TAG = re.compile(r"<[^>]*>")
AUTHOR_PHOTO_RENDITION = "fill-160x160"


# What a tag slug can be (taggit slugifies names, keeping Unicode letters).
TAG_SLUG = re.compile(r"[-\w]+")


def _settings_dependency(request):
    site = Site.find_for_request(request)  # cached on the request
    return settings_dependency(site.pk if site else None)


class ArticlePageQuerySet(PageQuerySet):
    def with_display_date(self):
        return self.annotate(
            display_date_sort=Coalesce("date", TruncDate("first_published_at"))
        ).order_by("-display_date_sort", "-first_published_at", "-pk")

    def for_listing(self):
        """Everything an article card shows, in a fixed number of queries."""
        return (
            self.with_display_date().with_comment_counts().prefetch_related(*listing_prefetches())
        )

    def with_comment_counts(self):
        """Set ``comment_count`` on the fetched articles (see ``attach_comment_counts``)."""
        clone = self._chain()
        clone._comment_counts = True
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._comment_counts = getattr(self, "_comment_counts", False)
        return clone

    def _fetch_all(self):
        fetching = self._result_cache is None
        super()._fetch_all()
        rows = self._result_cache
        # Page instances only, not .values() rows.
        if (
            fetching
            and getattr(self, "_comment_counts", False)
            and rows
            and isinstance(rows[0], Page)
        ):
            attach_comment_counts(rows)

    def for_feed(self):
        """Everything a feed item shows (no images), in a fixed number of queries."""
        return self.with_display_date().prefetch_related(*listing_prefetches(images=False))


def listing_prefetches(images=True):
    """Prefetches for a list of articles: authors, tags and (optionally) card images."""
    prefetches = [
        Prefetch(
            "article_authors",
            queryset=ArticlePageAuthor.objects.select_related("author").order_by("sort_order"),
        ),
        "tags",
    ]
    if images:
        prefetches.append(
            Prefetch(
                "hero_image",
                queryset=get_image_model().objects.prefetch_renditions(CARD_RENDITION),
            )
        )
    return prefetches


class CareerIndexPage(EmployerDirectoryMixin, RoutablePageMixin, Page):
    """The career section's landing page: its articles, newest first, by tag and by author."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    subpage_types = ["wagtail_career.ArticlePage"]
    template = "wagtail_career/career_index_page.html"

    class Meta:
        verbose_name = _("career index page")
        verbose_name_plural = _("career index pages")

    def articles(self):
        return ArticlePage.objects.live().public().child_of(self)

    def tags(self):
        """Tags used by the live articles of this index, for the filter."""
        return (
            Tag.objects.filter(
                wagtail_career_articlepagetag_items__content_object__in=self.articles()
            )
            .distinct()
            .order_by("name")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = get_setting("BASE_TEMPLATE")
        context["career_index"] = self
        return context

    def serve(self, request, *args, **kwargs):
        if request.GET.get("q"):
            do_not_cache(request)  # one entry per search would only crowd the cache out
        else:
            depend_on(
                request,
                [
                    page_dependency(self.pk),
                    listing_dependency(self.path),
                    comment_count_dependency(self.path),
                    EMPLOYERS,
                    AUTHORS,
                    _settings_dependency(request),
                ],
            )
        return super().serve(request, *args, **kwargs)

    def author_archive_url(self, author, request=None):
        return self.get_url(request) + self.reverse_subpage(
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
        """The index changes when an article is published: its lastmod says so."""
        urls = super().get_sitemap_urls(request)
        latest = self.articles().aggregate(latest=Max("last_published_at"))["latest"]
        for url in urls:
            if latest and (url["lastmod"] is None or latest > url["lastmod"]):
                url["lastmod"] = latest
        return urls

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
            listing = search_page(request, articles, query, listing_prefetches())
            attach_comment_counts(listing.object_list)
        else:
            listing = paginate(request, articles.for_listing())
        return self.render(
            request,
            context_overrides={
                "articles": listing,
                "current_tag": tag,
                "tag_slug": tag_slug,
                "tags": self.tags(),
                "search_query": query,
            },
        )

    @re_path(r"^authors/(?P<slug>[-\w]+)/$", name="author_archive")
    def author_archive(self, request, slug):
        author = get_object_or_404(Author, slug=slug)
        articles = self.articles().filter(article_authors__author=author)
        return self.render(
            request,
            template="wagtail_career/author_archive.html",
            context_overrides={
                "author": author,
                "articles": paginate(request, articles.for_listing()),
            },
        )

    @re_path(r"^feed/(?P<kind>rss|atom)/$", name="feed")
    def feed(self, request, kind):
        return serve_feed(self, request, kind)

    @re_path(r"^authors/(?P<slug>[-\w]+)/feed/(?P<kind>rss|atom)/$", name="author_feed")
    def author_feed(self, request, slug, kind):
        return serve_feed(self, request, kind, author=get_object_or_404(Author, slug=slug))

    @re_path(r"^tags/(?P<slug>[-\w]+)/feed/(?P<kind>rss|atom)/$", name="tag_feed")
    def tag_feed(self, request, slug, kind):
        return serve_feed(self, request, kind, tag=get_object_or_404(Tag, slug=slug))


class ArticlePage(Page):
    """A career-advice article, signed by one or more authors."""

    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_(
            "The date shown on the article. Leave empty to use the first publication date."
        ),
    )
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown on article cards.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(
        verbose_name=_("tags"), through="wagtail_career.ArticlePageTag", blank=True
    )

    allow_comments = models.BooleanField(
        _("allow comments"),
        default=True,
        help_text=_("Readers may comment, as the site's comment settings allow."),
    )

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("intro"), FieldPanel("hero_image")],
            heading=_("Summary"),
        ),
        InlinePanel("article_authors", label=_("Authors"), heading=_("Authors")),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel([FieldPanel("allow_comments")], heading=_("Comments")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields(
            "article_authors", [index.RelatedFields("author", [index.SearchField("name")])]
        ),
    ]

    parent_page_types = ["wagtail_career.CareerIndexPage"]
    subpage_types = []
    template = "wagtail_career/article_page.html"

    class Meta:
        verbose_name = _("career article")
        verbose_name_plural = _("career articles")

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

    def related_articles(self):
        """Up to ``WAGTAIL_CAREER_RELATED_ARTICLES`` other articles of the same index: those
        sharing the most tags first, then the most recent. A fixed number of queries."""
        tag_ids = [tag.pk for tag in self.tag_list]
        shared = (
            Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids))
            if tag_ids
            else Value(0)
        )
        return (
            ArticlePage.objects.live()
            .public()
            .sibling_of(self, inclusive=False)
            .annotate(shared_tags=shared)
            .for_listing()
            .order_by("-shared_tags", "-display_date_sort", "-first_published_at", "-pk")[
                : get_setting("RELATED_ARTICLES")
            ]
        )

    @property
    def authors(self):
        """The article's authors in the editor's order (prefetch-friendly)."""
        return [item.author for item in self.article_authors.all() if item.author_id]

    def serve(self, request, *args, **kwargs):
        # The sidebar shows employers and the related articles list the siblings.
        depend_on(
            request,
            [
                page_dependency(self.pk),
                listing_dependency(self.path[: -self.steplen]),
                EMPLOYERS,
                AUTHORS,
                _settings_dependency(request),
            ],
        )
        return super().serve(request, *args, **kwargs)

    def authors_with_photos(self):
        return [
            item.author
            for item in self.article_authors.select_related("author").prefetch_related(
                Prefetch(
                    "author__photo",
                    queryset=get_image_model().objects.prefetch_renditions(AUTHOR_PHOTO_RENDITION),
                )
            )
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = get_setting("BASE_TEMPLATE")
        # One query for the parent, whose URL prefixes every author archive link.
        index_page = self.get_parent().specific_deferred
        context["career_index"] = index_page
        # The same for every visitor and costly (cards, images, bylines): kept rendered until
        # an article of the index, a comment count or an author changes (see cache.py).
        index_path = self.path[: -self.steplen]
        context["related_articles_html"] = cached_fragment(
            f"related:{self.pk}:{get_setting('RELATED_ARTICLES')}",
            [
                page_dependency(self.pk),
                listing_dependency(index_path),
                comment_count_dependency(index_path),
                AUTHORS,
            ],
            lambda: render_to_string(
                RELATED_TEMPLATE,
                {
                    "related_articles": self.related_articles(),
                    "career_index": index_page,
                    "page": self,
                },
                request=request,
            ),
        )
        context["authors"] = [item.author for item in self.article_authors.select_related("author")]
        # The authors' cards (photos, bios): kept rendered until the article or an author changes.
        context["author_boxes"] = cached_fragment(
            f"authors:{self.pk}",
            [page_dependency(self.pk), AUTHORS],
            lambda: render_to_string(
                AUTHOR_BOXES_TEMPLATE,
                {"authors": self.authors_with_photos(), "career_index": index_page},
                request=request,
            ),
        )
        site = Site.find_for_request(request)
        context["comment_section"] = rendered_comment_section(request, self, site and site.pk)
        # Cached HTML: no query on a hit, one for employers (plus logos) on a miss.
        context["employers_section"] = employers_section(request, index_page)
        return context


class ArticlePageAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(
        "wagtail_career.Author",
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="article_links",
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("article author")
        verbose_name_plural = _("article authors")


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="tagged_items")
