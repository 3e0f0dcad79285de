"""Share links under an article, and the site settings that choose them.

The links are plain ``<a href>`` to each network's share endpoint: they work without
JavaScript and load no third-party script. The address shared is always the article's
canonical full URL, percent-encoded with :func:`urllib.parse.quote` (``%20`` for a space,
never ``+``, which ``mailto:`` and some networks would show literally).
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import swapper
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel

from .links import is_safe_link, safe_link

# Foreign keys to the site's page model (Wagtail's WAGTAIL_PAGE_MODEL), as Wagtail advises
# reusable apps, even when this module is imported before wagtail's own models.
swapper.set_app_prefix("wagtailcore", "wagtail")


@dataclass(frozen=True)
class Network:
    key: str
    name: str
    endpoint: str
    params: Callable[[str, str], dict]  # (url, title) -> the endpoint's query parameters

    def href(self, url, title):
        return self.endpoint + "?" + urlencode(self.params(url, title), quote_via=quote, safe="")


# In display order. Endpoints are the networks' documented "share intent" URLs.
NETWORKS = [
    Network(
        "facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php", lambda u, t: {"u": u}
    ),
    Network(
        "linkedin",
        "LinkedIn",
        "https://www.linkedin.com/sharing/share-offsite/",
        lambda u, t: {"url": u},
    ),
    Network("x", "X", "https://x.com/intent/post", lambda u, t: {"text": t, "url": u}),
    Network(
        "bluesky", "Bluesky", "https://bsky.app/intent/compose", lambda u, t: {"text": f"{t} {u}"}
    ),
    Network("whatsapp", "WhatsApp", "https://wa.me/", lambda u, t: {"text": f"{t} {u}"}),
]


@dataclass(frozen=True)
class ShareLink:
    key: str
    name: str  # shown
    label: str  # the accessible name, e.g. "Share on LinkedIn"
    href: str


def share_links(url, title, settings=None):
    """The share links for ``url``/``title`` that ``settings`` (a SharingSettings) enables.

    Without settings every network is offered. The email link comes last.
    """
    links = [
        ShareLink(
            network.key,
            network.name,
            gettext("Share on %(network)s") % {"network": network.name},
            network.href(url, title),
        )
        for network in NETWORKS
        if settings is None or getattr(settings, f"share_on_{network.key}")
    ]
    if settings is None or settings.share_by_email:
        query = urlencode({"subject": title, "body": url}, quote_via=quote, safe="")
        links.append(
            ShareLink("email", gettext("Email"), gettext("Share by email"), f"mailto:?{query}")
        )
    return links


def validate_link(value):
    """A site-relative path or an http(s), mailto: or tel: address; never ``javascript:``."""
    if not is_safe_link(value):
        raise ValidationError(
            _("Enter an address starting with https://, mailto:, tel: or /."), code="invalid"
        )


class SharingSettings(models.Model):
    """Site settings for share links and the contact call to action (an abstract mixin)."""

    share_on_facebook = models.BooleanField(_("Facebook"), default=True)
    share_on_linkedin = models.BooleanField(_("LinkedIn"), default=True)
    share_on_x = models.BooleanField(_("X"), default=True)
    share_on_bluesky = models.BooleanField(_("Bluesky"), default=True)
    share_on_whatsapp = models.BooleanField(_("WhatsApp"), default=True)
    share_by_email = models.BooleanField(_("Email"), default=True)
    share_copy_link = models.BooleanField(
        _("“Copy link” button"),
        default=True,
        help_text=_("Shown only in browsers that allow copying to the clipboard."),
    )

    contact_cta_heading = models.CharField(
        _("heading"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty for “Have questions?” in the visitor's language."),
    )
    contact_cta_text = models.CharField(
        _("text"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty for “We are here to help.” in the visitor's language."),
    )
    contact_cta_page = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("link to a page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_cta_url = models.CharField(
        _("or link to an address"),
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text=_("A full URL, or mailto:… for an email address. Used when no page is chosen."),
    )
    contact_cta_link_text = models.CharField(
        _("link text"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty for “Contact us” in the visitor's language."),
    )
    contact_cta_in_sidebar = models.BooleanField(_("show in the article sidebar"), default=True)

    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("share_on_facebook"),
                FieldPanel("share_on_linkedin"),
                FieldPanel("share_on_x"),
                FieldPanel("share_on_bluesky"),
                FieldPanel("share_on_whatsapp"),
                FieldPanel("share_by_email"),
                FieldPanel("share_copy_link"),
            ],
            heading=_("Share links under articles"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_cta_heading"),
                FieldPanel("contact_cta_text"),
                PageChooserPanel("contact_cta_page"),
                FieldPanel("contact_cta_url"),
                FieldPanel("contact_cta_link_text"),
                FieldPanel("contact_cta_in_sidebar"),
            ],
            heading=_("Contact call to action"),
        ),
    ]

    class Meta:
        abstract = True

    def contact_cta_link(self, request=None):
        """The call to action's target: the chosen page's URL, else the address, else ``""``."""
        if self.contact_cta_page_id:
            # The chosen page in the visitor's content language when it is translated.
            return self.contact_cta_page.localized.get_url(request) or ""
        return safe_link(self.contact_cta_url)
