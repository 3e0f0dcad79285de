"""Public newsletter endpoints: signup, confirmation, preferences and unsubscribe.

Two of them take POSTs without a CSRF token, on purpose:
- signup, so the form can sit on cached anonymous pages: it only ever queues a confirmation
  mail to the address typed in (a forged request achieves nothing more than the visitor
  typing it), behind a honeypot and rate limits per client address and per address typed;
- unsubscribe, the ``List-Unsubscribe`` target that mail clients POST to without a token
  (RFC 8058 one-click); the signed token in its URL authorises it.
Confirm and preferences are CSRF-protected like the rest of the site: their pages carry the
token.
"""

import logging
import uuid

from django.db import DatabaseError, transaction
from django.http import Http404, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from ..cache import do_not_cache
from ..conf import get_setting
from ..inputs import same_origin
from ..ratelimit import allow, client_address, request_accounts
from . import privacy
from .forms import PreferencesForm, SignupForm, box_number, form_context
from .models import ConsentRecord, Subscription
from .sections import chosen_sections, describe
from .signup import subscribe
from .tasks import queue_confirmation
from .tokens import (
    check_confirmation_token,
    check_preferences_token,
    check_unsubscribe_token,
    make_unsubscribe_token,
)

logger = logging.getLogger(__name__)

# At most this many checkboxes of a refused form are shown again (there are a few sections).
MAX_KEPT_SECTIONS = 20


def _page(request, template, context, status=200):
    context = {"base_template": get_setting("BASE_TEMPLATE"), **context}
    return TemplateResponse(
        request, f"wagtail_career/newsletter/{template}", context, status=status
    )


def _on_this_site(request, subscription):
    """A link works on the site it was mailed for only (one site's token is no key to another)."""
    site = Site.find_for_request(request)
    return subscription is not None and site is not None and subscription.site_id == site.pk


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _kept_input(request):
    """What the visitor typed and chose, for a form shown again without being processed."""
    kept = {key: request.POST.get(key, "")[:2048] for key in ("email", "source")}
    if request.POST.get("sections_shown"):
        kept["sections"] = request.POST.getlist("sections")[:MAX_KEPT_SECTIONS]
    return kept


NOT_SENT = _(
    "We could not send the confirmation email right now. Please try again in a few minutes."
)


class _Decoy(Exception):
    """Rolls back the stand-in signup of an address that gets no mail."""


def _signup(site, email, details):
    subscription = subscribe(site=site, email=email, **details)
    if subscription is not None:
        queue_confirmation(subscription)
    return subscription


def _decoy(site, details):
    """The work of a new address's signup, rolled back: a stand-in address (on a reserved
    domain) is subscribed and its confirmation rendered and written, in a savepoint that is
    then rolled back (its queued task with it). A known address (confirmed, or mailed a
    moment ago) so costs what a new one does: the answer's timing does not tell whether an
    address is subscribed (as Django's login runs the password hasher for unknown users)."""
    try:
        with transaction.atomic():
            _signup(site, f"signup-{uuid.uuid4().hex}@stand-in.invalid", details)
            raise _Decoy
    except _Decoy:
        pass


def _record_signup(request, site, form):
    """Record the signup and write its confirmation mail to the outbox, in one transaction
    (the mail exists exactly when the change does; it leaves once the transaction commits,
    never from the request). ``False`` if the database refused: nothing was kept."""
    details = {
        "language": translation.get_language(),
        "consent_text": form.consent_record,
        "sections": [section.name for section in form.chosen],
        "consent_url": form.cleaned_data["source"],
        "ip_address": client_address(request) or None,
    }
    try:
        with transaction.atomic():
            if _signup(site, form.cleaned_data["email"], details) is None:
                _decoy(site, details)
    except DatabaseError:
        logger.exception("Could not record a newsletter signup: the database refused it.")
        return False
    return True


