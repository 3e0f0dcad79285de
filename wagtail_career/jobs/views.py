"""The job index's routes: the listing (filters, search), the feeds and the employers'
profiles, and the head of those pages. Functions of the index page
(``models.JobIndexPageMixin`` calls them, passing itself; this module does not import the
models)."""

from html import unescape
from urllib.parse import urlencode

from django.utils.html import strip_tags

from ..employers.models import DIRECTORY_LOGO_RENDITION, Employer, attach_logo_renditions
from ..languages import alternates, canonical_url, content_language, search_backend
from ..paginator import paginate
from ..search import clean_query, search_page
from ..seo import FeedLink, HeadMetadata, social_tags
from .feeds import employer_feed_title, serve_offers_feed
from .filters import (
    FILTER_PARAMS,
    JobFilters,
    employer_or_404,
    filter_fields,
    of_employer,
    usable,
)

# The query parameters the listing reads; any other bypasses the page cache ("q" is never
# cached: see JobIndexPageMixin.serve).
QUERY_PARAMS = ("page", *FILTER_PARAMS)
# The logo on an employer's profile: the directory's size.
PROFILE_LOGO_RENDITION = DIRECTORY_LOGO_RENDITION
FEED_KINDS = (("rss", "application/rss+xml", "RSS"), ("atom", "application/atom+xml", "Atom"))


def feed_links(index, request, employer=None):
    """The RSS and Atom feeds of the index's open offers, or of ``employer``'s."""
    title = employer_feed_title(employer) if employer is not None else index.title
    return [
        FeedLink(mime_type, f"{title} ({label})", index.feed_url(kind, request, employer=employer))
        for kind, mime_type, label in FEED_KINDS
    ]


def job_listing(index, request):
    offers = index.open_offers()  # public() reads the view restrictions: once per request
    filters = JobFilters.from_request(request)
    query = clean_query(request.GET.get("q"))
    matching = filters.apply(offers)
    if query:
        if filters:
            # Search backends filter on indexed fields only: the filters become an id filter.
            matching = offers.filter(pk__in=matching.values("pk"))
        listing = search_page(
            request,
            matching,
            query,
            offers.card_prefetches(),
            backend=search_backend(index),
        )
        listing.object_list = offers.prepare_cards(listing.object_list)
    else:
        listing = paginate(request, matching.for_listing())
    return index.render(
        request,
        context_overrides={
            "offers": listing,
            "filters": filters,
            "filter_fields": filter_fields(offers, filters),
            "search_query": query,
            "pagination_query": filters.query_string(query),
            "feeds": feed_links(index, request),
        },
    )


def offers_feed(index, request, kind, employer_slug=None):
    employer = employer_or_404(employer_slug) if employer_slug is not None else None
    return serve_offers_feed(index, request, kind, employer)


def employer_profile(index, request, slug):
    employer = employer_or_404(slug, Employer.objects.with_logos(PROFILE_LOGO_RENDITION))
    attach_logo_renditions([employer], PROFILE_LOGO_RENDITION)
    offers = of_employer(index.open_offers(), employer)
    return index.render(
        request,
        template="wagtail_career/employer_profile.html",
        context_overrides={
            "employer": employer,
            "offers": paginate(request, offers.for_listing()),
            "pagination_query": "",
            "feeds": feed_links(index, request, employer),
        },
    )


def description_of(index):
    """The search description, else the introduction (rich text) as plain text."""
    text = getattr(index, "search_description", "") or unescape(strip_tags(index.intro))
    return " ".join(text.split())


def head_metadata(index, request, context):
    """The head of the listing (filtered, searched, a further page) or of a profile."""
    employer = context.get("employer")
    filters = context.get("filters") or JobFilters()
    query = context.get("search_query", "")
    canonical = canonical_url(index, request)
    if employer is not None:
        canonical += index.reverse_subpage("employer", kwargs={"slug": employer.slug})
    # Keep the parameters that select content (the filters asked for, the page); drop
    # tracking and search ones.
    kept = [(param, value) for param, value in filters.values.items() if usable(value)]
    number = getattr(context.get("offers"), "number", 1)
    if number > 1:
        kept.append(("page", number))
    if kept:
        canonical += "?" + urlencode(kept)
    title = getattr(index, "seo_title", "") or index.title
    description = description_of(index)
    if employer is not None:
        title = employer.name
        description = " ".join(employer.description.split()) or description
    open_graph, twitter = social_tags(
        "website", title, description, canonical, request, None, index
    )
    feeds = feed_links(index, request)
    if employer is not None:
        feeds += feed_links(index, request, employer)
    # Only the listing itself has equivalents in the other languages.
    plain = employer is None and not kept and not query
    return HeadMetadata(
        canonical=canonical,
        description=description,
        # Search results are endless and thin: keep them out of search engines.
        robots="noindex, follow" if query else "",
        open_graph=open_graph,
        twitter=twitter,
        feeds=feeds,
        language=content_language(index),
        alternates=alternates(index, request) if plain else [],
    )
