"""The job offers in the admin: their listing under the Career menu and the dashboard's
offers closing soon.

Both go through Wagtail's page permissions: the listing (Wagtail's ``PageListingViewSet``)
shows only the offers an editor may explore, and the panel only those they may edit.
"""

from datetime import timedelta

from django.apps import apps
from django.forms import CheckboxSelectMultiple, RadioSelect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_filters import ChoiceFilter, DateFromToRangeFilter, ModelMultipleChoiceFilter
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..admin_lists import BadQueryIsA400Mixin
from ..employers.models import Employer
from ..wagtail_hooks import CAREER_MENU_HOOK
from .models import listing_offer_models, open_condition

# The ready-made offer model (app label, model name), listed when its app is installed.
READY_MADE_OFFER = ("wagtail_career_job_pages", "JobOfferPage")
EMPLOYER_ORDERING = "employer__name"
CLOSING_SOON_DAYS = 7
CLOSING_SOON_LIMIT = 10


def admin_offer_model():
    """The offer model the admin lists: the ready-made one, else the site's first."""
    try:
        return apps.get_model(*READY_MADE_OFFER)
    except LookupError:
        models = listing_offer_models()
        return models[0] if models else None


class OfferStatusFilter(ChoiceFilter):
    """Open (no closing date, or a future one) or closed."""

    def filter(self, qs, value):
        if value == "open":
            return qs.filter(open_condition())
        if value == "closed":
            return qs.filter(valid_through__lte=timezone.now())
        return qs


class JobOfferFilterSet(PageFilterSet):
    employer = ModelMultipleChoiceFilter(
        label=_("Employer"),
        queryset=Employer.objects.all(),
        widget=CheckboxSelectMultiple,
        distinct=False,  # one employer per offer: no duplicate rows to remove
    )
    status = OfferStatusFilter(
        label=_("Open or closed"),
        empty_label=_("Any"),
        choices=[("open", _("Open")), ("closed", _("Closed"))],
        widget=RadioSelect,
    )
    valid_through = DateFromToRangeFilter(label=_("Closing date"), widget=DateRangePickerWidget)

    class Meta(PageFilterSet.Meta):
        pass


class OfferStatusColumn(BaseColumn):
    """Wagtail's live/draft status, and "Closed" once the closing date has passed."""

    cell_template_name = "wagtail_career/admin/offer_status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["page"] = instance
        context["closed"] = instance.is_closed()
        return context


class JobOfferIndexView(BadQueryIsA400Mixin, IndexView):
    """Wagtail's page listing; a filter value the database cannot take (a date past year
    9999 in its time zone, an id beyond 64 bits) gives the core's 400 page, not a 500."""

    def get_valid_orderings(self):
        orderings = super().get_valid_orderings()
        if self.is_searching:
            # A search backend sorts only by indexed fields: not by the employer's name.
            orderings = [name for name in orderings if name.lstrip("-") != EMPLOYER_ORDERING]
        return orderings

    def get_base_queryset(self):
        # The employer column without a query per row (the listing fetches specific pages).
        return super().get_base_queryset().select_related("employer", for_specific_subqueries=True)


class JobOfferListingViewSet(PageListingViewSet):
    icon = "tasks"
    menu_label = _("Job offers")
    menu_order = 300
    menu_hook = CAREER_MENU_HOOK
    index_view_class = JobOfferIndexView
    filterset_class = JobOfferFilterSet
    columns = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
        Column("employer", label=_("Employer"), sort_key=EMPLOYER_ORDERING),
        OfferStatusColumn("status", label=_("Status"), sort_key="live", width="16%"),
        DateColumn("valid_through", label=_("Closing date"), sort_key="valid_through"),
    ]


def job_offers_viewset():
    """The ``register_admin_viewset`` hook: the listing, once the models are loaded."""
    model = admin_offer_model()
    if model is None:
        return []
    return JobOfferListingViewSet("career_job_offers", model=model)


def offers_closing_soon(user, now=None):
    """The live offers ``user`` may edit that close within ``CLOSING_SOON_DAYS`` days,
    soonest first, at most ``CLOSING_SOON_LIMIT``."""
    now = now or timezone.now()
    until = now + timedelta(days=CLOSING_SOON_DAYS)
    found = []
    for model in listing_offer_models():
        editable = PagePermissionPolicy(model).instances_user_has_permission_for(user, "change")
        found.extend(
            editable.live()
            .filter(valid_through__gt=now, valid_through__lte=until)
            .select_related("employer")
            .order_by("valid_through", "pk")[:CLOSING_SOON_LIMIT]
        )
    found.sort(key=lambda offer: (offer.valid_through, offer.pk))
    return found[:CLOSING_SOON_LIMIT]


class ClosingSoonPanel(Component):
    """The dashboard's offers closing soon, each linked to its edit view."""

    name = "career_job_offers_closing"
    template_name = "wagtail_career/admin/offers_closing_panel.html"
    order = 160

    def __init__(self, offers):
        self.offers = offers

    def get_context_data(self, parent_context):
        heading = ngettext(
            "Job offers closing within %(days)d day",
            "Job offers closing within %(days)d days",
            CLOSING_SOON_DAYS,
        ) % {"days": CLOSING_SOON_DAYS}
        return {"offers": self.offers, "heading": heading}


def construct_homepage_panels(request, panels):
    """Shown to editors who can edit pages, when one of their offers closes soon."""
    if not PagePermissionPolicy().user_has_permission(request.user, "change"):
        return
    offers = offers_closing_soon(request.user)
    if offers:
        panels.append(ClosingSoonPanel(offers))
