from django import template
from django.conf import settings as django_settings
from django.utils.translation import gettext as _
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Site

from ..employer_list import employers_section
from ..links import safe_link
from ..models import CareerIndexPage, CareerSettings
from ..newsletter.forms import form_context
from ..search import highlight
from ..seo import head_metadata
from ..sharing import share_links

register = template.Library()

# An editor's link in an href: dropped ("") unless http(s), mailto:, tel: or site-relative.
register.filter("safe_link", safe_link)


@register.inclusion_tag("wagtail_career/includes/employers.html", takes_context=True)
def employers_who_recruit(context):
    """The "Employers who are hiring" list, for any page of a site.

    Its directory link goes to the current career index, else to the site's first one.
    """
    request = context["request"]
    section = employers_section(request, context.get("career_index"))
    if section and not section["directory_url"]:
        career_index = (
            CareerIndexPage.objects.live()
            .public()
            .descendant_of(Site.find_for_request(request).root_page, inclusive=True)
            .first()
        )
        if career_index:
            section["directory_url"] = career_index.employer_directory_url(request)
    return {"employers_section": section}


@register.simple_tag(takes_context=True)
def author_archive_url(context, author):
    """The URL of ``author``'s archive under the current career index, or ``""``."""
    index_page = context.get("career_index")
    if index_page is None or not author.slug:
        return ""
    return index_page.author_archive_url(author, context.get("request"))


@register.filter
def elided_page_range(paginator, number):
    """Page numbers around ``number`` with "…" gaps, so 100 pages stay a short list."""
    return paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def page_query(context, **changes):
    """The current query string with ``changes`` applied (``None`` removes a key)."""
    query = context["request"].GET.copy()
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
        or (settings and settings.contact_cta_heading)
        or _("Have questions?"),
        "text": value.get("text")
        or (settings and settings.contact_cta_text)
        or _("We are here to help."),
        "href": href,
        "link_text": value.get("link_text")
        or (settings and settings.contact_cta_link_text)
        or _("Contact us"),
        "in_sidebar": settings is None or settings.contact_cta_in_sidebar,
    }


@register.simple_tag(takes_context=True)
def career_highlight(context, text):
    """``text`` escaped, with the words of the current ``search_query`` (if any) marked."""
    return highlight(text, context.get("search_query") or "")
@register.inclusion_tag("wagtail_career/includes/newsletter_form.html", takes_context=True)
def newsletter_form(context, heading="", text="", button_label=""):
    """The newsletter signup box; empty texts use the site's Career settings."""
    return form_context(
        context["request"], heading=heading, text=text, button_label=button_label
    )


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
