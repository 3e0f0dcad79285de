"""The editors' digest tools (Career › Newsletter digest): the run history, a preview of the
next digest, "send a test to me", and the outbox's failed mail.

- **Run history**: every :class:`~.models.DigestRun` with its counts (started, finished,
  recipients, sent, not sent, status); a run's page lists what it carried and its batches.
- **Preview**: the next digest of one site, language and choice of sections, rendered in the
  browser by the digest's own rendering (``mail.digest_content``). It shows what the
  subscriber of that site and language who has waited longest would get: everything first
  published after their last digest (for a first digest, since they confirmed); without such
  a subscriber, since the last run (or the last 7 days), or since a date the editor picks.
  The preview reads only: it records nothing and sends nothing.
- **Send a test to me**: writes that digest to the outbox (kind ``digest_test``), addressed
  to the signed-in editor, its subject marked as a test. No subscriber's watermark moves.

Seeing the tools needs a permission of the subscribers' admin on the subscriber model
(``view_subscription`` or ``change_subscription``); sending a test needs
``change_subscription``. The failed-mail link shows to users who may view the outbox. No
input gives a 500: a bad run id is a 404, a bad site, language or date a 400 page.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from functools import wraps
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.mail import EmailMultiAlternatives
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import Page, Site

from .. import outbox
from ..inputs import one_line, parse_int
from ..languages import default_interface_language
from ..models import OutgoingMail
from ..paginator import requested_page
from ..parts import digest_sections
from . import digest, mail
from .models import DigestRun
from .sections import named, section_choices

VIEW_PERMISSIONS = (
    "wagtail_career_newsletter.view_subscription",
    "wagtail_career_newsletter.change_subscription",
)
SEND_TEST_PERMISSION = "wagtail_career_newsletter.change_subscription"
OUTBOX_PERMISSION = "wagtail_career.view_outgoingmail"
TEST_KIND = "digest_test"
RUNS_PER_PAGE = 30
# Without a subscriber waiting or an earlier run, the preview shows this many days.
DEFAULT_DAYS = 7
TEMPLATES = "wagtail_career/newsletter/admin"


def can_view(user):
    return user.is_active and any(user.has_perm(name) for name in VIEW_PERMISSIONS)


def can_send_test(user):
    return user.is_active and user.has_perm(SEND_TEST_PERMISSION)


def _requires(test):
    """Let ``test(user)`` users in; others are sent to the dashboard with Wagtail's
    "permission denied" message (a script, XMLHttpRequest, gets a 403)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not test(request.user):
                return permission_denied(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _languages():
    return list(settings.LANGUAGES)


def _language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


# -- What the next digest carries ------------------------------------------------------------


@dataclass
class Preview:
    """The next digest of one site, language and choice of sections."""

    site: Site
    language: str
    sections: list
    since: datetime
    # Why the preview starts at ``since``: "chosen", "waiting", "last_run" or "default".
    since_reason: str
    subscribers: int = 0
    parts: list = field(default_factory=list)
    subject: str = ""
    text: str = ""
    html: str = ""

    @property
    def language_name(self):
        return _language_name(self.language)

    @property
    def item_count(self):
        return sum(len(items) for _section, items in self.parts)


def _waiting_longest(site, language):
    """The confirmed subscription of ``site`` and ``language`` whose next digest starts
    earliest (the digest's own rule, ``digest._since``), with its watermark."""
    return (
        digest._confirmed()
        .filter(site=site, language=language)
        .annotate(next_since=digest._since())
        .select_related("digest_delivery")
        .order_by("next_since", "pk")
        .first()
    )


def _start(site, language, chosen_date):
    """``(since, watermark, reason)``: where the preview starts."""
    if chosen_date is not None:
        since = timezone.make_aware(datetime.combine(chosen_date, time.min))
        return since, None, "chosen"
    waiting = _waiting_longest(site, language)
    if waiting is not None:
        delivery = getattr(waiting, "digest_delivery", None)
        return waiting.next_since, getattr(delivery, "sent_until", None), "waiting"
    last_run = DigestRun.objects.order_by("-started_at", "-pk").first()
    if last_run is not None:
        return last_run.started_at, None, "last_run"
    return timezone.now() - timedelta(days=DEFAULT_DAYS), None, "default"


def next_parts(site, language, sections, since, watermark=None):
    """``[(section, items)]``: what ``sections`` first published since ``since`` (after
    ``watermark``, the page a subscriber last got), as the digest builds a subscriber's
    parts: a page once even when two sections carry it."""
    root = digest.language_root(site, language)
    return digest.new_parts(
        sections,
        lambda section: section.get_items(site, root, language, since),
        after=watermark,
    )


def _fill(rendered, marks, values, html):
    for name, placeholder in marks.items():
        value = values[name]
        rendered = rendered.replace(placeholder, escape(value) if html else value)
    return rendered


def build_preview(site, language, sections, chosen_date=None, email=""):
    """The :class:`Preview` of the next digest, rendered as the digest renders it, its
    personal parts filled in with ``email`` and links to the site's home page. Reads only."""
    since, watermark, reason = _start(site, language, chosen_date)
    preview = Preview(site, language, sections, since, reason)
    preview.subscribers = digest._confirmed().filter(site=site, language=language).count()
    preview.parts = next_parts(site, language, sections, since, watermark)
    if not preview.parts:
        return preview
    subject, text, html, marks = mail.digest_content(
        f"preview:{site.pk}:{language}",
        site,
        language,
        [section.name for section in sections],
        preview.parts,
    )
    home = site.root_url + "/"
    values = {"email": email or "", "unsubscribe_url": home, "preferences_url": home}
    preview.subject = _fill(subject, marks, values, html=False)
    preview.text = _fill(text, marks, values, html=False)
    preview.html = _fill(html, marks, values, html=True)
    return preview


def test_message(preview, email):
    """The mail "send a test to me" writes: the preview, its subject marked as a test."""
    with translation.override(preview.language):
        subject = one_line(gettext("[Test] %(subject)s") % {"subject": preview.subject})
    message = EmailMultiAlternatives(subject, preview.text, mail.from_email(), [email])
    message.attach_alternative(preview.html, "text/html")
    return message


# -- The form choosing a preview -------------------------------------------------------------


class PreviewForm(forms.Form):
    """Site, language and sections of the preview; each left empty takes its default."""

    site = forms.TypedChoiceField(label=_("Site"), coerce=int, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=_languages, required=False)
    sections = forms.MultipleChoiceField(
        label=_("Sections"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every section, as for a subscriber who chose everything."),
    )
    since = forms.DateField(
        label=_("New since"),
        required=False,
        help_text=_(
            "Leave empty for what the next digest carries: everything first published after "
            "the last digest of the subscriber who has waited longest."
        ),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, sites, default_site, **kwargs):
        super().__init__(*args, **kwargs)
        self.sites = {site.pk: site for site in sites}
        self.default_site = default_site
        self.fields["site"].choices = [(site.pk, str(site)) for site in sites]
        self.fields["sections"].choices = section_choices()
        self.initial.setdefault("site", default_site.pk if default_site else None)
        self.initial.setdefault("language", default_interface_language())
        self.initial.setdefault("sections", [name for name, _label in section_choices()])

    def choice(self):
        """``(site, language, sections, since date)`` of a valid form, defaults filled in."""
        data = self.cleaned_data if self.is_bound else {}
        site = self.sites.get(data.get("site")) or self.default_site
        language = data.get("language") or default_interface_language()
        sections = named(data.get("sections") or []) or digest_sections()
        return site, language, sections, data.get("since")

    def query(self):
        """The query string that asks for the same preview again."""
        site, language, sections, since = self.choice()
        values = {
            "site": site.pk,
            "language": language,
            "sections": [section.name for section in sections],
        }
        if since is not None:
            values["since"] = since.isoformat()
        return urlencode(values, doseq=True)


def _form(request, data):
    sites = list(Site.objects.select_related("root_page").order_by("hostname", "port"))
    default = Site.find_for_request(request)
    default = next((site for site in sites if default and site.pk == default.pk), None)
    default = default or next((site for site in sites if site.is_default_site), None)
    default = default or (sites[0] if sites else None)
    return PreviewForm(data, sites=sites, default_site=default)


# -- Views -----------------------------------------------------------------------------------


def _links(user):
    """The failed mail in the outbox (for users who may see the outbox)."""
    if not (user.is_active and user.has_perm(OUTBOX_PERMISSION)):
        return {}
    failed = OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED)
    index = reverse("wagtail_career_outbox:index")
    return {
        "failed_url": f"{index}?{urlencode({'status': OutgoingMail.Status.FAILED.value})}",
        "failed_count": failed.count(),
        "failed_digest_url": f"{index}?"
        + urlencode({"status": OutgoingMail.Status.FAILED.value, "kind": digest.MAIL_KIND}),
        "failed_digest_count": failed.filter(kind=digest.MAIL_KIND).count(),
    }


def _page(request, template, context, status=200):
    context = {**_links(request.user), "can_send_test": can_send_test(request.user), **context}
    return TemplateResponse(request, f"{TEMPLATES}/{template}", context, status=status)


@require_GET
@_requires(can_view)
def runs_view(request):
    """The digest runs, newest first, with their counts."""
    runs = DigestRun.objects.annotate(batch_count=Count("batches")).order_by("-started_at", "-pk")
    page = requested_page(Paginator(runs, RUNS_PER_PAGE), request.GET.get("p"))
    return _page(
        request,
        "digest_runs.html",
        {"title": _("Newsletter digest"), "page_obj": page, "runs": page.object_list},
    )


def run_content(run):
    """``[{site, language, section, pages}]``: what ``run`` carried (its stored content),
    the pages as they are now (a page deleted since is left out)."""
    content = run.content if isinstance(run.content, dict) else {}
    labels = {section.name: section.label for section in digest_sections()}
    wanted, ids = [], set()
    for key, by_section in content.items():
        if not isinstance(by_section, dict):
            continue
        site_id, _sep, language = str(key).partition(":")
        for name, listed in by_section.items():
            pks = [
                parse_int(entry[0], minimum=1)
                for entry in (listed if isinstance(listed, list) else [])
                if isinstance(entry, list) and entry
            ]
            pks = [pk for pk in pks if pk is not None]
            ids.update(pks)
            wanted.append((parse_int(site_id, minimum=1), language, str(name), pks))
    sites = Site.objects.in_bulk({site_id for site_id, *_rest in wanted if site_id})
    pages = Page.objects.in_bulk(ids) if ids else {}
    return [
        {
            "site": sites.get(site_id),
            "language": _language_name(language),
            "section": labels.get(name, name),
            "pages": [pages[pk] for pk in pks if pk in pages],
            "count": len(pks),
        }
        for site_id, language, name, pks in wanted
    ]


@require_GET
@_requires(can_view)
def run_view(request, pk):
    """One run: its counts, what it carried, and its batches."""
    number = parse_int(pk, minimum=1)
    run = DigestRun.objects.filter(pk=number).first() if number else None
    if run is None:
        raise Http404(gettext("This digest run does not exist."))
    return _page(
        request,
        "digest_run.html",
        {
            "title": _("Digest run"),
            "run": run,
            "content": run_content(run),
            "batches": list(run.batches.order_by("first_subscription", "pk")),
            "runs_url": reverse("wagtail_career_digest:index"),
        },
    )


def _preview_page(request, form, status=200):
    preview = None
    if form.default_site is not None and (not form.is_bound or form.is_valid()):
        site, language, sections, since = form.choice()
        preview = build_preview(site, language, sections, since, email=request.user.email)
    elif form.is_bound and not form.is_valid():
        status = 400
    return _page(
        request,
        "digest_preview.html",
        {
            "title": _("Preview the next digest"),
            "form": form,
            "preview": preview,
            "send_test_url": reverse("wagtail_career_digest:send_test"),
            "runs_url": reverse("wagtail_career_digest:index"),
        },
        status=status,
    )


@require_GET
@_requires(can_view)
def preview_view(request):
    """The next digest of the chosen site, language and sections, as subscribers get it."""
    return _preview_page(request, _form(request, request.GET or None))


@require_POST
@_requires(can_send_test)
def send_test_view(request):
    """Write the previewed digest to the outbox for the signed-in editor (a test)."""
    form = _form(request, request.POST)
    if form.default_site is None or not form.is_valid():
        return _preview_page(request, form, status=400)
    back = f"{reverse('wagtail_career_digest:preview')}?{form.query()}"
    email = (request.user.email or "").strip()
    if not email:
        messages.error(request, _("Your account has no email address: add one to get a test."))
        return redirect(back)
    site, language, sections, since = form.choice()
    preview = build_preview(site, language, sections, since, email=email)
    if not preview.parts:
        messages.warning(request, _("There is nothing to send: the digest would be empty."))
        return redirect(back)
    with transaction.atomic():
        outbox.add(test_message(preview, email), kind=TEST_KIND)
    messages.success(
        request,
        _("A test of this digest is on its way to %(email)s (see the outgoing mail).")
        % {"email": email},
    )
    return redirect(back)


class DigestMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


class DigestToolsViewSet(ViewSet):
    """The digest tools' admin views, one item of the Career menu."""

    name = "wagtail_career_digest"
    url_prefix = "career/digest"
    icon = "mail"
    menu_label = _("Newsletter digest")
    menu_order = 310
    menu_item_class = DigestMenuItem

    @cached_property
    def menu_url(self):
        return reverse(self.get_url_name("index"))

    def get_urlpatterns(self):
        return [
            path("", runs_view, name="index"),
            path("runs/<str:pk>/", run_view, name="run"),
            path("preview/", preview_view, name="preview"),
            path("preview/send-test/", send_test_view, name="send_test"),
        ]
