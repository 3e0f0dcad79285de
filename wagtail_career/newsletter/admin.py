"""The "Newsletter subscribers" listing in the Career admin menu (wagtail-modeladmin)."""

from django.utils.translation import gettext_lazy as _
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
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))


class SubscriptionPermissionHelper(PermissionHelper):
    """Subscribers are only created by their own consent, and their record is evidence:
    editors may look, export and delete, never add or edit."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


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
        "consent_given_at",
        "consent_url",
        "ip_address",
        "confirmed_at",
        "unsubscribed_at",
    )
    list_export = inspect_view_fields
    export_filename = "newsletter-subscribers"
