"""What ``includes/head.html`` puts in a page's ``<head>``: canonical URL, description,
Open Graph, Twitter card, schema.org JSON-LD and feed autodiscovery links.

Everything is computed from the template context the page already has (``page``,
``authors``, ``career_index``, ``author``, ``current_tag``), so the head adds no query per
author or tag. On a page that is not the package's, :func:`head_metadata` returns ``None``
and the include renders nothing.

Languages (``languages.py``): ``inLanguage`` and ``og:locale`` are the content's language
(the page's locale with ``WAGTAIL_I18N_ENABLED``, else the default locale's), never the
interface's; the canonical URL is the page's own language URL (on a one-language site, the
default language's, whatever prefix the request had); each live, public translation gets a
``<link rel="alternate" hreflang>``, plus ``x-default``, read in one query.
"""

import json
from contextlib import nullcontext
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urlencode, urljoin

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail.models import Site

from .languages import (
    alternates,
    canonical_url,
    content_language,
    default_language,
    i18n_enabled,
    og_locale,
    translations,
)
from .links import safe_link
from .models import ArticlePageMixin, CareerIndexPageMixin

# Open Graph's recommended 1.91:1 image; most networks crop to it.
SOCIAL_IMAGE_RENDITION = "fill-1200x630"

# What json.dumps leaves that could end a <script> element or open a comment in it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass
class FeedLink:
    mime_type: str
    title: str
    href: str


@dataclass
class HeadMetadata:
    canonical: str
    description: str = ""
    robots: str = ""
    # (property, content) pairs, in order; a property may repeat (article:tag).
    open_graph: list = field(default_factory=list)
    twitter: list = field(default_factory=list)
    json_ld: str = ""
    feeds: list = field(default_factory=list)
    # The content's language code ("fr", "en", "fr-ca"), as <html lang> would have it.
    language: str = ""
    # (hreflang, href) of each translation, then ("x-default", href); [] with one language.
    alternates: list = field(default_factory=list)


def json_ld_script_content(data):
    """``data`` as JSON that is inert inside ``<script type="application/ld+json">``.

    Django's ``json_script`` escapes the same characters but cannot set the script type.
    """
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder).translate(_SCRIPT_ESCAPES))


def absolute(base, url):
    """``url`` made absolute against ``base`` (the page's full URL, from its Wagtail Site,
    so every address in the head shares the canonical's host). Absolute URLs, e.g. of a
    CDN, are kept."""
    return urljoin(base, url) if url else url


def site_name(request):
    site = Site.find_for_request(request) if request is not None else None
    if site and site.site_name:
        return site.site_name
    return getattr(settings, "WAGTAIL_SITE_NAME", "")


def description_of(page):
    """The search description, else the introduction, as plain text."""
    # A custom base page model (AbstractPage) need not have the field.
    text = getattr(page, "search_description", "")
    if not text and isinstance(page, CareerIndexPageMixin):
        text = unescape(strip_tags(page.intro))  # the index's intro is rich text
    elif not text:
        text = getattr(page, "intro", "")
    return " ".join(text.split())


