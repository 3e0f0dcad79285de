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
from django.db.models import Count, F, Max, Q
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
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from ..admin_lists import BadQueryIsA400Mixin, NumericInstancePkMixin
from ..inputs import local_path, parse_ints
from ..models import page_model
from .queries import all_article_comments
from .tasks import enqueue_on_commit, notify_followers

MODERATE_PERMISSION = "django_comments.can_moderate"
BULK_FORM_ID = "career-comments-moderation"
MODERATOR_FLAGS = (CommentFlag.MODERATOR_APPROVAL, CommentFlag.MODERATOR_DELETION)


def moderation_queryset():
    """Article comments with their flag counts and whether a report awaits a moderator."""
    return all_article_comments().annotate(
        flag_count=Count("flags", filter=Q(flags__flag=CommentFlag.SUGGEST_REMOVAL)),
        last_report=Max("flags__flag_date", filter=Q(flags__flag=CommentFlag.SUGGEST_REMOVAL)),
        last_decision=Max("flags__flag_date", filter=Q(flags__flag__in=MODERATOR_FLAGS)),
    )


def unreviewed_reports():
    """Reported comments still shown, with no moderator decision since the last report."""
    return Q(last_report__isnull=False, is_removed=False) & (
        Q(last_decision__isnull=True) | Q(last_decision__lt=F("last_report"))
    )


def pending_count():
    return all_article_comments().filter(is_public=False, is_removed=False).count()


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
    title = _("article")
    parameter_name = "article"

    def lookups(self, request, model_admin):
        commented = all_article_comments().values_list("object_pk", flat=True)
        ids = set(parse_ints(commented.distinct()))
        page_class = page_model()
        return [
            (str(pk), title)
            for pk, title in page_class.objects.filter(pk__in=ids)
            .order_by("title")
            .values_list("pk", "title")
        ]

    def queryset(self, request, queryset):
        return queryset.filter(object_pk=self.value()) if self.value() else queryset


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


def status_of(comment):
    if comment.is_removed:
        return _("Removed")
    if not comment.is_public:
        return _("Pending")
    return _("Published")


class CommentIndexView(BadQueryIsA400Mixin, IndexView):
    pass


class CommentAdmin(NumericInstancePkMixin, ModelAdmin):
    model = XtdComment
    index_view_class = CommentIndexView
    menu_label = _("Comments")
    menu_icon = "comment"
    menu_order = 200
    add_to_admin_menu = False
    permission_helper_class = ModeratorPermissionHelper
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
    ordering = ("-submit_date",)
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
        return obj.flag_count

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
