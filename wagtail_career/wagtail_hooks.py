"""Admin wiring and the core's own article parts.

One "Career" menu that every feature of the package adds its items to: a feature adds a
viewset by setting ``menu_hook = CAREER_MENU_HOOK``, or any menu item by registering a
function with ``@hooks.register(CAREER_MENU_HOOK)``. The authors' cards and the contact call
to action are article parts like the features' (see ``parts.py``).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Author
from .parts import ARTICLE_PARTS_HOOK, ArticlePart

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


def _no_data(request, page):
    return {}


@hooks.register(ARTICLE_PARTS_HOOK)
def author_cards():
    return ArticlePart(
        name="authors",
        region="sidebar",
        template="wagtail_career/includes/author_boxes.html",
        order=10,
        get_context=_no_data,  # the article's context has the cards (``author_cards``)
    )


@hooks.register(ARTICLE_PARTS_HOOK)
def contact_call_to_action():
    return ArticlePart(
        name="contact_cta",
        region="sidebar",
        template="wagtail_career/includes/contact_cta_part.html",
        order=90,
        get_context=_no_data,
    )


# The outbox (every mail the package sends), read-only, under the Career menu.
from .outbox_admin import OutboxViewSet  # noqa: E402


@hooks.register("register_admin_viewset")
def register_outbox():
    return OutboxViewSet(menu_hook=CAREER_MENU_HOOK)
