"""The package's one cache layer: keys, dependencies, timeouts, purges.

Everything the package caches lives here, in the ``WAGTAIL_CAREER_CACHE_ALIAS`` cache for
``WAGTAIL_CAREER_CACHE_TIMEOUT`` seconds at most:

- **pages**: whole responses of career pages for anonymous visitors
  (:class:`CareerPageCacheMiddleware`);
- **fragments**: parts of pages cached in templates with ``{% careercache %}``, Wagtail's
  preview-aware ``{% wagtailpagecache %}`` keyed by site, language and dependencies;
- **values**: small computed values such as comment counts (:func:`get_values`);
- **views**: whole responses of views that are the same for every visitor, such as the
  sitemap (:func:`serve_cached`).

Each entry records the *dependencies* it was built on (``tree:000100010002``,
``listing:…``, ``employers``…), each with a random token kept in the cache. A purge deletes
the tokens of the changed dependencies, so every entry built on them (all its query strings
and languages) is stale at once, without listing keys. When
``wagtail.contrib.frontend_cache`` is installed, purges also send the affected URLs to the CDN.

Nothing rendered for a preview, a revision, a draft or a page with a view restriction is
ever read from or written to a shared entry.

Rate-limit counters live in their own alias (``WAGTAIL_CAREER_RATE_LIMIT_CACHE_ALIAS``), so
that no flood of page entries can evict them.
"""

import hashlib
import math
import time
import uuid
from functools import partial

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re, has_vary_header
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import AbstractPage, PageViewRestriction

from .conf import get_setting

KEY_PREFIX = "wagtail_career"
# The messages framework's cookie: a visitor with a pending message gets a fresh page.
MESSAGES_COOKIE = "messages"
# Response header telling whether the page came from the cache (useful behind a proxy too).
STATUS_HEADER = "X-Career-Cache"
# Set on the request by the middleware; a page adds its dependencies' tokens to it.
REQUEST_ATTR = "_career_cache"
SHARED_PAGES_ATTR = "_career_shared_pages"  # may_share's answers for the request's pages
TOKENS_ATTR = "_career_tokens"  # the tokens a request's versions read (version)
UNCACHEABLE_CONTROLS = {"private", "no-cache", "no-store"}
# Used for rate limits when the site defines no cache of that alias: per process, but never
# shared with (and so never evicted by) page entries.
_PRIVATE_RATE_LIMIT_CACHE = LocMemCache("wagtail-career-ratelimit", {"MAX_ENTRIES": 100_000})


def shared_cache_alias():
    return get_setting("CACHE_ALIAS")


def shared_cache():
    return caches[shared_cache_alias()]


def rate_limit_cache():
    alias = get_setting("RATE_LIMIT_CACHE_ALIAS")
    return caches[alias] if alias in settings.CACHES else _PRIVATE_RATE_LIMIT_CACHE


def timeout():
    return get_setting("CACHE_TIMEOUT")


def bypass_cookies():
    return {
        settings.SESSION_COOKIE_NAME,
        MESSAGES_COOKIE,
        *get_setting("PAGE_CACHE_BYPASS_COOKIES"),
    }


def has_bypass_cookie(request):
    return bool(bypass_cookies().intersection(request.COOKIES))


# Dependencies: what a cached entry is built from, named so that one event purges exactly
# the entries built on what it changed.
def tree_dependency(path):
    """A page and every page below it (each page depends on its ancestors' trees)."""
    return f"tree:{path}"


def page_dependencies(page):
    """A page's own content and its ancestors' (unpublishing an ancestor hides it)."""
    steps = range(2 * AbstractPage.steplen, len(page.path) + 1, AbstractPage.steplen)
    return [tree_dependency(page.path[:end]) for end in steps]


def listing_dependency(index_path):
    """The articles listed under an index: its routes (pages, tags, authors, feeds)."""
    return f"listing:{index_path}"


