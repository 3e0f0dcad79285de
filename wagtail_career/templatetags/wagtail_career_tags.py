from django import template
from wagtail.models import Site

from ..employer_list import employers_section
from ..models import CareerIndexPage

register = template.Library()


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
