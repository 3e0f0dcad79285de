from django import template
from django.conf import settings as django_settings
from django.http import QueryDict
from django.template import TemplateSyntaxError
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Site
from wagtail.templatetags.wagtail_cache import WagtailCacheNode

from .. import cache
from ..languages import content_language
from ..links import safe_link
from ..models import CareerSettings
from ..models.pages import INDEX_QUERY_PARAMS
from ..parts import article_parts
from ..search import highlight
from ..seo import head_metadata
from ..sharing import share_links

register = template.Library()

# The variables CareerCacheNode puts in the context for Django's CacheNode to read.
_TIMEOUT, _ALIAS, _VERSION = "career_cache_timeout", "career_cache_alias", "career_cache_version"


class CareerCacheNode(WagtailCacheNode):
    """``{% careercache "name" dependencies [vary_on …] %}…{% endcareercache %}``

    Wagtail's preview-aware fragment cache, in the package's cache alias and timeout, keyed
    by site, language, the page's ``cache_key`` and ``vary_on``, and stale as soon as one
    of ``dependencies`` (names from ``cache.py``) is purged. Nothing is read or written for a
    preview, a revision, a draft or a page with a view restriction.
    """

    def __init__(self, nodelist, fragment_name, dependencies, vary_on, parser):
        super().__init__(
            nodelist,
            parser.compile_filter(_TIMEOUT),
            fragment_name,
            [parser.compile_filter(_VERSION), *vary_on],
            parser.compile_filter(_ALIAS),
        )
        self.dependencies = dependencies

    def render(self, context):
        request = context.get("request")
        page = context.get("page")
        if not cache.may_share(request, page if hasattr(page, "get_view_restrictions") else None):
            return self.nodelist.render(context)
        site = Site.find_for_request(request)
        dependencies = list(self.dependencies.resolve(context) or [])
        key_parts = [
            cache.version(dependencies, request),
            site.pk if site else "",
            translation.get_language(),
            getattr(page, "cache_key", ""),
        ]
        with context.update(
            {
                _TIMEOUT: cache.timeout(),
                _ALIAS: cache.shared_cache_alias(),
                _VERSION: ":".join(str(part) for part in key_parts),
            }
        ):
            return super().render(context)


