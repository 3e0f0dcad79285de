"""The "Newsletter subscribers" listing in the Career admin menu (wagtail-modeladmin).

Deleting a subscriber erases them instead (``privacy.erase``: their address, IP and consent
page are anonymised, the dated consent history and a suppression are kept), and "Export
data" downloads, as JSON, everything the package holds about one address (its
subscriptions, consent records and, through ``parts.PERSONAL_DATA_HOOK``, its comments).
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin import AllValuesFieldListFilter
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import DeleteView, IndexView, InspectView

from ..admin_lists import BadQueryIsA400Mixin, CountOnceMixin, NumericInstancePkMixin
from ..exports import StreamingExportMixin
from ..inputs import parse_int
from ..privacy import personal_data_json
from .models import Subscription
from .privacy import erase_subscription


class SubscriptionIndexView(BadQueryIsA400Mixin, CountOnceMixin, StreamingExportMixin, IndexView):
    """The list (counted once, ``admin_lists.CountOnceMixin``) and its exports
    (``exports.StreamingExportMixin``)."""


class LanguageListFilter(AllValuesFieldListFilter):
    """The language filter offers the site's ``LANGUAGES`` (the only codes the signup form
    stores): Django's filter would read the distinct values of every subscriber's row on
    each view of the list."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.lookup_choices = [code for code, _name in settings.LANGUAGES]


class SubscriptionPermissionHelper(PermissionHelper):
    """Subscribers are only created by their own consent, and their record is evidence:
    editors may look, export and erase (the delete permission), never add; editing changes
    only the language the digest is written in (the edit form has no other field)."""

    def user_can_create(self, user):
        return False

    def user_can_delete_obj(self, user, obj):
        return obj.erased_at is None and super().user_can_delete_obj(user, obj)

    def user_can_edit_obj(self, user, obj):
        return obj.erased_at is None and super().user_can_edit_obj(user, obj)

    def user_can_export_personal_data(self, user):
        return self.user_can_list(user)


class SubscriptionButtonHelper(ButtonHelper):
    """The "Delete" button is "Erase"; each subscriber also has "Export data"."""

    def delete_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().delete_button(pk, classnames_add, classnames_exclude)
        button.update(label=_("Erase"), title=_("Erase this subscriber's personal data"))
        return button

    def export_button(self, pk):
        return {
            "url": f"{self.url_helper.get_action_url('personal_data')}?subscription={pk}",
            "label": _("Export data"),
            "classname": self.finalise_classname(["button-secondary"]),
            "title": _("Export everything held about this address (JSON)"),
        }

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        exclude = exclude or []
        if (
            "export" not in exclude
            and obj.erased_at is None
            and self.permission_helper.user_can_export_personal_data(self.request.user)
        ):
            buttons.append(self.export_button(obj.pk))
        return buttons


class SubscriptionInspectView(InspectView):
    """The subscriber's fields, then their consent history (ConsentRecord)."""

    def get_context_data(self, **kwargs):
        records = self.instance.consent_records.order_by("created_at", "pk")
        return super().get_context_data(consent_records=records, **kwargs)


class SubscriptionEraseView(DeleteView):
    """The delete view, erasing instead (nothing of the proof of consent is lost)."""

    page_title = _("Erase")

    def get_meta_title(self):
        return _("Erase the data of this %(object)s") % {"object": self.verbose_name}

    def confirmation_message(self):
        return _(
            "Erase this person's data? Their address, IP address and consent page are "
            "anonymised on every site (their subscriptions to other sites too). What stays: "
            "the dated consent history, without page or IP address, and a keyed hash of the "
            "address so that the newsletter never mails it again unless it signs up and "
            "confirms anew."
        )

    def post(self, request, *args, **kwargs):
        count = erase_subscription(self.instance)
        messages.success(
            request,
            ngettext(
                "The subscriber's data is erased (%(count)d subscription).",
                "The subscriber's data is erased (%(count)d subscriptions).",
                count,
            )
            % {"count": count},
        )
        return redirect(self.index_url)


class PersonalDataForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={"invalid": _("Enter a valid email address, like name@example.com.")},
    )


@require_http_methods(["GET", "POST"])
def personal_data_view(request, model_admin):
    """GET: the form (``?subscription=<id>`` fills in that subscriber's address); POST: the
    JSON download of everything held about the address typed (empty lists for an address
    the package does not know)."""
    if not model_admin.permission_helper.user_can_export_personal_data(request.user):
        raise PermissionDenied
    status = 200
    if request.method == "POST":
        form = PersonalDataForm(request.POST)
        if form.is_valid():
            response = HttpResponse(
                personal_data_json(form.cleaned_data["email"]),
                content_type="application/json; charset=utf-8",
            )
            filename = f"personal-data-{timezone.localdate():%Y-%m-%d}.json"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            response["Cache-Control"] = "no-store"
            return response
        status = 400
    else:
        pk = parse_int(request.GET.get("subscription", ""), minimum=1)
        subscription = (
            Subscription.objects.filter(pk=pk, erased_at__isnull=True).first() if pk else None
        )
        form = PersonalDataForm(initial={"email": subscription.email} if subscription else None)
    return TemplateResponse(
        request,
        "wagtail_career/newsletter/admin/personal_data.html",
        {
            "title": _("Export one person's data"),
            "form": form,
            "index_url": model_admin.url_helper.index_url,
        },
        status=status,
    )


def _language_choices():
    return list(settings.LANGUAGES)


class SubscriptionLanguageForm(WagtailAdminModelForm):
    """The subscriber's language, one of the site's ``LANGUAGES`` (read when shown)."""

    language = forms.ChoiceField(label=_("language"), choices=_language_choices)


class SubscriptionAdmin(NumericInstancePkMixin, ModelAdmin):
    model = Subscription
    menu_label = _("Newsletter subscribers")
    menu_icon = "mail"
    menu_order = 300
    add_to_admin_menu = False
    index_view_class = SubscriptionIndexView
    inspect_view_class = SubscriptionInspectView
    delete_view_class = SubscriptionEraseView
    permission_helper_class = SubscriptionPermissionHelper
    button_helper_class = SubscriptionButtonHelper
    index_template_name = "wagtail_career/newsletter/admin/index.html"
    inspect_template_name = "wagtail_career/newsletter/admin/inspect.html"
    delete_template_name = "wagtail_career/newsletter/admin/erase.html"
    inspect_view_enabled = True
    list_display = ("email", "status", "language", "consent_given_at", "confirmed_at")
    list_filter = ("status", ("language", LanguageListFilter), "consent_given_at", "site")
    search_fields = ("email",)
    # Wagtail's own admin lists show 20 rows a page; each row of this one renders four
    # buttons, and 100 rows (wagtail-modeladmin's default) took most of the page's time.
    list_per_page = 20
    inspect_view_fields = (
        "email",
        "site",
        "status",
        "language",
        "consent_text",
        "sections",
        "consent_given_at",
        "consent_url",
        "ip_address",
        "confirmed_at",
        "unsubscribed_at",
        "erased_at",
    )
    list_export = inspect_view_fields
    # The digest mails each subscriber the articles of their language, in it.
    edit_handler = ObjectList([FieldPanel("language")], base_form_class=SubscriptionLanguageForm)
    export_filename = "newsletter-subscribers"

    @property
    def personal_data_url_name(self):
        return self.url_helper.get_action_url_name("personal_data")

    def get_admin_urls_for_registration(self):
        return super().get_admin_urls_for_registration() + (
            path(
                f"{self.url_helper.base_url_path}/personal-data/",
                self.personal_data_view,
                name=self.personal_data_url_name,
            ),
        )

    def personal_data_view(self, request):
        return personal_data_view(request, self)
