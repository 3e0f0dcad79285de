from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareerPagesConfig(AppConfig):
    """The ready-made career pages, built from the core's mixins and Wagtail's ``Page``.

    A site with a custom base page model (``WAGTAIL_PAGE_MODEL``) leaves this app out and
    builds its own pages from the same mixins (README, "Custom base page models").
    """

    name = "wagtail_career.pages"
    label = "wagtail_career_pages"
    verbose_name = _("Career pages")
    default_auto_field = "django.db.models.BigAutoField"
