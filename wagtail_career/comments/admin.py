"""The moderation queue in the Wagtail admin ("Career" › "Comments") and its dashboard panel.

Approve, remove and restore are POSTs (one comment or the selected ones) to one view that
requires ``django_comments.can_moderate``; each action goes through django_comments'
``perform_approve`` / ``perform_delete``, which record a ``CommentFlag`` per moderator
action (``MODERATOR_APPROVAL`` / ``MODERATOR_DELETION``), as django_comments' own views do.
"""

from django.conf import settings
from django.contrib import admin as django_admin
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.template.defaultfilters import truncatechars
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_comments.models import CommentFlag
from django_comments.views.moderation import perform_approve, perform_delete
from django_comments_xtd.models import XtdComment
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from ..admin_lists import BadQueryIsA400Mixin, NumericInstancePkMixin
from ..inputs import local_path, parse_int, parse_ints
from ..models import ArticlePageMixin, page_model
from .queries import all_article_comments, article_comment_rows
from .tasks import enqueue_on_commit, notify_followers

MODERATE_PERMISSION = "django_comments.can_moderate"
BULK_FORM_ID = "career-comments-moderation"
MODERATOR_FLAGS = (CommentFlag.MODERATOR_APPROVAL, CommentFlag.MODERATOR_DELETION)


class ModerationListQuerySet(QuerySet):
    """The moderation list's comments: counted once and, when they are at most ``KEYED``,
    counted by fetching their keys in the list's order, which then give the page too.

    modeladmin counts the filtered list for its "n out of m" and again for its paginator,
    then reads the page along the ``submit_date`` index: for a search or the reported
    filter, whose few rows lie anywhere, that walk visits every comment. One scan for the
    keys replaces the counts and the walk (PostgreSQL, 100,000 comments: a search 244 →
    136 ms, the reported filter 116 → 52 ms).
    """

    KEYED = 10_000
    _count = None  # a clone (any further filter) counts afresh
    _keys = None

    def count(self):
        if self._count is None:
            keys = list(self.prefetch_related(None).values_list("pk", flat=True)[: self.KEYED + 1])
            if len(keys) <= self.KEYED:
                self._keys = keys
            self._count = len(keys) if self._keys is not None else super().count()
        return self._count

    def __getitem__(self, k):
        if isinstance(k, slice) and self._keys is not None:
            # The paginator's page: its rows by key, in the list's order, with prefetches.
            return self.filter(pk__in=self._keys[k])
        return super().__getitem__(k)


def moderation_queryset():
    """Article comments (django_comments' rows, see ``article_comment_rows``), each with its
    reports (``reports``), fetched in one query for the listed rows only.

    No aggregate over the flags: the list's counts stay a plain ``COUNT(*)`` of one table and
    its page a ``LIMIT`` along the ``submit_date`` index, whatever the number of comments.
    """
    rows = article_comment_rows()
    return ModerationListQuerySet(rows.model, query=rows.query).prefetch_related(
        Prefetch(
            "flags",
            queryset=CommentFlag.objects.filter(flag=CommentFlag.SUGGEST_REMOVAL).only(
                "pk", "comment_id"
            ),
            to_attr="reports",
        )
    )


def unreviewed_reports():
    """Reported comments still shown, with no moderator decision since their last report:
    a report that no decision (approval, removal) dated on or after it answers."""
    decided_since = CommentFlag.objects.filter(
        comment=OuterRef("comment"),
        flag__in=MODERATOR_FLAGS,
        flag_date__gte=OuterRef("flag_date"),
    )
    open_reports = CommentFlag.objects.filter(
        comment=OuterRef("pk"), flag=CommentFlag.SUGGEST_REMOVAL
    ).filter(~Exists(decided_since))
    return Q(is_removed=False) & Exists(open_reports)


def pending_count():
    """The dashboard's count: one table, no join. Neither django_comments nor xtd indexes
    ``is_public``, so PostgreSQL scans django_comments once (~20 ms at 100,000 comments)."""
    return article_comment_rows().filter(is_public=False, is_removed=False).count()


class StatusFilter(django_admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("pending", _("Pending")),
            ("published", _("Published")),
            ("removed", _("Removed")),
            ("flagged", _("Reported")),
        ]

    def queryset(self, request, queryset):
        return {
            "pending": lambda: queryset.filter(is_public=False, is_removed=False),
            "published": lambda: queryset.filter(is_public=True, is_removed=False),
            "removed": lambda: queryset.filter(is_removed=True),
            "flagged": lambda: queryset.filter(unreviewed_reports()),
        }.get(self.value(), lambda: queryset)()


