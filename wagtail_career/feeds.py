"""RSS 2.0 and Atom feeds of a career index: all its articles, one author's, one tag's.

They are served by :class:`~wagtail_career.models.CareerIndexPage` routes (``feed/rss/``,
``authors/<slug>/feed/atom/``, ``tags/<slug>/feed/rss/``…), so each index on each site has
its own, with its own absolute URLs. Only live, public articles are listed.
"""

import re
from dataclasses import dataclass
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext

from .conf import get_setting

# Characters XML 1.0 cannot carry: an editor's pasted control character must not break a feed.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(value):
    if isinstance(value, str):
        return XML_INVALID.sub("", value)
    if isinstance(value, (list, tuple)):
        return [_xml_safe(item) for item in value]
    return value


class XmlSafeFeed:
    """Drops XML-invalid characters from everything the feed writes."""

    def __init__(self, *args, **kwargs):
        args = [_xml_safe(arg) for arg in args]
        super().__init__(*args, **{key: _xml_safe(value) for key, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        args = [_xml_safe(arg) for arg in args]
        super().add_item(*args, **{key: _xml_safe(value) for key, value in kwargs.items()})


class RssFeed(XmlSafeFeed, Rss201rev2Feed):
    pass


class AtomFeed(XmlSafeFeed, Atom1Feed):
    pass


FEED_TYPES = {"rss": RssFeed, "atom": AtomFeed}


@dataclass
class FeedSource:
    index: object
    request: object
    kind: str
    author: object = None
    tag: object = None


class ArticleFeed(Feed):
    """One feed class for every kind and subject; the subject is a :class:`FeedSource`."""

    def __init__(self, kind):
        super().__init__()
        self.feed_type = FEED_TYPES[kind]

    def get_object(self, request, source):
        return source

    def title(self, source):
        if source.author is not None:
            subject = gettext("Articles by %(name)s") % {"name": source.author.name}
        elif source.tag is not None:
            subject = gettext("Articles tagged “%(tag)s”") % {"tag": source.tag.name}
        else:
            return source.index.title
        return f"{subject} — {source.index.title}"

    def subtitle(self, source):
        return self.description(source)

    def description(self, source):
        # RSS requires a channel description; the index title stands in for a missing one.
        # Readers render descriptions as HTML (Atom says type="html"): plain text is escaped.
        return escape(getattr(source.index, "search_description", "") or source.index.title)

    def link(self, source):
        return source.index.get_full_url(source.request)

    def feed_url(self, source):
        return source.index.feed_url(
            source.kind, source.request, author=source.author, tag=source.tag
        )

    def items(self, source):
        articles = source.index.articles()
        if source.author is not None:
            articles = source.index.articles_by(source.author)
        if source.tag is not None:
            articles = articles.filter(tags=source.tag)
        self._request = source.request
        return articles.for_feed()[: get_setting("FEED_SIZE")]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        # Plain text, rendered as HTML by readers: escaped, so "<" shows as "<".
        return escape(getattr(article, "search_description", "") or article.intro)

    def item_link(self, article):
        return article.get_full_url(self._request)

    def item_pubdate(self, article):
        if article.date:
            return timezone.make_aware(datetime.combine(article.date, time()))
        return article.first_published_at

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        return ", ".join(author.name for author in article.authors) or None

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]


def serve_feed(index, request, kind, author=None, tag=None):
    return ArticleFeed(kind)(request, FeedSource(index, request, kind, author, tag))
