from django import template
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, language_code):
    """Where the language switcher leads: the same content in another language.

    On a Wagtail page, that is the page's translation in that language (and, on a routable
    page such as the career index, the same sub-page: the employers directory, an author's
    archive); a page that has no published translation leads to the translated career index,
    or else to the home page in that language, never to the same content under another
    language prefix. Other views (sign-in, newsletter links) exist in every language: the
    same URL with the other prefix.
    """
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page):
        return _page_url_in_language(request, page, language_code)
    if _is_wagtail_page_path(request.path_info):
        # A page that does not exist (404): its other-language version does not either.
        return _landing_url(request, None, language_code)
    return translate_url(request.get_full_path(), language_code)


def _is_wagtail_page_path(path):
    try:
        return resolve(path).url_name == "wagtail_serve"
    except Resolver404:
        return True


def _locale(language_code):
    return Locale.objects.filter(language_code=language_code).first()


def _live_translation(page, locale):
    if locale is None:
        return None
    if page.locale_id == locale.pk:
        return page
    translation_ = page.get_translation_or_none(locale)
    return translation_ if translation_ is not None and translation_.live else None


def _page_url_in_language(request, page, language_code):
    locale = _locale(language_code)
    if locale is not None and page.locale_id == locale.pk:
        return request.get_full_path()  # this very page, filters and all
    translated = _live_translation(page, locale)
    if translated is None:
        return _landing_url(request, page, language_code)
    url = translated.get_url(request)
    # A routable page's sub-page (employers/, authors/<slug>/): the same route on the
    # translation; query strings (a tag filter, a page number) belong to one language's list.
    page_url = page.get_url(request)
    if page_url and url and request.path.startswith(page_url):
        url += request.path[len(page_url) :]
    return url


def _landing_url(request, page, language_code):
    """The translated career index of the page's section (or of the site), else the home page
    in that language, else the site's root under that language's prefix."""
    from wagtail_career.pages.models import CareerIndexPage

    locale = _locale(language_code)
    if locale is not None:
        indexes = CareerIndexPage.objects.live()
        if page is not None:
            section = indexes.ancestor_of(page, inclusive=True).last()
            translated = section and _live_translation(section, locale)
            if translated:
                return translated.get_url(request)
        site = Site.find_for_request(request)
        if site is not None:
            home = _live_translation(site.root_page, locale)
            if home is not None:
                index = indexes.filter(locale=locale).descendant_of(home).first()
                return (index or home).get_url(request)
    with translation.override(language_code):
        return translate_url("/", language_code)
