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
            "Describe the image for people who cannot see it. Leave empty to use the image's title."
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


class ContactCallToActionBlock(blocks.StructBlock):
    """ "Have questions? We are here to help.": each empty field falls back to the site's
    Career settings, so most editors insert the block and leave it as it is."""

    heading = blocks.CharBlock(label=_("Heading"), required=False)
    text = blocks.CharBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Link to a page"), required=False)
    link_text = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "help"
        label = _("Contact call to action")
        help_text = _("Leave a field empty to use the one from the Career settings.")
        template = "wagtail_career/blocks/contact_cta.html"


class ArticleBodyBlock(blocks.StreamBlock):
    """The body of an article. Features add blocks of their own (``EmployersBlock``,
    ``NewsletterSignupBlock``) that a site can put in this body by subclassing it."""

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
    contact_cta = ContactCallToActionBlock()