def tag_dependency(index_path, tag_id):
    """The live articles of an index that carry one tag (by id: a slug may be any Unicode
    letter, which some cache backends refuse in keys): its articles' "related" lists."""
    return f"tag:{index_path}:{tag_id}"


def recent_dependency(index_path):
    """The newest articles of an index: the "related" lists that too few shared tags fill
    up with them."""
    return f"recent:{index_path}"


def card_counts_dependency(index_path):
    """The counts (comments…) shown on the article cards of an index."""
    return f"counts:{index_path}"


def settings_dependency(site_id):
    """A site's settings of the package (any of its features')."""
    return f"settings:{site_id}"


EMPLOYERS = "employers"
AUTHORS = "authors"
# Every site's tree of live, public pages, which its sitemap lists (wagtail_career.sitemaps).
SITEMAP = "sitemap"
DEADLINE_PREFIX = "until:"


def deadline_dependency(moment):
    """Content that changes by itself at ``moment`` (an aware datetime), such as a job offer
    that closes: its token expires then, so every entry built on it is stale from that
    second on, without a purge. ``None`` (no deadline) gives no dependency."""
    if moment is None:
        return None
    return f"{DEADLINE_PREFIX}{math.floor(moment.timestamp())}"


def _token_timeout(dependency):
    """Tokens live until purged, a deadline's only until its moment."""
    if not dependency.startswith(DEADLINE_PREFIX):
        return None
    return max(0, int(dependency[len(DEADLINE_PREFIX) :]) - math.ceil(time.time()))


def _token_key(dependency):
    return f"{KEY_PREFIX}:dep:{dependency}"


def current_tokens(dependencies, extra_keys=()):
    """The tokens of ``dependencies`` (made for those without one), and ``extra_keys``'
    values, in one round trip when every token exists."""
    cache = shared_cache()
    dependencies = [dependency for dependency in dependencies if dependency]
    keys = {_token_key(dependency): dependency for dependency in dependencies}
    values = cache.get_many([*keys, *extra_keys])
    missing = [key for key in keys if key not in values]
    for key in missing:
        token_timeout = _token_timeout(keys[key])
        if token_timeout == 0:
            # A deadline already reached: a token nobody can store makes the entry a miss.
            values[key] = uuid.uuid4().hex
        else:
            cache.add(key, uuid.uuid4().hex, token_timeout)
    if missing:  # another process may have added its token first: read the winners
        values.update(cache.get_many([key for key in missing if key not in values]))
    return {key: values[key] for key in keys}, values


def version(dependencies, request=None):
    """A short digest of ``dependencies``' tokens: it changes when any of them is purged.

    With ``request``, each token is read once per request: a page's fragments share most of
    their dependencies. A purge while the page renders then leaves what it stores under the
    versions read before it, which no later request reads.
    """
    dependencies = {dependency for dependency in dependencies if dependency}
    if request is None:
        tokens = current_tokens(dependencies)[0]
    else:
        tokens = request.__dict__.setdefault(TOKENS_ATTR, {})
        missing = [name for name in dependencies if _token_key(name) not in tokens]
        if missing:
            tokens.update(current_tokens(missing)[0])
        tokens = {key: tokens[key] for key in map(_token_key, dependencies)}
    return hashlib.sha256(repr(sorted(tokens.items())).encode()).hexdigest()[:16]


# --- Who may share an entry ---------------------------------------------------------------


RESTRICTED_PATHS = "restricted_paths"


def restricted_paths():
    """The tree paths of every page with a view restriction: read from the cache (no query),
    forgotten whenever a restriction changes (``forget_restricted_paths``)."""

    def compute(idents):
        paths = PageViewRestriction.objects.values_list("page__path", flat=True)
        return {"all": tuple(paths)}

    return get_values(RESTRICTED_PATHS, ["all"], compute)["all"]


def forget_restricted_paths():
    forget_values(RESTRICTED_PATHS, ["all"])


def is_private(page):
    """Whether ``page`` or an ancestor has a view restriction (for an alias, the original's
    restrictions count too, as Wagtail reads them: then one query)."""
    if page.alias_of_id:
        return page.get_view_restrictions().exists()
    return any(page.path.startswith(path) for path in restricted_paths())


