from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from home.models import BasePage
from wagtail_career.jobs.models import JobIndexPageMixin, JobOfferPageMixin
from wagtail_career.models import (
    AbstractArticlePageAuthor,
    ArticlePageMixin,
    CareerIndexPageMixin,
)


class CareerIndexPage(CareerIndexPageMixin, BasePage):
    subpage_types = ["career.ArticlePage"]


class ArticlePage(ArticlePageMixin, BasePage):
    tags = ClusterTaggableManager(through="career.ArticlePageTag", blank=True)

    parent_page_types = ["career.CareerIndexPage"]


class ArticlePageAuthor(AbstractArticlePageAuthor):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="tagged_items")


# Job offers (wagtail_career.jobs); leave these out with that app.
class JobIndexPage(JobIndexPageMixin, BasePage):
    subpage_types = ["career.JobOfferPage"]


class JobOfferPage(JobOfferPageMixin, BasePage):
    tags = ClusterTaggableManager(through="career.JobOfferPageTag", blank=True)

    parent_page_types = ["career.JobIndexPage"]


class JobOfferPageTag(TaggedItemBase):
    content_object = ParentalKey(
        JobOfferPage, on_delete=models.CASCADE, related_name="tagged_items"
    )
