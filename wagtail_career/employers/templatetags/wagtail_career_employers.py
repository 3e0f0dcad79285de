from django import template

from ...cache import add_dependencies
from ..sidebar import employer_dependencies, employers_section

register = template.Library()


@register.inclusion_tag("wagtail_career/includes/employers.html", takes_context=True)
def employers_who_recruit(context):
    """The "Employers who are hiring" list, for any page of a site.

    Its directory link goes to the current career index, else to the site's first one.
    """
    request = context["request"]
    add_dependencies(request, employer_dependencies(request))  # on a cached career page
    return {
        "employers_section": employers_section(request, context.get("career_index")),
        "request": request,
        "page": context.get("page"),
    }
