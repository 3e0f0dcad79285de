"""The ready-made job pages: the jobs feature's mixins on Wagtail's ``Page``.

A site that wants a field more subclasses them (``class InternshipOffer(JobOfferPage)``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.models import Page

from wagtail_career.jobs.models import JobIndexPageMixin, JobOfferPageMixin


class JobIndexPage(JobIndexPageMixin, Page):
    subpage_types = ["wagtail_career_job_pages.JobOfferPage"]

    class Meta:
        verbose_name = _("job index page")
        verbose_name_plural = _("job index pages")


class JobOfferPage(JobOfferPageMixin, Page):
    tags = ClusterTaggableManager(
        verbose_name=_("tags"), through="wagtail_career_job_pages.JobOfferPageTag", blank=True
    )

    parent_page_types = ["wagtail_career_job_pages.JobIndexPage"]

    class Meta:
        verbose_name = _("job offer")
        verbose_name_plural = _("job offers")


class JobOfferPageTag(TaggedItemBase):
    content_object = ParentalKey(
        JobOfferPage, on_delete=models.CASCADE, related_name="tagged_items"
    )
