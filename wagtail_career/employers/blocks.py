"""The employers' StreamField block: a site adds it to a body of its own."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .extensions import annotate_employers
from .models import (
    SIDEBAR_LOGO_RENDITION,
    Employer,
    EmployerSettings,
    localized_chosen_employers,
    recruiting_employers,
)


class EmployersBlock(blocks.StructBlock):
    """Employers who are hiring: all of them, or a chosen few in the chosen order.

    A chosen employer who stops recruiting drops out, as everywhere else on the site.
    """

    heading = blocks.CharBlock(
        label=_("List heading"),
        required=False,
        help_text=_("Leave empty to use the heading from the Career settings."),
    )
    employers = blocks.ListBlock(
        SnippetChooserBlock(Employer),
        label=_("Employers"),
        min_num=0,
        help_text=_("Leave empty to list every employer who is hiring, in the editors' order."),
    )

    class Meta:
        icon = "group"
        label = _("Employers who are hiring")
        template = "wagtail_career/blocks/employers.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Chosen employers are already loaded with the StreamField; deleted ones are None.
        # In a translated page they are shown in the page's language when translated.
        if value["employers"]:
            employers = localized_chosen_employers(value["employers"], SIDEBAR_LOGO_RENDITION)
        else:
            employers = recruiting_employers(SIDEBAR_LOGO_RENDITION)
        request = (parent_context or {}).get("request")
        context["employers"] = annotate_employers(employers, request) if request else employers
        context["heading"] = value["heading"] or self.default_heading(parent_context)
        return context

    def default_heading(self, parent_context):
        request = (parent_context or {}).get("request")
        if request is None:
            return _("Employers who are hiring")
        return EmployerSettings.for_request(request).employers_heading_text
