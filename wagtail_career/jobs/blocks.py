"""The job offers' StreamField block: a site adds it to a body of its own."""

from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from ..cache import add_dependencies
from ..employers.models import Employer
from ..languages import content_language, i18n_enabled
from .models import JobSettings
from .sidebar import newest_offers, section_dependencies, site_offers

MAX_OFFERS = 12


def tag_names(text):
    """The tag names of a comma-separated list, without blanks or repeats."""
    names = []
    for name in (text or "").split(","):
        name = name.strip()
        if name and name.lower() not in {known.lower() for known in names}:
            names.append(name)
    return names


def matching(offers, employers, tags):
    """``offers`` of one of ``employers`` (when any is given) and with one of ``tags`` (when
    any is given). With WAGTAIL_I18N_ENABLED an employer is matched in every language."""
    if employers:
        if i18n_enabled():
            keys = {employer.translation_key for employer in employers}
            offers = offers.filter(employer__translation_key__in=keys)
        else:
            offers = offers.filter(employer__in=employers)
    if tags:
        condition = Q()
        for name in tags:
            condition |= Q(tagged_items__tag__name__iexact=name)
        # A subquery, so that an offer with two of the tags is listed once.
        offers = offers.filter(pk__in=offers.model.objects.filter(condition).values("pk"))
    return offers


class LatestJobOffersBlock(blocks.StructBlock):
    """The newest open offers of the site in the page's language: all of them, or those of
    chosen employers and/or with chosen tags."""

    heading = blocks.CharBlock(
        label=_("List heading"),
        required=False,
        help_text=_("Leave empty to use the heading from the job offers settings."),
    )
    count = blocks.IntegerBlock(
        label=_("Number of offers"), default=3, min_value=1, max_value=MAX_OFFERS
    )
    employers = blocks.ListBlock(
        SnippetChooserBlock(Employer),
        label=_("Employers"),
        min_num=0,
        help_text=_("Leave empty to list every employer's offers."),
    )
    tags = blocks.CharBlock(
        label=_("Tags"),
        required=False,
        help_text=_(
            "Tag names separated by commas: only offers with one of them are listed. Leave "
            "empty to list offers with any tag."
        ),
    )

    class Meta:
        icon = "tasks"
        label = _("Latest job offers")
        template = "wagtail_career/blocks/latest_job_offers.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        parent_context = parent_context or {}
        request = parent_context.get("request")
        language = content_language(parent_context.get("page"))
        # Stored data (an import, the API) can skip the form's bounds: they hold here too.
        count = min(max(value["count"] or 1, 1), MAX_OFFERS)
        chosen = list(value["employers"])
        # Chosen employers deleted since (None) are left out; if all were, nothing is shown.
        employers = [employer for employer in chosen if employer is not None]
        tags = tag_names(value["tags"])
        dependencies = section_dependencies(request)
        add_dependencies(request, dependencies)  # on a cached career page

        def offers():
            if chosen and not employers:
                return []
            querysets = [matching(qs, employers, tags) for qs in site_offers(request, language)]
            return newest_offers(querysets, count)

        context.update(
            {
                "heading": value["heading"] or self.default_heading(request),
                # Read only when the cached list is rebuilt.
                "offers": SimpleLazyObject(offers),
                "dependencies": dependencies,
                # What tells two blocks of the same page apart in the fragment cache.
                "cache_vary": [
                    value["heading"],
                    count,
                    sorted(employer.pk for employer in employers),
                    tags,
                ],
            }
        )
        return context

    def default_heading(self, request):
        if request is None:
            return _("Latest job offers")
        return SimpleLazyObject(
            lambda: str(JobSettings.for_request(request).latest_offers_heading_text)
        )
