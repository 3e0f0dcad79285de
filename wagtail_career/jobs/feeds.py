"""RSS 2.0 and Atom feeds of a job index's open offers: all of them, or one employer's.

Served by the index's routes (``feed/rss/``, ``employers/<slug>/feed/atom/``…) with the
core's XML-safe generators (``wagtail_career.feeds.FEED_TYPES``). An offer leaves the feeds
the moment it closes, like every listing.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils.html import escape
from django.utils.translation import gettext

from ..conf import get_setting
from ..feeds import FEED_TYPES
from ..languages import content_language
from ..localize import localized
from .filters import of_employer


@dataclass
class OfferFeedSource:
    index: object
    request: object
    kind: str
    employer: object = None


def employer_feed_title(employer):
    return gettext("Job offers at %(name)s") % {"name": employer.name}


def summary(offer, employer):
    """An item's plain-text summary: employer, location, workplace and type."""
    parts = [
        employer.name if employer is not None else "",
        offer.location_text,
        offer.get_workplace_display(),
        offer.get_employment_type_display(),
    ]
    return " · ".join(str(part) for part in parts if part)


class OfferFeed(Feed):
    """One feed class for both kinds and every subject (an :class:`OfferFeedSource`)."""

    def __init__(self, kind):
        super().__init__()
        self.feed_type = FEED_TYPES[kind]

    def get_object(self, request, source):
        # The content's language, not the interface's (Django's default).
        self.language = content_language(source.index)
        return source

    def title(self, source):
        if source.employer is None:
            return source.index.title
        return f"{employer_feed_title(source.employer)} — {source.index.title}"

    def subtitle(self, source):
        return self.description(source)

    def description(self, source):
        # RSS requires a channel description; readers render it as HTML: escaped.
        return escape(getattr(source.index, "search_description", "") or source.index.title)

    def link(self, source):
        if source.employer is not None:
            return source.index.get_full_url(source.request) + source.index.reverse_subpage(
                "employer", kwargs={"slug": source.employer.slug}
            )
        return source.index.get_full_url(source.request)

    def feed_url(self, source):
        return source.index.feed_url(source.kind, source.request, employer=source.employer)

    def items(self, source):
        offers = source.index.open_offers()
        if source.employer is not None:
            offers = of_employer(offers, source.employer)
        offers = list(offers.for_feed()[: get_setting("FEED_SIZE")])
        self._source = source
        # Each offer's employer in the active language (one query with i18n, none without).
        employers = localized(offer.employer for offer in offers)
        self._employers = {
            offer.pk: employer for offer, employer in zip(offers, employers, strict=True)
        }
        return offers

    def item_title(self, offer):
        return offer.title

    def item_description(self, offer):
        # Plain text that readers render as HTML: escaped, so "<" shows as "<".
        return escape(summary(offer, self._employer(offer)))

    def item_link(self, offer):
        return offer.get_full_url(self._source.request)

    def item_pubdate(self, offer):
        return offer.posted_at

    def item_updateddate(self, offer):
        return offer.last_published_at

    def item_author_name(self, offer):
        employer = self._employer(offer)
        return employer.name if employer is not None else None

    def item_categories(self, offer):
        return [tag.name for tag in offer.tags.all()]

    def _employer(self, offer):
        return self._employers.get(offer.pk)


def serve_offers_feed(index, request, kind, employer=None):
    return OfferFeed(kind)(request, OfferFeedSource(index, request, kind, employer))
