"""The recruiting employers' list as the sidebar and the template tag show it.

The rendered ``<ul>`` is cached per site and language (its size and its translated labels
differ), and cleared whenever an employer changes, so the next page view shows the edit.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import get_language
from wagtail.models import Site

from .conf import get_setting
from .models.employers import SIDEBAR_LOGO_RENDITION, Employer, attach_logo_renditions
from .models.settings import CareerSettings

LIST_TEMPLATE = "wagtail_career/includes/employer_list.html"


def cache_key(site_id, language):
    return f"wagtail_career:employers:{site_id}:{language}"


def rendered_employer_list(site, limit):
    """The HTML list of the first ``limit`` recruiting employers, or ``""`` if none recruits."""
    key = cache_key(site.pk, get_language())
    cached = cache.get(key)
    # The limit is stored with the HTML so that a change in the settings is a cache miss.
    if cached is not None and cached[0] == limit:
        return cached[1]
    employers = attach_logo_renditions(
        Employer.objects.recruiting().with_logos(SIDEBAR_LOGO_RENDITION)[:limit],
        SIDEBAR_LOGO_RENDITION,
    )
    html = render_to_string(LIST_TEMPLATE, {"employers": employers}) if employers else ""
    cache.set(key, (limit, html), get_setting("EMPLOYERS_CACHE_TIMEOUT"))
    return html


def employers_section(request, career_index=None):
    """What ``includes/employers.html`` shows, or ``None`` when no employer recruits."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    career_settings = CareerSettings.for_request(request)
    html = rendered_employer_list(site, career_settings.employers_limit)
    if not html:
        return None
    return {
        "heading": career_settings.employers_heading_text,
        "list": html,
        "directory_url": career_index.employer_directory_url(request) if career_index else "",
    }


def _delete_cached_lists():
    keys = [
        cache_key(site_id, language)
        for site_id in Site.objects.values_list("pk", flat=True)
        for language, _name in settings.LANGUAGES
    ]
    cache.delete_many(keys)


def clear_employer_cache(**kwargs):
    """Signal receiver: forget every cached list.

    Cleared now for this process, and again after the commit so that a page view which read
    the old rows while the transaction was open cannot leave them cached.
    """
    from .cache_invalidation import employers_changed

    _delete_cached_lists()
    transaction.on_commit(_delete_cached_lists)
    employers_changed()


def clear_employer_cache_for_logo(instance, **kwargs):
    """Signal receiver for images: a replaced logo file changes its renditions' URLs."""
    if Employer.objects.filter(logo=instance).exists():
        clear_employer_cache()
