"""The package's public endpoints, under one include placed before Wagtail's own::

    path("career/", include("wagtail_career.urls")),
"""

from django.urls import path

from .newsletter import views as newsletter

app_name = "wagtail_career"

urlpatterns = [
    path("newsletter/", newsletter.signup, name="newsletter_signup"),
    path("newsletter/confirm/<slug:token>/", newsletter.confirm, name="newsletter_confirm"),
    path(
        "newsletter/unsubscribe/<slug:token>/",
        newsletter.unsubscribe,
        name="newsletter_unsubscribe",
    ),
]