class ArticleFilter(django_admin.SimpleListFilter):
    """By article, found by a part of its title (a plain GET form, no script needed).

    It lists the selected article and at most ``MATCHES`` articles whose title contains the
    words typed, never every commented article: with thousands of articles that list alone
    was most of the page.
    """

    title = _("article")
    parameter_name = "article"
    search_parameter = "article_title"
    template = "wagtail_career/comments/admin/article_filter.html"
    MATCHES = 20
    MAX_SEARCH = 100

    def __init__(self, request, params, model, model_admin):
        # Taken before the list reads the parameters left over as field lookups; without
        # control characters (PostgreSQL refuses a NUL in a query).
        typed = params.pop(self.search_parameter, [""])[-1][: self.MAX_SEARCH]
        self.search = "".join(char for char in typed if char.isprintable()).strip()
        super().__init__(request, params, model, model_admin)

    def has_output(self):
        return True  # the search field, even before an article is chosen

    def expected_parameters(self):
        return [self.parameter_name, self.search_parameter]

    def selected_pk(self):
        return parse_int(self.value(), minimum=1)

    def lookups(self, request, model_admin):
        articles = page_model().objects.type(ArticlePageMixin)
        choices = []
        if self.selected_pk() is not None:
            choices = list(articles.filter(pk=self.selected_pk()).values_list("pk", "title"))
        self.unknown = bool(self.value()) and not choices
        self.matches, self.more = [], False
        if self.search:
            found = articles.filter(title__icontains=self.search).exclude(
                pk__in=[pk for pk, _title in choices]
            )
            self.matches = list(
                found.order_by("title", "pk").values_list("pk", "title")[: self.MATCHES + 1]
            )
            self.more = len(self.matches) > self.MATCHES
            del self.matches[self.MATCHES :]
        return choices + self.matches

    def kept_parameters(self):
        """The list's other parameters, for the search form's hidden fields."""
        dropped = {self.parameter_name, self.search_parameter, IndexView.PAGE_VAR}
        return [
            (key, value)
            for key, values in self.request.GET.lists()
            if key not in dropped
            for value in values
        ]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        pk = self.selected_pk()
        # A value that is no page id (``abc``, ``²``, 30 digits) lists nothing.
        return queryset.filter(object_pk=str(pk)) if pk is not None else queryset.none()


class ModeratorPermissionHelper(PermissionHelper):
    """Moderators list and moderate; nobody creates or edits a comment in the admin."""

    def user_can_list(self, user):
        return user.has_perm(MODERATE_PERMISSION)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class ModeratorButtonHelper(ButtonHelper):
    """No inspect, edit or delete buttons (see ``ModeratorPermissionHelper``): the rows are
    django_comments' (``moderation_queryset``), which have no ``comment_ptr_id`` to link."""

    def get_buttons_for_obj(self, obj, **kwargs):
        return []

    def get_primary_button(self, obj):
        return None


def status_of(comment):
    if comment.is_removed:
        return _("Removed")
    if not comment.is_public:
        return _("Pending")
    return _("Published")


class CommentIndexView(BadQueryIsA400Mixin, IndexView):
    def get_queryset(self, request=None):
        """Built once per request: modeladmin builds the list in ``dispatch`` and again for
        its context, running the filters' lookups (the article filter's queries) twice."""
        if not hasattr(self, "_moderation_list"):
            self._moderation_list = super().get_queryset(request)
        return self._moderation_list


class CommentAdmin(NumericInstancePkMixin, ModelAdmin):
    model = XtdComment
    index_view_class = CommentIndexView
    menu_label = _("Comments")
    menu_icon = "comment"
    menu_order = 200
    add_to_admin_menu = False
    permission_helper_class = ModeratorPermissionHelper
    button_helper_class = ModeratorButtonHelper
    index_template_name = "wagtail_career/comments/admin/index.html"
    list_display = (
        "select",
        "excerpt",
        "author",
        "article",
        "submit_date",
        "status",
        "reports",
        "actions",
    )
    list_display_add_buttons = "excerpt"
    list_filter = (StatusFilter, ArticleFilter)
    search_fields = ("comment", "user_name", "user_email")
    # "-pk" named here: modeladmin would add XtdComment's "-comment_ptr", which the list's
    # django_comments rows (``moderation_queryset``) do not have.
    ordering = ("-submit_date", "-pk")
    list_per_page = 50

    def get_list_display(self, request):
        """With WAGTAIL_I18N_ENABLED, each comment's language (its article's locale)."""
        if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return self.list_display
        at = self.list_display.index("article") + 1
        return (*self.list_display[:at], "language", *self.list_display[at:])

    def get_queryset(self, request):
        queryset = moderation_queryset().prefetch_related("content_object")
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            # One query for every row's locale, not one per row.
            queryset = queryset.prefetch_related("content_object__locale")
        return queryset

    def get_permissions_for_registration(self):
        return Permission.objects.filter(
            content_type__app_label="django_comments", codename="can_moderate"
        )

    def register_indexing(self):
        """Comments are not content: keep them out of Wagtail's reference index."""

    @django_admin.display(description=format_html('<span class="w-sr-only">{}</span>', _("Select")))
    def select(self, obj):
        return format_html(
            '<input type="checkbox" name="ids" value="{}" form="{}" aria-label="{}">',
            obj.pk,
            BULK_FORM_ID,
            _("Select the comment by %(name)s") % {"name": obj.user_name},
        )

    @django_admin.display(description=_("comment"))
    def excerpt(self, obj):
        return truncatechars(obj.comment, 120)

    @django_admin.display(description=_("author"))
    def author(self, obj):
        return format_html("{}<br><small>{}</small>", obj.user_name, obj.user_email)

    @django_admin.display(description=_("article"))
    def article(self, obj):
        page = obj.content_object
        if page is None:
            return "—"
        return format_html('<a href="{}#c{}">{}</a>', page.url or "", obj.pk, page.title)

    @django_admin.display(description=_("language"))
    def language(self, obj):
        page = obj.content_object
        locale = getattr(page, "locale", None) if page is not None else None
        return locale.get_display_name() if locale is not None else "—"

    @django_admin.display(description=_("status"))
    def status(self, obj):
        return status_of(obj)

    @django_admin.display(description=_("reports"))
    def reports(self, obj):
        return len(obj.reports)

    @django_admin.display(description=_("actions"))
    def actions(self, obj):
        choices = []
        if not obj.is_public and not obj.is_removed:
            choices.append(("approve", _("Approve")))
        if not obj.is_removed:
            choices.append(("remove", _("Remove")))
        else:
            choices.append(("restore", _("Restore")))
        return format_html_join(
            " ",
            '<button type="submit" class="button button-small button-secondary" form="{}" '
            'name="single" value="{}:{}">{}</button>',
            ((BULK_FORM_ID, action, obj.pk, label) for action, label in choices),
        )

    @property
    def moderate_url_name(self):
        return self.url_helper.get_action_url_name("moderate")

    def get_admin_urls_for_registration(self):
        return super().get_admin_urls_for_registration() + (
            path(
                f"{self.url_helper.base_url_path}/moderate/",
                self.moderate_view,
                name=self.moderate_url_name,
            ),
        )

    def moderate_view(self, request):
        return moderate(request, self.url_helper.index_url)


