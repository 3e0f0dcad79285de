from django import forms
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from .. import privacy
from ..inputs import local_path, normalize_email, parse_int
from ..parts import digest_sections
from .models import NewsletterSettings
from .sections import describe, named, section_choices


def site_name(site):
    """The Wagtail site's name (the mail's default sender name)."""
    return privacy.site_name(site)


def consent_text(site, sections=None):
    """The express-consent sentence: purpose (each registered section, named), sender as
    CASL asks (name, postal address, contact; Settings → Career settings) and the right to
    unsubscribe."""
    sections = digest_sections() if sections is None else sections
    return gettext(
        "I agree to receive the career newsletter by email: %(content)s, from %(sender)s. I "
        "can unsubscribe at any time with the link in every email."
    ) % {
        "content": describe(sections),
        "sender": privacy.identification_text(privacy.sender_identification(site)),
    }


def consent_record(sentence, chosen, offered):
    """What a subscription keeps of its consent: the sentence the visitor saw and, when
    the form let them choose, what they chose (``chosen``, sections)."""
    if not offered:
        return sentence
    return f"{sentence} " + gettext("Chosen: %(content)s.") % {"content": describe(chosen)}


class SectionsField(forms.MultipleChoiceField):
    """One checkbox per digest section (the choices are set by the form)."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(label=_("What would you like to receive?"), **kwargs)


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
    # Shown only when the site sends more than one section.
    sections = SectionsField(required=False)
    # Sent with the checkboxes: a form posted without it offered no choice (a page cached
    # before choices existed, a custom template), and its consent named every section.
    sections_shown = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, site=None, box=1, **kwargs):
        super().__init__(*args, auto_id=f"career-newsletter-{box}-%s", **kwargs)
        self.box = box
        self.registered = digest_sections()
        self.consent_text = consent_text(site, self.registered)
        self.fields["consent"].label = self.consent_text
        if self.offers_choice:
            self.fields["sections"].choices = section_choices(self.registered)
            self.fields["sections"].initial = [section.name for section in self.registered]
            self.fields["sections_shown"].initial = True
        else:
            del self.fields["sections"], self.fields["sections_shown"]

    @property
    def offers_choice(self):
        return len(self.registered) > 1

    def full_clean(self):
        super().full_clean()
        # Tie each error message to its field for screen readers.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"

    def clean(self):
        cleaned_data = super().clean()
        if (
            self.offers_choice
            and cleaned_data.get("sections_shown")
            and not cleaned_data.get("sections")
            and "sections" not in self.errors
        ):
            self.add_error("sections", _("Choose at least one thing to receive."))
        return cleaned_data

    def clean_email(self):
        # One spelling per mailbox (IDNA domain, lower case): one subscription, one mail.
        return normalize_email(self.cleaned_data["email"])

    def clean_source(self):
        # Only a path on this site: never an address elsewhere.
        return local_path(self.cleaned_data["source"])

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("homepage"))

    @property
    def chosen(self):
        """The sections chosen (every one when the form offered no choice)."""
        names = self.cleaned_data.get("sections")
        return named(names, self.registered) if names else list(self.registered)

    @property
    def consent_record(self):
        """The consent text to store: the sentence the visitor saw, and their choice."""
        offered = self.offers_choice and bool(self.cleaned_data.get("sections_shown"))
        return consent_record(self.consent_text, self.chosen, offered)


class PreferencesForm(forms.Form):
    """A subscriber's choice of sections, on the page the link in every mail opens."""

    sections = SectionsField(
        error_messages={
            "required": _(
                "Choose at least one thing to receive. To receive nothing, unsubscribe instead."
            )
        }
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="career-preferences-%s", **kwargs)
        self.registered = digest_sections()
        self.fields["sections"].choices = section_choices(self.registered)

    def full_clean(self):
        super().full_clean()
        if "sections" in self.errors:
            self.fields["sections"].widget.attrs["aria-describedby"] = (
                f"{self['sections'].auto_id}-error"
            )

    @property
    def chosen(self):
        return named(self.cleaned_data["sections"], self.registered)


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
        box = box_number(request)
        # Lazy: the blank form is built only when its cached fragment is rendered again.
        form = SimpleLazyObject(
            lambda: SignupForm(site=site, box=box, initial={"source": request.path})
        )
    else:
        box = form.box
    return {
        "request": request,
        "newsletter_form": form,
        "newsletter_done": done,
        "newsletter_box": box,
        "heading": heading or texts["heading"],
        "text": text or texts["text"],
        "button_label": button_label or texts["button_label"],
    }
