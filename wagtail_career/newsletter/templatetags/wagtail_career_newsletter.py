from django import template

from ..forms import form_context

register = template.Library()


@register.inclusion_tag("wagtail_career/includes/newsletter_form.html", takes_context=True)
def newsletter_form(context, heading="", text="", button_label=""):
    """The newsletter signup box; empty texts use the site's newsletter settings."""
    return form_context(context["request"], heading=heading, text=text, button_label=button_label)