def may_share(request, page=None):
    """Whether what is rendered for ``request`` (of ``page``) may be read from or written to
    a shared entry: never for a preview or revision, a draft, or a restricted page."""
    if request is None or getattr(request, "is_preview", False):
        return False
    if page is None:
        return True
    if not (page.pk and page.live):
        return False
    # Asked by every fragment of a page: answered once per request and page.
    answers = request.__dict__.setdefault(SHARED_PAGES_ATTR, {})
    if page.pk not in answers:
        answers[page.pk] = not is_private(page)
    return answers[page.pk]


# --- Values ---------------------------------------------------------------------------------


def _value_key(namespace, ident):
    return f"{KEY_PREFIX}:value:{namespace}:{ident}"


def get_values(namespace, idents, compute):
    """``{ident: value}`` for ``idents``: from the cache, the rest from ``compute(missing)``
    (which returns a dict) in one call, then kept until :func:`forget_values`."""
    cache = shared_cache()
    keys = {ident: _value_key(namespace, ident) for ident in idents}
    cached = cache.get_many(list(keys.values()))
    found = {ident: cached[key] for ident, key in keys.items() if key in cached}
    missing = [ident for ident in keys if ident not in found]
    if missing:
        fresh = compute(missing)
        cache.set_many({keys[ident]: fresh[ident] for ident in missing}, timeout())
        found.update(fresh)
    return found


def forget_values(namespace, idents):
    keys = [_value_key(namespace, ident) for ident in idents]
    shared_cache().delete_many(keys)
    transaction.on_commit(partial(shared_cache().delete_many, keys))


# --- Pages ----------------------------------------------------------------------------------


class _PageEntry:
    """What a cacheable request collects while its page renders."""

    def __init__(self):
        self.tokens = {}
        self.query_params = set()  # the parameters the page reads (depend_on)


def _response_key(request, kind="page"):
    query = sorted(request.GET.lists())
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query!r}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    # "r2": the layout of the entries (store_response); a new layout never reads old ones.
    return f"{KEY_PREFIX}:{kind}:r2:{translation.get_language()}:{digest}"


# The token keys of the entries this process stored or served: a hit then reads the entry
# and its tokens in one round trip. Only a hint (the entry's own list decides), so it is
# simply forgotten when full.
_TOKEN_KEYS = {}
_TOKEN_KEYS_MAX = 4096


def _remember_token_keys(key, token_keys):
    if len(_TOKEN_KEYS) >= _TOKEN_KEYS_MAX:
        _TOKEN_KEYS.clear()
    _TOKEN_KEYS[key] = token_keys


def stored_response(key):
    """The response stored at ``key`` when every token it was built on is still current,
    else ``None``. One ``get_many`` for the entry and its tokens (a second one the first time
    this process reads the entry)."""
    cache = shared_cache()
    hint = _TOKEN_KEYS.get(key, ())
    values = cache.get_many([key, *hint])
    stored = values.pop(key, None)
    if stored is None:
        return None
    tokens, status, headers, content = stored
    if tuple(tokens) != hint:
        _remember_token_keys(key, tuple(tokens))
        values.update(cache.get_many([name for name in tokens if name not in values]))
    if any(values.get(name) != token for name, token in tokens.items()):
        return None
    # Bytes and headers, not a pickled HttpResponse: nothing to rebuild but the object.
    return HttpResponse(content, status=status, headers=headers)


def store_response(key, tokens, response):
    """Keep ``response``'s status, headers and bytes at ``key``, valid while ``tokens`` (token
    key -> token, as :func:`current_tokens` read them before rendering) stay current."""
    shared_cache().set(
        key,
        (tokens, response.status_code, dict(response.items()), response.content),
        timeout(),
    )
    _remember_token_keys(key, tuple(tokens))


