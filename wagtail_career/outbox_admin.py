"""The outbox in the Wagtail admin (Career › Outgoing mail): read-only, with a "Retry now"
button for pending and failed mail.

Listing and inspecting need ``wagtail_career.view_outgoingmail``; retrying needs
``wagtail_career.change_outgoingmail``. Nobody adds, edits or deletes a row here. The list's
filters (status, kind, creation date), search (subject, recipients) and ordering refuse
nothing with a 500: a value they cannot use is ignored or answered with a 400 page.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import outbox
from .admin_lists import BadQueryIsA400Mixin
from .models import OutgoingMail

RETRY_PERMISSION = "wagtail_career.change_outgoingmail"
ERROR_PREVIEW = 80


class OutboxPermissionPolicy(ModelPermissionPolicy):
    """View only: the rows are written by the package and changed by delivery."""

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(OutgoingMail, OutboxPermissionPolicy(OutgoingMail))


def kind_choices():
    kinds = OutgoingMail.objects.order_by("kind").values_list("kind", flat=True).distinct()
    return [(kind, kind) for kind in kinds]


class OutboxFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("status"), choices=OutgoingMail.Status.choices)
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=kind_choices)
    created_at = django_filters.DateFromToRangeFilter(
        label=_("created at"), widget=DateRangePickerWidget
    )

    class Meta:
        model = OutgoingMail
        fields = []


def _short_error(mail):
    error = mail.last_error
    return error if len(error) <= ERROR_PREVIEW else error[: ERROR_PREVIEW - 1] + "…"


class RetryColumn(Column):
    cell_template_name = "wagtail_career/admin/outbox_retry_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["can_retry"] = request is not None and request.user.has_perm(RETRY_PERMISSION)
        context["csrf_token"] = get_token(request) if request is not None else ""
        context["retry_url"] = reverse("wagtail_career_outbox:retry", args=[instance.pk])
        return context


class OutboxIndexView(BadQueryIsA400Mixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().defer("text", "html", "substitutions")


class OutboxInspectView(generic.InspectView):
    pass


@require_POST
def retry_view(request, pk):
    if not request.user.has_perm(RETRY_PERMISSION):
        raise PermissionDenied
    mail = get_object_or_404(OutgoingMail, pk=pk)
    if outbox.retry([mail]):
        messages.success(request, _("The mail will be sent again now."))
    else:
        messages.info(request, _("This mail was already sent."))
    return redirect("wagtail_career_outbox:index")


class OutboxViewSet(ModelViewSet):
    model = OutgoingMail
    name = "wagtail_career_outbox"
    url_prefix = "career/outbox"
    icon = "mail"
    menu_label = _("Outgoing mail")
    menu_order = 900
    add_to_admin_menu = False
    index_view_class = OutboxIndexView
    inspect_view_class = OutboxInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    filterset_class = OutboxFilterSet
    search_fields = ["subject", "to"]
    list_per_page = 50
    list_display = [
        TitleColumn("recipients", label=_("recipients"), accessor="recipients"),
        Column("kind", label=_("kind"), sort_key="kind"),
        Column("status", label=_("status"), accessor="get_status_display", sort_key="status"),
        Column("attempts", label=_("attempts"), sort_key="attempts"),
        Column("last_error", label=_("last error"), accessor=_short_error),
        DateColumn("created_at", label=_("created at"), sort_key="created_at"),
        DateColumn("next_attempt_at", label=_("next attempt at"), sort_key="next_attempt_at"),
        DateColumn("sent_at", label=_("sent at"), sort_key="sent_at"),
        RetryColumn("retry", label=_("Retry")),
    ]
    inspect_view_fields = [
        "kind",
        "to",
        "from_email",
        "subject",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "key",
        "group",
        "text",
    ]

    def get_urlpatterns(self):
        # No add, edit, delete, copy, history or usage views: the rows are the package's.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("retry/<int:pk>/", retry_view, name="retry"),
        ]