def social_image(page, base):
    """The hero image's social rendition (URL made absolute), or ``None``."""
    image = getattr(page, "hero_image", None)
    if image is None:
        return None
    rendition = image.get_rendition(SOCIAL_IMAGE_RENDITION)
    return {
        "url": absolute(base, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


def feed_links(index, request, author=None, tag=None):
    """Autodiscovery links: the whole index's feeds, then the author's or tag's."""
    subjects = [(index.title, {})]
    if author is not None:
        title = gettext("Articles by %(name)s") % {"name": author.name}
        subjects.append((title, {"author": author}))
    if tag is not None:
        subjects.append((gettext("Articles tagged “%(tag)s”") % {"tag": tag.name}, {"tag": tag}))
    return [
        FeedLink(mime_type, f"{title} ({label})", index.feed_url(kind, request, **subject))
        for kind, mime_type, label in (
            ("rss", "application/rss+xml", "RSS"),
            ("atom", "application/atom+xml", "Atom"),
        )
        for title, subject in subjects
    ]


def head_metadata(context):
    """The head of a career page; a feature's page model provides its own with a
    ``career_head_metadata(request, context)`` method returning :class:`HeadMetadata`."""
    page = context.get("page")
    request = context.get("request")
    own = getattr(page, "career_head_metadata", None)
    if own is not None:
        return own(request, context)
    if isinstance(page, ArticlePageMixin):
        return article_metadata(page, request, context)
    if isinstance(page, CareerIndexPageMixin):
        return index_metadata(page, request, context)
    return None


def _locale_tags(page):
    """``og:locale`` of the content's language, then ``og:locale:alternate`` of each other
    translation's."""
    language = content_language(page)
    tags = [("og:locale", og_locale(language))]
    for translated in translations(page):
        code = translated.locale.language_code if i18n_enabled() else language
        if code != language:
            tags.append(("og:locale:alternate", og_locale(code)))
    return tags


def _urls_in_content_language():
    """Without i18n, URLs are built in the default language (an /en/ prefix is only the
    interface's); with i18n, Wagtail builds each page's in its locale's."""
    return nullcontext() if i18n_enabled() else translation.override(default_language())


def social_tags(og_type, title, description, url, request, image, page, large_image=True):
    """The Open Graph and Twitter card tags every career page has (a feature's pages too);
    ``large_image=False`` for a small image such as a logo."""
    tags = [
        ("og:type", og_type),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
        ("og:site_name", site_name(request)),
        *_locale_tags(page),
    ]
    twitter = [
        ("twitter:card", "summary_large_image" if image and large_image else "summary"),
        ("twitter:title", title),
        ("twitter:description", description),
    ]
    if image:
        tags += [
            ("og:image", image["url"]),
            ("og:image:width", str(image["width"])),
            ("og:image:height", str(image["height"])),
            ("og:image:alt", image["alt"]),
        ]
        twitter += [("twitter:image", image["url"]), ("twitter:image:alt", image["alt"])]
    return [(k, v) for k, v in tags if v], [(k, v) for k, v in twitter if v]


def article_metadata(page, request, context):
    canonical = canonical_url(page, request)
    description = description_of(page)
    title = getattr(page, "seo_title", "") or page.title
    image = social_image(page, canonical)
    authors = context.get("authors")
    if authors is None:
        authors = page.authors
    index = context.get("career_index")
    tags = page.tag_list
    published = page.date or page.first_published_at
    modified = page.last_published_at or page.latest_revision_created_at

    open_graph, twitter = social_tags(
        "article", title, description, canonical, request, image, page
    )
    if published:
        open_graph.append(("article:published_time", published.isoformat()))
    if modified:
        open_graph.append(("article:modified_time", modified.isoformat()))
    # Each author's archive (their profile on this site), made absolute once.
    with _urls_in_content_language():
        profiles = [
            (
                author,
                absolute(canonical, index.author_archive_url(author, request)) if index else "",
            )
            for author in authors
        ]
    open_graph += [("article:author", url or author.name) for author, url in profiles]
    open_graph += [("article:tag", tag.name) for tag in tags]

    name = site_name(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": title,
        "description": description,
        "url": canonical,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "inLanguage": content_language(page),
        "datePublished": published.isoformat() if published else None,
        "dateModified": modified.isoformat() if modified else None,
        "image": [image["url"]] if image else None,
        "keywords": [tag.name for tag in tags] or None,
        "author": [_person(author, url) for author, url in profiles] or None,
        "publisher": {"@type": "Organization", "name": name} if name else None,
    }
    return HeadMetadata(
        canonical=canonical,
        description=description,
        open_graph=open_graph,
        twitter=twitter,
        json_ld=json_ld_script_content({k: v for k, v in data.items() if v}),
        feeds=feed_links(index, request) if index is not None else [],
        language=content_language(page),
        alternates=alternates(page, request),
    )


def _person(author, url):
    person = {"@type": "Person", "name": author.name}
    if author.role:
        person["jobTitle"] = author.role
    if author.organisation:
        person["worksFor"] = {"@type": "Organization", "name": author.organisation}
    if url:
        person["url"] = url
    same_as = [link for link in map(safe_link, (author.linkedin_url, author.website)) if link]
    if same_as:
        person["sameAs"] = same_as
    return person


def index_metadata(page, request, context):
    """The career index and its routes (author archive, tag filter, search results)."""
    author = context.get("author")
    tag = context.get("current_tag")
    canonical = canonical_url(page, request)
    if author is not None:
        canonical += page.reverse_subpage("author_archive", kwargs={"slug": author.slug})
    # Keep the parameters that select content; drop tracking and search ones.
    kept = {k: request.GET[k] for k in ("tag", "page") if request and request.GET.get(k)}
    if kept:
        canonical += "?" + urlencode(kept)
    title = getattr(page, "seo_title", "") or page.title
    description = description_of(page)
    if author is not None:
        title = gettext("Articles by %(name)s") % {"name": author.name}
        description = " ".join(author.bio.split()) or description
    open_graph, twitter = social_tags("website", title, description, canonical, request, None, page)
    # Only the index itself has equivalents in the other languages: an author's archive, a
    # tag, a further page or a search need not exist there.
    plain = author is None and not kept and not context.get("search_query")
    return HeadMetadata(
        canonical=canonical,
        description=description,
        # Search results are endless and thin: keep them out of search engines.
        robots="noindex, follow" if context.get("search_query") else "",
        open_graph=open_graph,
        twitter=twitter,
        feeds=feed_links(page, request, author=author, tag=tag),
        language=content_language(page),
        alternates=alternates(page, request) if plain else [],
    )