@csrf_exempt
@require_http_methods(["GET", "POST"])
def signup(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    if request.method == "GET":
        form, done, status = None, False, 200
    elif not same_origin(request):
        # A page of another site posting here (the endpoint has no CSRF token, so that the
        # pages around the box stay cacheable): refused, the address typed shown again.
        form = SignupForm(site=site, box=box_number(request), initial=_kept_input(request))
        done, status = False, 403
    elif not allow("signup", request, request_accounts(request, request.POST.get("email"))):
        form = SignupForm(site=site, box=box_number(request), initial=_kept_input(request))
        done, status = False, 429
    else:
        form = SignupForm(request.POST, site=site, box=box_number(request))
        done = form.is_valid()
        status = 200 if done else 400
        if done and not form.is_bot and not _record_signup(request, site, form):
            # Not even the mail's row could be written: nothing was kept, say so and keep
            # what the visitor typed and chose.
            form.add_error("email", NOT_SENT)
            done, status = False, 503
    context = form_context(request, form=form, done=done)
    context["rate_limited"] = status == 429
    context["cross_origin"] = status == 403
    if _wants_json(request):
        html = render_to_string(
            "wagtail_career/includes/newsletter_form_body.html", context, request=request
        )
        return JsonResponse({"ok": done, "html": html}, status=status)
    source = form.cleaned_data.get("source", "") if form is not None and done else ""
    return _page(request, "signup.html", {**context, "back_url": source}, status=status)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    subscription, expired = check_confirmation_token(token)
    if not _on_this_site(request, subscription):
        return _page(request, "confirm.html", {"state": "invalid"}, status=404)
    if subscription.status != Subscription.Status.PENDING:
        state = "already" if subscription.status == Subscription.Status.CONFIRMED else "used"
    elif expired:
        return _page(request, "confirm.html", {"state": "expired"}, status=410)
    elif request.method == "POST":
        # Conditional, so a double click or a replay confirms (and is recorded) once; the
        # confirmation lifts a suppression of the address (an earlier erasure, a bounce).
        privacy.confirm(
            subscription,
            ConsentRecord.Method.CONFIRMATION_LINK,
            ip_address=client_address(request) or None,
        )
        state = "done"
    else:
        state = "ask"
    context = {
        "state": state,
        "subscription": subscription,
        # What confirming subscribes to ("new career articles and new job offers").
        "receives": describe(chosen_sections(subscription)),
    }
    return _page(request, "confirm.html", context)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks; POST (the page's button or an RFC 8058 one-click request) unsubscribes."""
    subscription = check_unsubscribe_token(token)
    if not _on_this_site(request, subscription):
        return _page(request, "unsubscribe.html", {"state": "invalid"}, status=404)
    if request.method == "POST":
        # RFC 8058: a mail client's one-click request carries "List-Unsubscribe=One-Click";
        # the page's button sends nothing else. Conditional: a replay records nothing.
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        privacy.withdraw(
            subscription,
            ConsentRecord.Method.ONE_CLICK if one_click else ConsentRecord.Method.UNSUBSCRIBE_LINK,
            text=privacy.ONE_CLICK_BODY if one_click else gettext("Unsubscribe"),
            ip_address=client_address(request) or None,
        )
        state = "done"
    elif subscription.status == Subscription.Status.UNSUBSCRIBED:
        state = "done"
    else:
        state = "ask"
    return _page(request, "unsubscribe.html", {"state": state, "subscription": subscription})


@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    """The subscriber's choice of sections: GET shows it, POST saves it. The page names the
    address, so no cache ever keeps it, and search engines are told not to index it."""
    do_not_cache(request)
    subscription = check_preferences_token(token)
    if not _on_this_site(request, subscription):
        response = _page(request, "preferences.html", {"state": "invalid"}, status=404)
    elif subscription.status == Subscription.Status.UNSUBSCRIBED:
        response = _page(request, "preferences.html", {"state": "unsubscribed"})
    else:
        response = _preferences(request, subscription)
    response["X-Robots-Tag"] = "noindex"
    return response


def _preferences(request, subscription):
    chosen = [section.name for section in chosen_sections(subscription)]
    if request.method == "POST":
        form = PreferencesForm(request.POST, initial={"sections": chosen})
        saved = form.is_valid()
        if saved:
            Subscription.objects.filter(pk=subscription.pk).update(
                sections=[section.name for section in form.chosen]
            )
    else:
        form, saved = PreferencesForm(initial={"sections": chosen}), False
    unsubscribe_url = reverse(
        "wagtail_career:newsletter_unsubscribe",
        kwargs={"token": make_unsubscribe_token(subscription)},
    )
    context = {
        "state": "saved" if saved else "choose",
        "subscription": subscription,
        "form": form,
        "receives": describe(form.chosen) if saved else "",
        "unsubscribe_url": unsubscribe_url,
    }
    return _page(request, "preferences.html", context, status=400 if form.errors else 200)
