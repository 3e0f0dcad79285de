"""The employers' place in Wagtail: the snippet under the Career menu, the article sidebar
part and the ``employers/`` route of every career index."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from ..parts import ARTICLE_PARTS_HOOK, INDEX_ROUTES_HOOK
from ..wagtail_hooks import CAREER_MENU_HOOK
from . import sidebar
from .models import Employer


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


register_snippet(EmployerViewSet)
hooks.register(ARTICLE_PARTS_HOOK, lambda: sidebar.article_part)
hooks.register(INDEX_ROUTES_HOOK, sidebar.index_routes)
