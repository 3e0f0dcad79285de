"""The employers' StreamField block: a site adds it to a body of its own."""

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .models import (
    SIDEBAR_LOGO_RENDITION,
    Employer,
    EmployerSettings,
    attach_logo_renditions,
    logo_prefetch,
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
        employers = [
            employer for employer in value["employers"] if employer and employer.is_recruiting
        ]
        if employers:
            prefetch_related_objects(employers, logo_prefetch(SIDEBAR_LOGO_RENDITION))
        elif not value["employers"]:
            employers = Employer.objects.recruiting().with_logos(SIDEBAR_LOGO_RENDITION)
        context["employers"] = attach_logo_renditions(employers, SIDEBAR_LOGO_RENDITION)
        context["heading"] = value["heading"] or self.default_heading(parent_context)
        return context

    def default_heading(self, parent_context):
        request = (parent_context or {}).get("request")
        if request is None:
            return _("Employers who are hiring")
        return EmployerSettings.for_request(request).employers_heading_text
