"""The ready-made career pages: the core's mixins on Wagtail's ``Page``.

A site that wants a field more subclasses them (``class MyArticle(ArticlePage)``); every
feature works for such subclasses too.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.models import Page

from wagtail_career.models import AbstractArticlePageAuthor, ArticlePageMixin, CareerIndexPageMixin


class CareerIndexPage(CareerIndexPageMixin, Page):
    subpage_types = ["wagtail_career_pages.ArticlePage"]

    class Meta:
        verbose_name = _("career index page")
        verbose_name_plural = _("career index pages")


class ArticlePage(ArticlePageMixin, Page):
    tags = ClusterTaggableManager(
        verbose_name=_("tags"), through="wagtail_career_pages.ArticlePageTag", blank=True
    )

    parent_page_types = ["wagtail_career_pages.CareerIndexPage"]

    class Meta:
        verbose_name = _("career article")
        verbose_name_plural = _("career articles")


class ArticlePageAuthor(AbstractArticlePageAuthor):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="tagged_items")
