"""StreamField blocks for career articles.

Each block renders through a small template under ``wagtail_career/blocks/`` that a site
can override.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        form_classname = "title"
        template = "wagtail_career/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        help_text=_(
            "Describe the image for people who cannot see it. Leave empty to use the "
            "image's title."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "wagtail_career/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "wagtail_career/blocks/quote.html"


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


class ArticleBodyBlock(blocks.StreamBlock):
    """The body of an :class:`~wagtail_career.models.ArticlePage`."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul", "h3", "h4"],
    )
    image = ImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Embed"),
        icon="media",
        help_text=_("A YouTube, Vimeo or other oEmbed URL."),
        template="wagtail_career/blocks/embed.html",
    )
    newsletter = NewsletterSignupBlock()
