"""The "Newsletter subscribers" listing in the Career admin menu (wagtail-modeladmin)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from ..admin_lists import BadQueryIsA400Mixin, NumericInstancePkMixin
from .models import Subscription

# A cell starting with one of these runs as a formula in spreadsheet software.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Prefix a would-be formula with an apostrophe so it is shown as text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SubscriptionIndexView(BadQueryIsA400Mixin, IndexView):
    def preprocess_field_value(self, field, value, export_format):
        if field == "sections":
            # The chosen sections' names, as one cell (a spreadsheet cell holds no list).
            value = ", ".join(value)
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))


class SubscriptionPermissionHelper(PermissionHelper):
    """Subscribers are only created by their own consent, and their record is evidence:
    editors may look, export and delete, never add; editing changes only the language the
    digest is written in (the edit form has no other field)."""

    def user_can_create(self, user):
        return False


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
    permission_helper_class = SubscriptionPermissionHelper
    inspect_view_enabled = True
    list_display = ("email", "status", "language", "consent_given_at", "confirmed_at")
    list_filter = ("status", "language", "consent_given_at", "site")
    search_fields = ("email",)
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
    )
    list_export = inspect_view_fields
    # The digest mails each subscriber the articles of their language, in it.
    edit_handler = ObjectList([FieldPanel("language")], base_form_class=SubscriptionLanguageForm)
    export_filename = "newsletter-subscribers"
