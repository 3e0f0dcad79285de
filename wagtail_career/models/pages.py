import math

from django.db import models
from django.db.models import Prefetch
from django.db.models.functions import Coalesce, TruncDate
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..blocks import ArticleBodyBlock
from ..comments.display import comment_section
from ..comments.queries import public_comment_count_subquery
from ..conf import get_setting
from ..employer_list import employers_section
from ..paginator import paginate
from .authors import Author
from .employers import EmployerDirectoryMixin

CARD_RENDITION = "fill-640x360"
AUTHOR_PHOTO_RENDITION = "fill-160x160"


class ArticlePageQuerySet(PageQuerySet):
    def with_display_date(self):
        return self.annotate(
            display_date_sort=Coalesce("date", TruncDate("first_published_at"))
        ).order_by("-display_date_sort", "-first_published_at", "-pk")

    def for_listing(self):
        """Everything an article card shows, in a fixed number of queries."""
        return (
            self.with_display_date()
            .prefetch_related(
                Prefetch(
                    "hero_image",
                    queryset=get_image_model().objects.prefetch_renditions(CARD_RENDITION),
                ),
                Prefetch(
                    "article_authors",
                    queryset=ArticlePageAuthor.objects.select_related("author").order_by(
                        "sort_order"
                    ),
                ),
                "tags",
            )
            .annotate(comment_count=public_comment_count_subquery())
        )


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

    def author_archive_url(self, author, request=None):
        return self.get_url(request) + self.reverse_subpage(
            "author_archive", kwargs={"slug": author.slug}
        )

    @path("", name="index")
    def index_route(self, request):
        articles = self.articles()
        tag = None
        tag_slug = request.GET.get("tag", "").strip()
        if tag_slug:
            tag = Tag.objects.filter(slug=tag_slug).first()
            articles = articles.filter(tags__slug=tag_slug)
        return self.render(
            request,
            context_overrides={
                "articles": paginate(request, articles.for_listing()),
                "current_tag": tag,
                "tag_slug": tag_slug,
                "tags": self.tags(),
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
                words += len(strip_tags(block.value.source).split())
            elif block.block_type == "heading":
                words += len(str(block.value).split())
            elif block.block_type == "quote":
                words += len(block.value["text"].split())
        return max(1, math.ceil(words / get_setting("WORDS_PER_MINUTE")))

    @property
    def authors(self):
        """The article's authors in the editor's order (prefetch-friendly)."""
        return [item.author for item in self.article_authors.all() if item.author_id]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = get_setting("BASE_TEMPLATE")
        # One query for the parent, whose URL prefixes every author archive link.
        index_page = self.get_parent().specific_deferred
        context["career_index"] = index_page
        context["authors"] = [
            item.author
            for item in self.article_authors.select_related("author").prefetch_related(
                Prefetch(
                    "author__photo",
                    queryset=get_image_model().objects.prefetch_renditions(
                        AUTHOR_PHOTO_RENDITION
                    ),
                )
            )
        ]
        context["comment_section"] = comment_section(request, self)
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

