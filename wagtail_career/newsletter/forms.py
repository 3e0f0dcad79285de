from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from ..inputs import local_path, normalize_email, parse_int
from .models import NewsletterSettings


def site_name(site):
    """The sender named in the consent text and the mail: the Wagtail site's name."""
    return (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", "")


def consent_text(site):
    """The express-consent sentence: purpose, sender and the right to unsubscribe."""
    return gettext(
        "I agree to receive the %(site)s career newsletter by email: new career articles and "
        "job offers. I can unsubscribe at any time with the link in every email."
    ) % {"site": site_name(site)}


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter a valid email address, like name@example.com."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "required": True}),
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Check this box to give your consent.")},
    )
    # The honeypot: hidden from people, filled in by bots.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    # The page the form was shown on, kept with the consent record.
    source = forms.CharField(required=False, max_length=2048, widget=forms.HiddenInput)

    def __init__(self, *args, site=None, box=1, **kwargs):
        super().__init__(*args, auto_id=f"career-newsletter-{box}-%s", **kwargs)
        self.box = box
        self.consent_text = consent_text(site)
        self.fields["consent"].label = self.consent_text

    def full_clean(self):
        super().full_clean()
        # Tie each error message to its field for screen readers.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"

    def clean_email(self):
        # One spelling per mailbox (IDNA domain, lower case): one subscription, one mail.
        return normalize_email(self.cleaned_data["email"])

    def clean_source(self):
        # Only a path on this site: never an address elsewhere.
        return local_path(self.cleaned_data["source"])

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("homepage"))


def box_number(request):
    """The number of a signup box on its page: several boxes need distinct element ids.

    A posted form keeps the number it was shown with, so an inline answer fits its page.
    """
    posted = request.POST.get("box", "") if request.method == "POST" else ""
    number = parse_int(posted, 1, 999)
    if number is not None:
        return number
    number = getattr(request, "_career_newsletter_boxes", 0) + 1
    request._career_newsletter_boxes = number
    return number


def form_context(request, form=None, done=False, heading="", text="", button_label=""):
    """The context of the signup box; empty texts fall back to the site settings."""
    site = Site.find_for_request(request)
    texts = (
        NewsletterSettings.for_request(request) if site else NewsletterSettings()
    ).get_newsletter_texts()
    if form is None:
        form = SignupForm(site=site, box=box_number(request), initial={"source": request.path})
    return {
        "request": request,
        "newsletter_form": form,
        "newsletter_done": done,
        "newsletter_box": form.box,
        "heading": heading or texts["heading"],
        "text": text or texts["text"],
        "button_label": button_label or texts["button_label"],
    }
