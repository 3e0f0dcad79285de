"""The newsletter signup box as a StreamField block: a site adds it to a body of its own."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class NewsletterSignupBlock(blocks.StructBlock):
    """The newsletter signup box inside a StreamField; empty texts use the site settings."""

    heading = blocks.CharBlock(
        label=_("Heading"), required=False, help_text=_("Leave empty for the site's default.")
    )
    text = blocks.TextBlock(
        label=_("Text"), required=False, help_text=_("Leave empty for the site's default.")
    )
    button_label = blocks.CharBlock(
        label=_("Button label"),
        required=False,
        max_length=60,
        help_text=_("Leave empty for the site's default."),
    )

    class Meta:
        icon = "mail"
        label = _("Newsletter signup")
        template = "wagtail_career/blocks/newsletter_signup.html"
