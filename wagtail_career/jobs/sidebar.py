"""Job offers beside the site's content: the article sidebar's "Latest job offers", and what
it shares with the block and the employers' cards — a site's open offers and its job index
in a language.

A site's offers are those below its root page (with WAGTAIL_I18N_ENABLED, below the root's
translation in the language: each locale's tree hangs from its own root), read from Wagtail's
cached site root paths. The list is cached in the template (``{% careercache %}``) until an
offer is published or closes, an employer changes or the site's settings do.
"""

from datetime import UTC, datetime

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from ..cache import EMPLOYERS, get_values, settings_dependency, version
from ..languages import content_language, i18n_enabled
from ..parts import ArticlePart
from .models import JobSettings, job_index_models, listing_offer_models, offers_dependencies

# The posting date of an offer never published (sorted last, as newest_first() does).
NEVER = datetime.min.replace(tzinfo=UTC)
# Cache namespace of the sites' counts of offers beside articles (latest_offers_count()).
COUNT_VALUES = "job_offers_sidebar_count"


def site_root_path(request, language):
    """The ``url_path`` of the request's site's root page in ``language`` (no query once
    Wagtail has cached the site root paths), or ``None`` without a request or site."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    roots = [root for root in Site.get_site_root_paths() if root.site_id == site.pk]
    if not roots:
        return None
    return next((root for root in roots if root.language_code == language), roots[0]).root_path


def site_offers(request, language):
    """Each offer model's open offers of the request's site in ``language`` (querysets; all
    sites' without a request)."""
    root = site_root_path(request, language)
    querysets = []
    for model in listing_offer_models():
        offers = model.objects.open().in_language(language)
        if root is not None:
            offers = offers.filter(url_path__startswith=root)
        querysets.append(offers)
    return querysets


def newest_offers(querysets, count):
    """The ``count`` newest offers of ``querysets``, ready for the cards (a fixed number of
    queries per offer model)."""
    offers = [offer for queryset in querysets for offer in queryset.for_listing()[:count]]
    offers.sort(key=lambda offer: (offer.posted_at or NEVER, offer.pk), reverse=True)
    return offers[:count]


def site_job_index(request, language):
    """The site's first live, public job index (in tree order) in ``language``, or ``None``."""
    root = site_root_path(request, language)
    if root is None:
        return None
    found = []
    for model in job_index_models():
        indexes = model.objects.live().public().filter(url_path__startswith=root)
        if i18n_enabled():
            indexes = indexes.filter(locale__language_code=language)
        index = indexes.order_by("path").first()
        if index is not None:
            found.append(index)
    return min(found, key=lambda index: index.path, default=None)


def index_url(request, language):
    index = site_job_index(request, language)
    return index.get_url(request) if index is not None else ""


def section_dependencies(request, page=None):
    """What the list is built on: the offers (their publication and next closing), their
    employers (names, logos) and the site's settings (heading, count)."""
    site = Site.find_for_request(request)
    return [*offers_dependencies(), EMPLOYERS, settings_dependency(site.pk if site else None)]


def latest_offers_count(request):
    """The site's ``JobSettings.latest_offers_count``, from the cache: an article whose
    fragments are cached makes no query for it. Kept under the version of the site's
    settings dependency, so a change of the settings (which purges it) is read at once."""
    site = Site.find_for_request(request)
    site_id = site.pk if site else None
    ident = f"{site_id}:{version([settings_dependency(site_id)])}"

    def compute(idents):
        return {ident: JobSettings.for_request(request).latest_offers_count}

    return get_values(COUNT_VALUES, [ident], compute)[ident]


def article_sidebar_context(request, page):
    """What ``includes/latest_job_offers.html`` shows beside ``page``: the heading, the
    offers and the index link are read only when the cached list is rebuilt; nothing with a
    count of 0."""
    count = latest_offers_count(request)
    if not count:
        return None
    language = content_language(page)
    return {
        "job_offers_section": {
            "heading": SimpleLazyObject(
                lambda: str(JobSettings.for_request(request).latest_offers_heading_text)
            ),
            "offers": SimpleLazyObject(
                lambda: newest_offers(site_offers(request, language), count)
            ),
            "index_url": SimpleLazyObject(lambda: index_url(request, language)),
            "count": count,
            "dependencies": section_dependencies(request),
        }
    }


article_part = ArticlePart(
    name="job_offers",
    region="sidebar",
    template="wagtail_career/includes/latest_job_offers.html",
    order=25,
    get_context=article_sidebar_context,
    dependencies=section_dependencies,
)
