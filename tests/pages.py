"""The career page models the tests use: wagtail_career.pages' ready-made ones, or, on the
custom-base-page site (tests/settings_custom_base.py, ``WAGTAIL_PAGE_MODEL =
"home.BasePage"``), the README's ``career`` app built from the mixins
(tests/custom_base_site/career/models.py)."""

import swapper
from django.conf import settings

CUSTOM_BASE_PAGE = getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page") != "wagtailcore.Page"

if CUSTOM_BASE_PAGE:
    from career.models import (
        ArticlePage,
        ArticlePageAuthor,
        ArticlePageTag,
        CareerIndexPage,
        JobIndexPage,
        JobOfferPage,
    )
else:
    from wagtail_career.jobs.pages.models import JobIndexPage, JobOfferPage
    from wagtail_career.pages.models import (
        ArticlePage,
        ArticlePageAuthor,
        ArticlePageTag,
        CareerIndexPage,
    )

# The site's base page model: wagtailcore's Page, or home.BasePage.
Page = swapper.load_model("wagtailcore", "Page")

__all__ = [
    "CUSTOM_BASE_PAGE",
    "ArticlePage",
    "ArticlePageAuthor",
    "ArticlePageTag",
    "CareerIndexPage",
    "JobIndexPage",
    "JobOfferPage",
    "Page",
]
