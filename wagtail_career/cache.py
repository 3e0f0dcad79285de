"""Cached career pages for anonymous visitors, and the purges that keep them exact.

A site switches it on with one middleware, placed right after ``CommonMiddleware``::

    "wagtail_career.cache.CareerPageCacheMiddleware",

Only responses of career pages (articles, the index and its routes) are stored, and only
for GET requests without a session or messages cookie. Each stored response records the
*dependencies* its page declared before rendering (``page:12``, ``listing:000100010002``,
``employers``…), each with a random token kept in the cache. A purge deletes the tokens of
the changed dependencies, so every response built on them (all its query strings and
languages) is stale at once, without listing URLs. When ``wagtail.contrib.frontend_cache``
is installed, the same events also purge the affected URLs from the CDN.
"""

import hashlib
import uuid
from functools import partial

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re, has_vary_header

from .conf import get_setting

KEY_PREFIX = "wagtail_career:pagecache"
# The messages framework's cookie: a visitor with a pending message gets a fresh page.
MESSAGES_COOKIE = "messages"
# Response header telling whether the page came from the cache (useful behind a proxy too).
STATUS_HEADER = "X-Career-Cache"
# Set on the request by the middleware; a page adds its dependencies' tokens to it.
REQUEST_ATTR = "_career_cache_tokens"
UNCACHEABLE_CONTROLS = {"private", "no-cache", "no-store"}


def page_cache():
    return caches[get_setting("PAGE_CACHE_ALIAS")]


def bypass_cookies():
    return {
        settings.SESSION_COOKIE_NAME,
        MESSAGES_COOKIE,
        *get_setting("PAGE_CACHE_BYPASS_COOKIES"),
    }


def _token_key(dependency):
    return f"{KEY_PREFIX}:dep:{dependency}"


def _response_key(request):
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"{KEY_PREFIX}:response:{translation.get_language()}:{digest}"


# Dependencies: what a career page's HTML is built from, named so that one event purges
# exactly the pages built on what it changed.
def page_dependency(page_id):
    """Every route, query string and language of one page."""
    return f"page:{page_id}"


def listing_dependency(index_path):
    """The articles listed under an index: its routes and its articles' "related" lists."""
    return f"listing:{index_path}"


def comment_count_dependency(index_path):
    """The comment counts an index shows on its article cards."""
    return f"comments:{index_path}"


def settings_dependency(site_id):
    return f"settings:{site_id}"


EMPLOYERS = "employers"
AUTHORS = "authors"


def _current_tokens(dependencies, extra_keys=()):
    """The tokens of ``dependencies`` (made for those without one), and ``extra_keys``'
    values, in one round trip when every token exists."""
    cache = page_cache()
    keys = [_token_key(dependency) for dependency in dependencies]
    values = cache.get_many([*keys, *extra_keys])
    missing = [key for key in keys if key not in values]
    for key in missing:
        cache.add(key, uuid.uuid4().hex, None)
    if missing:  # another process may have added its token first: read the winners
        values.update(cache.get_many(missing))
    return {key: values[key] for key in keys}, values


def depend_on(request, dependencies):
    """Record that the response to ``request`` is built on ``dependencies``.

    Career pages call this before they read the database, so a purge that happens while
    the page renders leaves the stored response stale rather than the new data uncached.
    Does nothing when the middleware is off or the request is not cacheable.
    """
    tokens = getattr(request, REQUEST_ATTR, None)
    if tokens is not None:
        tokens.update(_current_tokens(dependencies)[0])


def cached_fragment(name, dependencies, render):
    """``render()``'s HTML, kept (per language) until one of ``dependencies`` is purged.

    For the parts of a page that are costly to build and the same for every visitor, so
    that even a page the page cache does not serve (a signed-in reader's) stays fast.
    """
    key = f"{KEY_PREFIX}:fragment:{name}:{translation.get_language()}"
    tokens, values = _current_tokens(dependencies, extra_keys=[key])
    entry = values.get(key)
    if entry is not None and entry[0] == tokens:
        return entry[1]
    html = render()
    page_cache().set(key, (tokens, html), get_setting("PAGE_CACHE_TIMEOUT"))
    return html


def do_not_cache(request):
    """Keep the response to ``request`` out of the cache (e.g. search results)."""
    if hasattr(request, REQUEST_ATTR):
        delattr(request, REQUEST_ATTR)


def _cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    return not bypass_cookies().intersection(request.COOKIES)


def _cacheable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if has_vary_header(response, "Cookie"):
        return False
    controls = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not controls & UNCACHEABLE_CONTROLS


class CareerPageCacheMiddleware:
    """Serve career pages to anonymous visitors from Django's cache.

    A request carrying a session cookie (an editor, a signed-in commenter) or a pending
    message always gets a freshly rendered page, and so does any response that sets a
    cookie or varies on it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        cache = page_cache()
        key = _response_key(request)
        entry = cache.get(key)
        if entry is not None and cache.get_many(list(entry["tokens"])) == entry["tokens"]:
            response = HttpResponse(entry["content"], status=entry["status"])
            for name, value in entry["headers"]:
                response[name] = value
            response[STATUS_HEADER] = "hit"
            return response

        setattr(request, REQUEST_ATTR, {})
        response = self.get_response(request)
        tokens = getattr(request, REQUEST_ATTR, None)
        if tokens and request.method == "GET" and _cacheable_response(response):
            response[STATUS_HEADER] = "miss"
            entry = {
                "tokens": tokens,
                "status": response.status_code,
                "headers": list(response.items()),
                "content": response.content,
            }
            cache.set(key, entry, get_setting("PAGE_CACHE_TIMEOUT"))
        return response


def purge(dependencies, urls=None):
    """Make every cached page built on ``dependencies`` stale; purge ``urls()`` from the CDN.

    Done now for this process, and again once the transaction commits, so that a page
    rendered from the old rows while it was open is not kept. ``urls`` is a callable,
    called only when ``wagtail.contrib.frontend_cache`` is installed.
    """
    keys = [_token_key(dependency) for dependency in dependencies]
    page_cache().delete_many(keys)
    frontend_urls = sorted(set(urls())) if urls and frontend_cache_installed() else []
    transaction.on_commit(partial(_purge_after_commit, keys, frontend_urls))


def _purge_after_commit(keys, frontend_urls):
    page_cache().delete_many(keys)
    if frontend_urls:
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        PurgeBatch(frontend_urls).purge()


def frontend_cache_installed():
    return apps.is_installed("wagtail.contrib.frontend_cache")
