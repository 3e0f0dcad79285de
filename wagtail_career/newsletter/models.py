import swapper
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..localize import AbstractSettingsTranslation, LanguageSelect, TranslatedSettingsMixin
from ..models.settings import CachedSiteSetting

# Foreign keys to the site's page model (Wagtail's WAGTAIL_PAGE_MODEL).
swapper.set_app_prefix("wagtailcore", "wagtail")


class Subscription(models.Model):
    """One address on one site's newsletter list, with the record of its consent."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("email"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    # A code of the site's LANGUAGES, checked by the signup form: no choices here, so that the
    # migrations do not change with each site's LANGUAGES.
    language = models.CharField(_("language"), max_length=15)
    consent_text = models.TextField(
        _("consent text"),
        help_text=_("The consent sentence exactly as the visitor saw it, and what they chose."),
    )
    # Names of digest sections (parts.DigestSection.name), never their labels.
    sections = models.JSONField(
        _("chosen content"),
        default=list,
        blank=True,
        help_text=_(
            "The names of the digest sections the subscriber chose to receive. Empty (a "
            "subscription from before subscribers could choose): everything the site sends."
        ),
    )
    consent_given_at = models.DateTimeField(_("consent given at"))
    consent_url = models.CharField(_("consent given on page"), max_length=2048, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    # When the last confirmation mail was queued; throttles repeated requests.
    confirmation_sent_at = models.DateTimeField(
        _("confirmation mail sent at"), null=True, blank=True, editable=False
    )
    # When the person's data was erased (newsletter/privacy.py): the row keeps no address, IP
    # or page, only the dated consent history (ConsentRecord) and a Suppression.
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-consent_given_at", "-pk"]
        indexes = [
            # The admin list's default order: its first page without sorting every row.
            models.Index(fields=["-consent_given_at", "-id"], name="wagtail_career_subs_order"),
        ]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "site", name="wagtail_career_newsletter_unique_email"
            )
        ]

    def __str__(self):
        return self.email


class NewsletterDelivery(models.Model):
    """How far the digest has brought one subscriber: the newest publication time of what
    their digests included. The next digest carries only what was first published after it,
    so nobody gets a page twice or misses one, and one row per subscriber is all it takes
    (the outbox's unique key keeps a digest from being written twice)."""

    subscription = models.OneToOneField(
        Subscription, on_delete=models.CASCADE, related_name="digest_delivery"
    )
    sent_until = models.DateTimeField(_("digest content up to"))
    sent_at = models.DateTimeField(_("last digest at"), auto_now=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")

    def __str__(self):
        return f"{self.subscription} ← {self.sent_until:%Y-%m-%d %H:%M}"


@register_setting(icon="mail")
class NewsletterSettings(
    CachedSiteSetting, TranslatedSettingsMixin, ClusterableModel, BaseSiteSetting
):
    """Per-site texts of the signup box (Settings → Career newsletter); an empty field uses
    the translated default."""

    newsletter_heading = models.CharField(
        _("newsletter heading"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty for the default heading in the visitor's language."),
    )
    newsletter_text = models.TextField(
        _("newsletter text"),
        blank=True,
        help_text=_("Leave empty for the default text in the visitor's language."),
    )
    newsletter_button_label = models.CharField(
        _("newsletter button label"),
        max_length=60,
        blank=True,
        help_text=_("Leave empty for the default label in the visitor's language."),
    )

    panels = [
        FieldPanel("newsletter_heading"),
        FieldPanel("newsletter_text"),
        FieldPanel("newsletter_button_label"),
        InlinePanel(
            "translations",
            heading=_("In other languages"),
            label=_("Language"),
            help_text=_("The texts in another language; an empty field uses the text above."),
        ),
    ]

    class Meta:
        verbose_name = _("Career newsletter")
        verbose_name_plural = _("Career newsletter")

    def get_newsletter_texts(self):
        """The heading, text and button label to show, with defaults filled in."""
        return {
            "heading": self.translated("newsletter_heading") or default_heading(),
            "text": self.translated("newsletter_text") or default_text(),
            "button_label": self.translated("newsletter_button_label") or default_button_label(),
        }


class NewsletterSettingsTranslation(AbstractSettingsTranslation):
    """The signup box's texts in one language."""

    settings = ParentalKey(
        NewsletterSettings, on_delete=models.CASCADE, related_name="translations"
    )
    newsletter_heading = models.CharField(_("newsletter heading"), max_length=255, blank=True)
    newsletter_text = models.TextField(_("newsletter text"), blank=True)
    newsletter_button_label = models.CharField(
        _("newsletter button label"), max_length=60, blank=True
    )

    panels = [
        FieldPanel("language", widget=LanguageSelect),
        FieldPanel("newsletter_heading"),
        FieldPanel("newsletter_text"),
        FieldPanel("newsletter_button_label"),
    ]

    class Meta(AbstractSettingsTranslation.Meta):
        verbose_name = _("Career newsletter in another language")
        verbose_name_plural = _("Career newsletter in other languages")


def default_heading():
    return gettext("Get the latest Career articles and job offers straight to your inbox!")


def default_text():
    return gettext("One email when new career articles are published. No spam.")


def default_button_label():
    return gettext("Subscribe")


# Consent records and suppressions (newsletter/privacy.py) ----------------------------------


class ConsentRecord(models.Model):
    """One dated event of an address's consent: given, confirmed, withdrawn or erased, with
    the exact text shown and how it happened. Records are never edited, only stripped of
    the page and IP address when the person is erased."""

    class Kind(models.TextChoices):
        CONSENT = "consent", _("Consent given")
        CONFIRMATION = "confirmation", _("Consent confirmed")
        WITHDRAWAL = "withdrawal", _("Consent withdrawn")
        ERASURE = "erasure", _("Data erased")

    class Method(models.TextChoices):
        SIGNUP_FORM = "signup_form", _("Signup form (consent box ticked)")
        CONFIRMATION_LINK = "confirmation_link", _("Mailed confirmation link and its button")
        UNSUBSCRIBE_LINK = "unsubscribe_link", _("Unsubscribe link and its button")
        ONE_CLICK = "one_click", _("One-click unsubscribe from the mail client (List-Unsubscribe)")
        ADMIN = "admin", _("An administrator, at the person's request")
        RETENTION = "retention", _("End of the retention period")
        SUPPRESSION = "suppression", _("Suppression (bounce, complaint)")

    # Kept (SET_NULL) when a subscription is deleted: the hash still says whose record it is.
    subscription = models.ForeignKey(
        Subscription,
        verbose_name=_("subscription"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consent_records",
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # privacy.email_hash() of the address: the record outlives the address itself.
    email_hash = models.CharField(_("address hash"), max_length=64, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    method = models.CharField(_("how"), max_length=20, choices=Method.choices)
    text = models.TextField(_("text shown"), blank=True)
    page = models.CharField(_("page"), max_length=2048, blank=True)
    # Only with WAGTAIL_CAREER_NEWSLETTER_STORE_IP.
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("newsletter consent record")
        verbose_name_plural = _("newsletter consent records")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"


class Suppression(models.Model):
    """An address the digest must not mail until it confirms a new signup: only its keyed
    hash (privacy.email_hash) is kept."""

    class Reason(models.TextChoices):
        ERASURE = "erasure", _("Data erased")
        RETENTION = "retention", _("Unsubscribed, anonymised after the retention period")
        BOUNCE = "bounce", _("Mail bounced")
        COMPLAINT = "complaint", _("Spam complaint")
        UNSUBSCRIBE = "unsubscribe", _("Unsubscribed through the mail provider")
        MANUAL = "manual", _("Added by an administrator")

    email_hash = models.CharField(_("address hash"), max_length=64, unique=True)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("newsletter suppression")
        verbose_name_plural = _("newsletter suppressions")

    def __str__(self):
        return f"{self.get_reason_display()} ({self.created_at:%Y-%m-%d})"


class DigestRun(models.Model):
    """One sending of the digest: what it carried and how its mail went."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")

    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RUNNING
    )
    # {"<site id>:<language>": {"<section name>": [[page id, first published (ISO)], ...]}}
    content = models.JSONField(_("content included"), default=dict, blank=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    sent = models.PositiveIntegerField(_("sent"), default=0)
    # Mails not sent by the run's end; the outbox retries them (deliver_career_mail).
    failed = models.PositiveIntegerField(_("not sent"), default=0)

    class Meta:
        verbose_name = _("digest run")
        verbose_name_plural = _("digest runs")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"


class DigestBatch(models.Model):
    """A range of subscriptions of one run, mailed by one task over one SMTP connection."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        BUILT = "built", _("Mail written")
        DONE = "done", _("Done")

    run = models.ForeignKey(DigestRun, on_delete=models.CASCADE, related_name="batches")
    first_subscription = models.BigIntegerField(_("first subscription"))
    last_subscription = models.BigIntegerField(_("last subscription"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    sent = models.PositiveIntegerField(_("sent"), default=0)
    failed = models.PositiveIntegerField(_("not sent"), default=0)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("digest batch")
        verbose_name_plural = _("digest batches")
        ordering = ["run", "first_subscription"]

    def __str__(self):
        return f"{self.run_id}: {self.first_subscription}–{self.last_subscription}"
