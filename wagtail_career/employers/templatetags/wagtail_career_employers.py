from django import template

from ..sidebar import employers_section

register = template.Library()


@register.inclusion_tag("wagtail_career/includes/employers.html", takes_context=True)
def employers_who_recruit(context):
    """The "Employers who are hiring" list, for any page of a site.

    Its directory link goes to the current career index, else to the site's first one.
    """
    return {
        "employers_section": employers_section(context["request"], context.get("career_index")),
        "request": context["request"],
        "page": context.get("page"),
    }
