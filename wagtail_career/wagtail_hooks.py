"""Admin wiring: one "Career" menu that every feature of the package adds its items to.

A feature adds a viewset to the menu by setting ``menu_hook = CAREER_MENU_HOOK``, or any
menu item by registering a function with ``@hooks.register(CAREER_MENU_HOOK)``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Author
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


subscription_admin = SubscriptionAdmin()
subscription_admin.register_with_wagtail()
hooks.register(CAREER_MENU_HOOK, subscription_admin.get_menu_item)