def serve_cached(request, dependencies, render, kind):
    """``render()``'s response to ``request`` (a view visitor-independent by nature, such as
    the sitemap), served from the shared cache while the dependencies ``dependencies()``
    returns (called on a miss only) are not purged. Keyed by URL and language under
    ``kind``, apart from the page cache's entries."""
    key = _response_key(request, kind)
    response = stored_response(key)
    if response is not None:
        return response
    tokens = current_tokens(dependencies())[0]  # before reading the database, as depend_on
    response = render()
    if hasattr(response, "render"):
        response.render()
    if _cacheable_response(response):
        store_response(key, tokens, response)
    return response


def add_dependencies(request, dependencies):
    """Add ``dependencies`` to a response a career page already declared (a template tag of
    a feature on a career page); nothing for any other page."""
    entry = getattr(request, REQUEST_ATTR, None)
    if entry is not None and entry.tokens:
        entry.tokens.update(current_tokens(dependencies)[0])


def depend_on(request, page, dependencies, query_params=()):
    """Record that the response to ``request`` shows ``page`` built on ``dependencies`` (a
    list, or a function returning one, called only when the response may be stored).

    Career pages (and their parts) call this before they read the database, so a purge
    that happens while the page renders leaves the stored response stale rather than the
    new data uncached. A response is stored only when every query parameter of the request
    is one the page declared in ``query_params``; a page with a view restriction never is.
    Does nothing when the middleware is off.
    """
    entry = getattr(request, REQUEST_ATTR, None)
    if entry is None:
        return
    if not may_share(request, page):
        do_not_cache(request)
        return
    entry.query_params |= set(query_params)
    if callable(dependencies):
        dependencies = dependencies()
    entry.tokens.update(current_tokens([*page_dependencies(page), *dependencies])[0])


def do_not_cache(request):
    """Keep the response to ``request`` out of the page cache (e.g. search results)."""
    if hasattr(request, REQUEST_ATTR):
        delattr(request, REQUEST_ATTR)


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
    """Serve career pages to anonymous visitors from the shared cache.

    A request carrying a session cookie (an editor, a signed-in commenter) or a pending
    message always gets a freshly rendered page, and so does any response that sets a
    cookie or varies on it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method not in ("GET", "HEAD")
            or has_bypass_cookie(request)
            # Wagtail's preview and moderation requests (make_preview_request) go through
            # the middleware for the live page's URL, with no cookie when made without the
            # editor's request: never answer them with the live page's entry.
            or getattr(request, "is_dummy", False)
            or getattr(request, "is_preview", False)
        ):
            return self.get_response(request)
        key = _response_key(request)
        response = stored_response(key)
        if response is not None:
            response[STATUS_HEADER] = "hit"
            return response

        entry = _PageEntry()
        setattr(request, REQUEST_ATTR, entry)
        response = self.get_response(request)
        if (
            getattr(request, REQUEST_ATTR, None) is entry
            and entry.tokens
            and set(request.GET) <= entry.query_params
            and request.method == "GET"
            and _cacheable_response(response)
        ):
            response[STATUS_HEADER] = "miss"
            store_response(key, entry.tokens, response)
        return response


# --- Purges ---------------------------------------------------------------------------------


def purge(dependencies, urls=None):
    """Make every entry built on ``dependencies`` stale; purge ``urls()`` from the CDN.

    Done now for this process, and again once the transaction commits, so that an entry
    rendered from the old rows while it was open is not kept. ``urls`` is a callable,
    called only when ``wagtail.contrib.frontend_cache`` is installed.
    """
    keys = [_token_key(dependency) for dependency in dependencies]
    shared_cache().delete_many(keys)
    frontend_urls = sorted(set(urls())) if urls and frontend_cache_installed() else []
    transaction.on_commit(partial(_purge_after_commit, keys, frontend_urls))


def _purge_after_commit(keys, frontend_urls):
    shared_cache().delete_many(keys)
    if frontend_urls:
        PurgeBatch(frontend_urls).purge()


def frontend_cache_installed():
    return apps.is_installed("wagtail.contrib.frontend_cache")
