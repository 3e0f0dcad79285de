"""Helpers shared by the newsletter tests (plain functions, no fixtures)."""

import re
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Site

from wagtail_career.newsletter.models import Subscription

SIGNUP_URL = "/career/newsletter/"
THANKS_FR = "Merci!"


def signup_data(email="lea@example.com", consent=True, **extra):
    data = {"email": email, "source": "/carriere/article/", "box": "1", "homepage": ""}
    if consent:
        data["consent"] = "on"
    data.update(extra)
    return data


def post_signup(client, capture, url=SIGNUP_URL, headers=None, **data):
    """POST the signup form and run the on-commit callbacks (the mail task)."""
    with capture(execute=True):
        return client.post(url, signup_data(**data), headers=headers or {})


def link_in(text, kind):
    """The first ``/newsletter/<kind>/<token>/`` link in a mail body, as a path."""
    match = re.search(r"https?://[^/\s]+(/\S*newsletter/" + kind + r"/[\w-]+/)", text)
    assert match, text
    return match.group(1)


def confirmed_subscriber(email, language="fr", days_ago=1, **fields):
    """A subscriber of the default site who consented and confirmed ``days_ago`` days ago
    (``fields``: e.g. the ``sections`` they chose)."""
    when = timezone.now() - timedelta(days=days_ago)
    return Subscription.objects.create(
        site=Site.objects.get(),
        email=email,
        language=language,
        status="confirmed",
        consent_text="…",
        consent_given_at=when,
        confirmed_at=when,
        **fields,
    )
