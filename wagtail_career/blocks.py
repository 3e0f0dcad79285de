"""StreamField blocks for career articles.

Each block renders through a small template under ``wagtail_career/blocks/`` that a site
can override.
"""

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .models.employers import (
    SIDEBAR_LOGO_RENDITION,
    Employer,
    attach_logo_renditions,
    logo_prefetch,
)
from .models.settings import CareerSettings


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


class EmployersBlock(blocks.StructBlock):
    """Employers who are hiring: all of them, or a chosen few in the chosen order.

    A chosen employer who stops recruiting drops out, as everywhere else on the site.
    """

    heading = blocks.CharBlock(
        label=_("List heading"),
        required=False,
        help_text=_("Leave empty to use the heading from the Career settings."),
    )
    employers = blocks.ListBlock(
        SnippetChooserBlock("wagtail_career.Employer"),
        label=_("Employers"),
        min_num=0,
        help_text=_("Leave empty to list every employer who is hiring, in the editors' order."),
    )

    class Meta:
        icon = "group"
        label = _("Employers who are hiring")
        template = "wagtail_career/blocks/employers.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Chosen employers are already loaded with the StreamField; deleted ones are None.
        employers = [
            employer for employer in value["employers"] if employer and employer.is_recruiting
        ]
        if employers:
            prefetch_related_objects(employers, logo_prefetch(SIDEBAR_LOGO_RENDITION))
        elif not value["employers"]:
            employers = Employer.objects.recruiting().with_logos(SIDEBAR_LOGO_RENDITION)
        context["employers"] = attach_logo_renditions(employers, SIDEBAR_LOGO_RENDITION)
        context["heading"] = value["heading"] or self.default_heading(parent_context)
        return context

    def default_heading(self, parent_context):
        request = (parent_context or {}).get("request")
        if request is None:
            return _("Employers who are hiring")
        return CareerSettings.for_request(request).employers_heading_text
class ContactCallToActionBlock(blocks.StructBlock):
    """"Have questions? We are here to help.": each empty field falls back to the site's
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
    employers = EmployersBlock()
    contact_cta = ContactCallToActionBlock()
    newsletter = NewsletterSignupBlock()
