"""Admin wiring: one "Career" menu that every feature of the package adds its items to.

A feature adds a viewset to the menu by setting ``menu_hook = CAREER_MENU_HOOK``, or any
menu item by registering a function with ``@hooks.register(CAREER_MENU_HOOK)``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .comments.admin import CommentAdmin, add_pending_panel
from .models import Author, Employer
from .newsletter.admin import SubscriptionAdmin

CAREER_MENU_HOOK = "register_wagtail_career_menu_item"


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Authors")
    menu_order = 100
    list_display = ["name", "role", "organisation"]
    search_fields = ["name", "role", "organisation"]
    menu_hook = CAREER_MENU_HOOK


class EmployerViewSet(SnippetViewSet):
    model = Employer
    icon = "group"
    menu_label = _("Employers")
    menu_order = 200
    list_display = ["name", "website", BooleanColumn("is_recruiting", label=_("Recruiting"))]
    list_filter = ["is_recruiting"]
    # Drag-and-drop ordering in the listing; the sidebar and directory follow this order.
    sort_order_field = "sort_order"
    menu_hook = CAREER_MENU_HOOK


class CareerMenu(ViewSetGroup):
    menu_label = _("Career")
    menu_name = "career"
    menu_icon = "doc-full-inverse"
    menu_order = 250
    submenu_hook = CAREER_MENU_HOOK


@hooks.register("register_admin_viewset")
def register_career_menu():
    return CareerMenu()


register_snippet(AuthorViewSet)
register_snippet(EmployerViewSet)


# The comment moderation queue: wagtail-modeladmin registers its URLs and its permission
# (django_comments.can_moderate), and the Career menu shows it.
comment_admin = CommentAdmin()
comment_admin.register_with_wagtail()
hooks.register(CAREER_MENU_HOOK, comment_admin.get_menu_item)
hooks.register("construct_homepage_panels", add_pending_panel(comment_admin.url_helper))


subscription_admin = SubscriptionAdmin()
subscription_admin.register_with_wagtail()
hooks.register(CAREER_MENU_HOOK, subscription_admin.get_menu_item)
