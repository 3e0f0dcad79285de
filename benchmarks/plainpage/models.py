"""A plain Wagtail page with the article's body, the bench's yardstick for render time."""

from wagtail.fields import StreamField
from wagtail.models import Page

from wagtail_career.blocks import ArticleBodyBlock


class PlainPage(Page):
    body = StreamField(ArticleBodyBlock(), blank=True)
    template = "plainpage/plain_page.html"
