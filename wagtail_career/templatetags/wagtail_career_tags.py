from django import template

from ..newsletter.forms import form_context

register = template.Library()


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


@register.inclusion_tag("wagtail_career/includes/newsletter_form.html", takes_context=True)
def newsletter_form(context, heading="", text="", button_label=""):
    """The newsletter signup box; empty texts use the site's Career settings."""
    return form_context(
        context["request"], heading=heading, text=text, button_label=button_label
    )
