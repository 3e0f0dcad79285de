"""The newsletter's place in Wagtail: subscribers under the Career menu, its endpoints, the
signup box in the article sidebar and the career articles' section of the digest."""

from django.urls import path
from wagtail import hooks
from wagtail.models import Site

from ..cache import settings_dependency
from ..parts import ARTICLE_PARTS_HOOK, DIGEST_HOOK, URLS_HOOK, ArticlePart
from ..wagtail_hooks import CAREER_MENU_HOOK
from . import digest, views
from .admin import SubscriptionAdmin
from .forms import form_context

subscription_admin = SubscriptionAdmin()
subscription_admin.register_with_wagtail()
hooks.register(CAREER_MENU_HOOK, subscription_admin.get_menu_item)
hooks.register(DIGEST_HOOK, digest.articles_section)


@hooks.register(URLS_HOOK)
def newsletter_urls():
    return [
        path("newsletter/", views.signup, name="newsletter_signup"),
        path("newsletter/confirm/<slug:token>/", views.confirm, name="newsletter_confirm"),
        path(
            "newsletter/unsubscribe/<slug:token>/",
            views.unsubscribe,
            name="newsletter_unsubscribe",
        ),
        path(
            "newsletter/preferences/<slug:token>/",
            views.preferences,
            name="newsletter_preferences",
        ),
    ]


def _signup_box(request, page):
    site = Site.find_for_request(request)  # cached on the request
    # The box's texts, consent and sections come from the site's settings.
    dependencies = [settings_dependency(site.pk if site else None)]
    return {**form_context(request), "newsletter_dependencies": dependencies}


@hooks.register(ARTICLE_PARTS_HOOK)
def signup_box():
    return ArticlePart(
        name="newsletter",
        region="sidebar",
        template="wagtail_career/includes/newsletter_part.html",
        order=30,
        get_context=_signup_box,
    )


# The editors' digest tools (run history, preview, test mail) under the Career menu.
from .editors import DigestToolsViewSet  # noqa: E402


@hooks.register("register_admin_viewset")
def register_digest_tools():
    return DigestToolsViewSet(menu_hook=CAREER_MENU_HOOK)
