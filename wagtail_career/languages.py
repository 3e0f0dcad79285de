"""The language of a page's content, and its translations (Wagtail's internationalisation).

The content language is the page's locale when ``WAGTAIL_I18N_ENABLED`` is on, else the
default locale's (``LANGUAGE_CODE``'s): on a one-language site an ``/en/`` prefix changes the
interface's language, never the content's. Each page's live, public translations are read in
one query, once per page object (the head, ``<html lang>`` and the sitemap share it).
"""

from django.conf import settings
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import PageViewRestriction, Site

from .conf import get_setting

_CACHE = "_career_translations"


def i18n_enabled():
    return getattr(settings, "WAGTAIL_I18N_ENABLED", False)


def default_language():
    """The default locale's language: ``LANGUAGE_CODE``, as a supported content language."""
    try:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def active_language():
    """The active content language's code (no query), else the default language's."""
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return default_language()


def interface_language():
    """The active language's code among ``LANGUAGES`` (the interface's; no query)."""
    try:
        return translation.get_supported_language_variant(
            translation.get_language() or settings.LANGUAGE_CODE
        )
    except LookupError:
        return settings.LANGUAGE_CODE


def default_interface_language():
    """``LANGUAGE_CODE`` as one of ``LANGUAGES``."""
    try:
        return translation.get_supported_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def _translatable(page):
    return i18n_enabled() and bool(getattr(page, "translation_key", None)) and page.pk is not None


def _live_public_translations(model, translation_keys):
    """The live pages of ``model`` with no view restriction (on them or an ancestor) among
    ``translation_keys``' translations, with their locales."""
    restricted = PageViewRestriction.objects.alias(prefix=Length("page__path")).filter(
        page__path=Substr(OuterRef("path"), 1, F("prefix"))
    )
    return (
        model._default_manager.filter(translation_key__in=translation_keys, live=True)
        .alias(restricted=Exists(restricted))
        .filter(restricted=False)
        .select_related("locale")
        .defer_streamfields()
    )


def translations(page):
    """``page`` and its live, public translations (with their locales), default locale's
    first, then by language code. One query, kept on the page object. Without i18n, or for
    a page without a locale, ``[page]``."""
    if not _translatable(page):
        return [page]
    cached = page.__dict__.get(_CACHE)
    if cached is not None:
        return cached
    return _keep_translations(
        page, list(_live_public_translations(type(page), [page.translation_key]))
    )


# Translation keys per query of prefetch_translations: far below SQLite's variable limit.
_PREFETCH_BATCH = 5000


def prefetch_translations(pages):
    """Read the translations of every page of ``pages`` at once, as :func:`translations`
    would one by one (kept on each page): one query per page model and 5,000 pages."""
    models = {}
    for page in pages:
        if _translatable(page) and _CACHE not in page.__dict__:
            models.setdefault(type(page), []).append(page)
    for model, group in models.items():
        found = {}
        keys = sorted({page.translation_key for page in group})
        for start in range(0, len(keys), _PREFETCH_BATCH):
            batch = keys[start : start + _PREFETCH_BATCH]
            for translation_ in _live_public_translations(model, batch):
                found.setdefault(translation_.translation_key, []).append(translation_)
        for page in group:
            _keep_translations(page, list(found.get(page.translation_key, ())))


def _keep_translations(page, found):
    """Sort ``found`` (``page``'s translations as read) and keep it on ``page``."""
    # The page itself (being shown: a preview, or to a visitor allowed in) always counts, as
    # the object the caller has, with its locale from the same query when it came back.
    own = next((p for p in found if p.pk == page.pk), None)
    if own is not None:
        page._state.fields_cache["locale"] = own.locale
        found.remove(own)
    found.append(page)
    default = default_language()
    found.sort(key=lambda p: (p.locale.language_code != default, p.locale.language_code))
    page.__dict__[_CACHE] = found
    return found


def content_language(page=None):
    """The language code of ``page``'s content (``fr``, ``en``, ``fr-ca``…)."""
    if page is not None and i18n_enabled() and getattr(page, "locale_id", None):
        if "locale" not in page._state.fields_cache:
            translations(page)  # reads the page's locale in the same query
        return page.locale.language_code
    return default_language()


def hreflang(language_code):
    """``fr-ca`` -> ``fr-CA``, ``zh-hans`` -> ``zh-Hans``, ``fr`` -> ``fr``."""
    language, _sep, rest = language_code.partition("-")
    if not rest:
        return language.lower()
    return f"{language.lower()}-{rest.upper() if len(rest) == 2 else rest.title()}"


def og_locale(language_code):
    """Open Graph's ``og:locale`` of a language: ``WAGTAIL_CAREER_OG_LOCALES``'s entry, else
    the code as a locale name (``fr-ca`` -> ``fr_CA``, ``de`` -> ``de``)."""
    mapping = get_setting("OG_LOCALES") or {}
    return mapping.get(language_code) or translation.to_locale(language_code)


def canonical_url(page, request):
    """``page``'s canonical full URL: its own language's. With i18n on, Wagtail builds it in
    the page's locale already; without, in the default language (the active, interface
    language's /en/ prefix would make a second canonical of the same content)."""
    if i18n_enabled():
        return page.get_full_url(request)
    with translation.override(default_language()):
        return page.get_full_url(request)


def alternates(page, request):
    """``(hreflang, full URL)`` of every live, public translation of ``page`` (``page``
    included) and ``x-default`` (the default locale's translation, else ``page``); ``[]``
    when the page has no other translation."""
    pages = translations(page)
    if len(pages) < 2:
        return []
    found = [(p, p.get_full_url(request)) for p in pages]
    found = [(p, url) for p, url in found if url]
    if len(found) < 2:
        return []
    default = default_language()
    x_default = next(
        (url for p, url in found if p.locale.language_code == default), page.get_full_url(request)
    )
    links = [(hreflang(p.locale.language_code), url) for p, url in found]
    return [*links, ("x-default", x_default)]


def sitemap_urls(page, request, lastmod):
    """The sitemap entries of ``page`` and of its translations outside the request's site
    tree (Wagtail's sitemap lists only the site's root page's descendants, so the other
    locales' trees would be missing), each with the ``alternates`` Django's sitemap template
    renders as ``xhtml:link rel="alternate" hreflang``. ``lastmod(page)`` dates one entry."""
    own = {"location": page.get_full_url(request), "lastmod": lastmod(page)}
    pages = translations(page)
    if len(pages) < 2:
        return [own]
    site = Site.find_for_request(request) if request is not None else None
    root_path = site.root_page.path if site else None
    links = alternates(page, request)
    entry_alternates = [{"lang_code": code, "location": url} for code, url in links]
    urls = []
    for translated in pages:
        if translated is not page and root_path and translated.path.startswith(root_path):
            continue  # listed by the sitemap itself
        location = own["location"] if translated is page else translated.get_full_url(request)
        if not location:
            continue
        urls.append(
            {
                "location": location,
                "lastmod": own["lastmod"] if translated is page else lastmod(translated),
                "alternates": entry_alternates,
            }
        )
    return urls


def search_backend(page):
    """The ``WAGTAILSEARCH_BACKENDS`` alias searching ``page``'s language
    (``WAGTAIL_CAREER_SEARCH_BACKENDS``), or ``"default"``."""
    mapping = get_setting("SEARCH_BACKENDS") or {}
    if not mapping:
        return "default"
    return mapping.get(content_language(page), "default")
