"""Test-only page models."""

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.fields import StreamField
from wagtail.models import Page

from wagtail_career.blocks import ArticleBodyBlock
from wagtail_career.employers.blocks import EmployersBlock
from wagtail_career.jobs.blocks import LatestJobOffersBlock
from wagtail_career.models import AbstractArticlePageAuthor, ArticlePageMixin
from wagtail_career.newsletter.blocks import NewsletterSignupBlock
from wagtail_career.pages.models import ArticlePage


class FeatureArticleBodyBlock(ArticleBodyBlock):
    """The ready-made body plus the feature apps' blocks, as a site adds them."""

    employers = EmployersBlock()
    newsletter = NewsletterSignupBlock()
    latest_job_offers = LatestJobOffersBlock()


class FeatureArticlePage(ArticlePageMixin, Page):
    """An article whose body can hold the employers, newsletter and job offers blocks."""

    body = StreamField(FeatureArticleBodyBlock(), blank=True)
    tags = ClusterTaggableManager(through="testapp.FeatureArticlePageTag", blank=True)

    parent_page_types = ["wagtail_career_pages.CareerIndexPage"]


class FeatureArticlePageAuthor(AbstractArticlePageAuthor):
    page = ParentalKey(FeatureArticlePage, on_delete=models.CASCADE, related_name="article_authors")


class FeatureArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        FeatureArticlePage, on_delete=models.CASCADE, related_name="tagged_items"
    )


class EventArticlePage(ArticlePage):
    """A site's subclass of the ready-made article (multi-table), with one field more."""

    event_date = models.DateField(null=True, blank=True)

    parent_page_types = ["wagtail_career_pages.CareerIndexPage"]
