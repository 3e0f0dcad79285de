"""The recruiting employers as the article sidebar, the template tag and the directory show
them. The list is cached in the template (``{% careercache %}``) until an employer, a logo
or the site's employer settings change."""

from django.urls import path
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from ..cache import EMPLOYERS, depend_on, settings_dependency
from ..models import index_page_models
from ..parts import ArticlePart
from .extensions import annotate_employers, extra_dependencies
from .models import (
    DIRECTORY_LOGO_RENDITION,
    SIDEBAR_LOGO_RENDITION,
    EmployerSettings,
    recruiting_employers,
)

DIRECTORY_ROUTE = "employer_directory"


def sidebar_employers(request, limit):
    return annotate_employers(recruiting_employers(SIDEBAR_LOGO_RENDITION, limit), request)


def employer_dependencies(request, page=None):
    site = Site.find_for_request(request)
    return [EMPLOYERS, settings_dependency(site.pk if site else None), *extra_dependencies(request)]


def directory_url(request, career_index=None):
    """The employer directory of ``career_index``, else of the site's first career index."""
    if career_index is None:
        site = Site.find_for_request(request)
        for model in index_page_models():
            career_index = (
                model.objects.live().public().descendant_of(site.root_page, inclusive=True).first()
                if site
                else None
            )
            if career_index is not None:
                break
    if career_index is None:
        return ""
    return career_index.get_url(request) + career_index.reverse_subpage(DIRECTORY_ROUTE)


def employers_section(request, career_index=None):
    """What ``includes/employers.html`` shows; ``employers`` is read only when the cached
    list is rebuilt, and an empty list shows nothing."""
    employer_settings = EmployerSettings.for_request(request)
    return {
        "heading": employer_settings.employers_heading_text,
        "employers": SimpleLazyObject(
            lambda: sidebar_employers(request, employer_settings.employers_limit)
        ),
        "limit": employer_settings.employers_limit,
        "directory_url": SimpleLazyObject(lambda: directory_url(request, career_index)),
        "dependencies": employer_dependencies(request),
    }


def article_sidebar_context(request, page):
    return {"employers_section": employers_section(request, page.career_index)}


article_part = ArticlePart(
    name="employers",
    region="sidebar",
    template="wagtail_career/includes/employers.html",
    order=20,
    get_context=article_sidebar_context,
    dependencies=employer_dependencies,
)


def employer_directory(index, request):
    """The ``employers/`` route of every career index: all recruiting employers."""
    depend_on(request, index, lambda: employer_dependencies(request))
    return index.render(
        request,
        template="wagtail_career/employer_directory.html",
        context_overrides={
            "heading": EmployerSettings.for_request(request).employers_heading_text,
            "employers": annotate_employers(
                recruiting_employers(DIRECTORY_LOGO_RENDITION), request
            ),
        },
    )


def index_routes():
    return [path("employers/", employer_directory, name=DIRECTORY_ROUTE)]
