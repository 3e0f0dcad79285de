from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, language_code):
    """The current page's URL in another language (i18n_patterns prefixes)."""
    return translate_url(context["request"].get_full_path(), language_code)