@register.tag("careercache")
def do_careercache(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise TemplateSyntaxError(f"'{bits[0]}' takes a fragment name and its dependencies.")
    nodelist = parser.parse(("endcareercache",))
    parser.delete_first_token()
    fragment_name = bits[1].strip("\"'")
    return CareerCacheNode(
        nodelist,
        fragment_name,
        parser.compile_filter(bits[2]),
        [parser.compile_filter(bit) for bit in bits[3:]],
        parser,
    )


@register.simple_tag(takes_context=True)
def career_article_parts(context, region):
    """Render the article parts registered for ``region`` (see ``parts.py``), in order.

    Each part's template gets the page's context plus the data its ``get_context`` returns.
    """
    request = context.get("request")
    page = context.get("page")
    html = []
    for part in article_parts(region):
        data = part.get_context(request, page)
        if data is None:
            continue
        with context.push(data):
            html.append(get_template(part.template).template.render(context))
    return mark_safe("".join(html))


# An editor's link in an href: dropped ("") unless http(s), mailto:, tel: or site-relative.
register.filter("safe_link", safe_link)


@register.simple_tag(takes_context=True)
def author_archive_url(context, author):
    """The URL of ``author``'s archive under the current career index, or ``""``."""
    index_page = context.get("career_index")
    if index_page is None or not author.slug:
        return ""
    return index_page.author_archive_url(author, context.get("request"))


@register.filter("career_srcset")
def srcset(renditions):
    """``renditions`` (widths ascending) as a ``srcset`` value, each width once: Wagtail
    never upscales, so an original narrower than the widest size gives several renditions of
    its own width, and a srcset with a width twice is invalid HTML (Wagtail issue #12389).
    In Python: a template loop over every card's six renditions cost more than the card."""
    widths, candidates = set(), []
    for rendition in renditions or ():
        if rendition.width not in widths:
            widths.add(rendition.width)
            candidates.append(f"{rendition.url} {rendition.width}w")
    return ", ".join(candidates)


@register.filter
def elided_page_range(paginator, number):
    """Page numbers around ``number`` with "…" gaps, so 100 pages stay a short list."""
    return paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def page_query(context, *pairs, **changes):
    """The current query string with ``changes`` applied (``None`` removes a key), keeping
    only the parameters career pages read: a link never carries what a visitor made up. A
    feature's view that validated its own parameters gives them as ``pagination_query`` (a
    query string) in the context instead. ``pairs`` are changes whose key is a variable
    (``{% page_query page_param number %}``, the pagination include's)."""
    changes = {**dict(zip(pairs[::2], pairs[1::2], strict=True)), **changes}
    base = context.get("pagination_query")
    if base is not None:
        query = QueryDict(base, mutable=True)
    else:
        known = {
            *INDEX_QUERY_PARAMS,
            "q",
            *(p for part in article_parts() for p in part.query_params),
        }
        query = QueryDict(mutable=True)
        for key, values in context["request"].GET.lists():
            if key in known:
                query.setlist(key, values)
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def career_head_metadata(context):
    """The ``<head>`` metadata of the current career page, or ``None`` on other pages."""
    return head_metadata(context)


@register.simple_tag(takes_context=True)
def career_share(context, page):
    """Share links for ``page``'s canonical full URL, as the site settings choose them."""
    request = context.get("request")
    settings = CareerSettings.for_request(request) if request is not None else None
    url = page.get_full_url(request)
    return {
        "url": url,
        "title": page.title,
        "links": share_links(url, page.title, settings),
        "copy_link": settings is None or settings.share_copy_link,
    }


@register.simple_tag(takes_context=True)
def career_contact_cta(context, value=None):
    """The contact call to action: ``value``'s fields (a block's), else the site settings',
    else the default wording."""
    value = value or {}
    request = context.get("request")
    settings = CareerSettings.for_request(request) if request is not None else None
    page = value.get("page")
    href = page.get_url(request) if page else ""
    if not href and settings is not None:
        href = settings.contact_cta_link(request)
    return {
        "heading": value.get("heading")
        or (settings and settings.translated("contact_cta_heading"))
        or _("Have questions?"),
        "text": value.get("text")
        or (settings and settings.translated("contact_cta_text"))
        or _("We are here to help."),
        "href": href,
        "link_text": value.get("link_text")
        or (settings and settings.translated("contact_cta_link_text"))
        or _("Contact us"),
        "in_sidebar": settings is None or settings.contact_cta_in_sidebar,
    }


@register.simple_tag(takes_context=True)
def career_highlight(context, text):
    """``text`` escaped, with the words of the current ``search_query`` (if any) marked."""
    return highlight(text, context.get("search_query") or "")


@register.simple_tag(takes_context=True)
def career_userbar(context, position="bottom-right"):
    """Wagtail's userbar, only for a request that carries a session cookie.

    ``{% wagtailuserbar %}`` reads ``request.user``, which opens the session and makes every
    response ``Vary: Cookie``, so no shared cache can keep the page. A visitor without a
    session cookie cannot be a signed-in editor: for them nothing is read and nothing shown.
    """
    request = context.get("request")
    if request is None or django_settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context, position)


@register.simple_tag(takes_context=True)
def career_content_language(context, page=None):
    """The language code of the content of ``page`` (default: the context's ``page``), for
    the site's base template: ``{% career_content_language as content_language %}``
    ``<html lang="{{ content_language }}">``. The page's locale with
    ``WAGTAIL_I18N_ENABLED``, else the default locale's language (``LANGUAGE_CODE``'s) — never
    the interface's language that an ``/en/`` prefix activates on a one-language site. A view
    without a page (a form's answer, an error) is all interface: its active language."""
    page = page if page is not None else context.get("page")
    if not hasattr(page, "locale_id"):
        return translation.get_language() or django_settings.LANGUAGE_CODE
    return content_language(page)
