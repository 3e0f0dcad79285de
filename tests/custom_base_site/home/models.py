from wagtail.models import AbstractPage


class BasePage(AbstractPage):
    """The site's base page model (``WAGTAIL_PAGE_MODEL = "home.BasePage"``)."""
