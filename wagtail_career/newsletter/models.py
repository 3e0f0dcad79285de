import swapper
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..localize import AbstractSettingsTranslation, LanguageSelect, TranslatedSettingsMixin

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

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-consent_given_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "site", name="wagtail_career_newsletter_unique_email"
            )
        ]

    def __str__(self):
        return self.email


class NewsletterDelivery(models.Model):
    """An article mailed to a subscriber in a digest: nobody gets the same article twice."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    article = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"), on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "article"], name="wagtail_career_newsletter_delivery_unique"
            )
        ]

    def __str__(self):
        return f"{self.subscription} ← {self.article_id}"


@register_setting(icon="mail")
class NewsletterSettings(TranslatedSettingsMixin, ClusterableModel, BaseSiteSetting):
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