def _approve(request, comment):
    was_public = comment.is_public and not comment.is_removed
    perform_approve(request, comment)
    # get_or_create keeps an earlier approval's date; a new decision gets today's.
    CommentFlag.objects.filter(
        comment=comment, user=request.user, flag=CommentFlag.MODERATOR_APPROVAL
    ).update(flag_date=timezone.now())
    if not was_public:
        enqueue_on_commit(notify_followers, comment.pk)


def _remove(request, comment):
    perform_delete(request, comment)
    CommentFlag.objects.filter(
        comment=comment, user=request.user, flag=CommentFlag.MODERATOR_DELETION
    ).update(flag_date=timezone.now())


ACTIONS = {"approve": _approve, "restore": _approve, "remove": _remove}
DONE = {
    "approve": lambda n: ngettext("%(n)d comment approved.", "%(n)d comments approved.", n),
    "restore": lambda n: ngettext("%(n)d comment restored.", "%(n)d comments restored.", n),
    "remove": lambda n: ngettext("%(n)d comment removed.", "%(n)d comments removed.", n),
}


@require_POST
def moderate(request, index_url):
    """Apply one action to one comment (``single=action:id``) or to the ``ids`` selected."""
    if not request.user.has_perm(MODERATE_PERMISSION):
        # A plain 403: Wagtail would turn PermissionDenied into a redirect to the dashboard.
        return HttpResponseForbidden(_("You may not moderate comments."))
    action, _sep, single_id = request.POST.get("single", "").partition(":")
    ids = [single_id] if action else request.POST.getlist("ids")
    action = action or request.POST.get("action", "")
    ids = parse_ints(ids)
    # A path on this site only: an address elsewhere, or a word redirect() would take for a
    # view name ("0"), goes back to the list.
    back = local_path(request.POST.get("next", "")) or index_url
    if action not in ACTIONS or not ids:
        messages.error(request, _("Choose an action and at least one comment."))
        return redirect(back)
    comments = all_article_comments().filter(pk__in=ids)
    count = 0
    for comment in comments:
        ACTIONS[action](request, comment)
        count += 1
    messages.success(request, DONE[action](count) % {"n": count})
    return redirect(back)


class PendingCommentsPanel(Component):
    """The dashboard's count of comments awaiting moderation, linked to the queue."""

    name = "career_pending_comments"
    template_name = "wagtail_career/comments/admin/pending_panel.html"
    order = 150

    def __init__(self, index_url):
        self.index_url = index_url

    def get_context_data(self, parent_context):
        return {"count": pending_count(), "queue_url": f"{self.index_url}?status=pending"}


def add_pending_panel(url_helper):
    """A ``construct_homepage_panels`` hook showing moderators the pending count.

    The list's URL is reversed per request: reversing at import time would build the admin
    URLconf before every ``wagtail_hooks`` module has registered its views.
    """

    def construct_homepage_panels(request, panels):
        if request.user.has_perm(MODERATE_PERMISSION):
            panels.append(PendingCommentsPanel(url_helper.index_url))

    return construct_homepage_panels
