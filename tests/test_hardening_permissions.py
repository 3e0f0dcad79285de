"""Editors without the matching permissions: a normal browser request to an employer,
subscriber or comment admin view (or export) is sent back to the dashboard with Wagtail's
"permission denied" message; a script (XMLHttpRequest) or a POST to the moderation action
gets a plain 403. Nothing is shown, exported or changed."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from tests.comments_helpers import make_comment, make_user
from wagtail_career.employers.models import Employer
from wagtail_career.newsletter.models import Subscription

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
COMMENTS = "/admin/django_comments_xtd/xtdcomment/"
SUBSCRIBERS = "/admin/wagtail_career_newsletter/subscription/"


@pytest.fixture
def editor_client(client, db):
    user = make_user("editor")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return client


def _urls(article, make_employer):
    employer = make_employer("Desjardins", logo=False)
    comment = make_comment(article, "En attente", public=False)
    subscription = Subscription.objects.create(
        site=Site.objects.get(),
        email="lea@example.com",
        language="fr",
        consent_text="…",
        consent_given_at=timezone.now(),
    )
    employers = "wagtailsnippets_wagtail_career_employers_employer"
    return comment, [
        reverse(f"{employers}:list"),
        reverse(f"{employers}:add"),
        reverse(f"{employers}:edit", args=[employer.pk]),
        reverse(f"{employers}:delete", args=[employer.pk]),
        SUBSCRIBERS,
        f"{SUBSCRIBERS}?export=csv",
        f"{SUBSCRIBERS}?export=xlsx",
        f"{SUBSCRIBERS}inspect/{subscription.pk}/",
        f"{SUBSCRIBERS}delete/{subscription.pk}/",
        COMMENTS,
        f"{COMMENTS}?export=csv",
    ]


def test_browser_requests_are_sent_back_to_the_dashboard(editor_client, article, make_employer):
    comment, urls = _urls(article, make_employer)
    for url in urls:
        for response in (editor_client.get(url), editor_client.post(url, {"name": "Pirate"})):
            assert response.status_code == 302, url
            assert response.url == reverse("wagtailadmin_home"), url
    assert Employer.objects.get().name == "Desjardins"
    assert Subscription.objects.count() == 1


def test_scripts_get_a_403(editor_client, article, make_employer):
    _comment, urls = _urls(article, make_employer)
    for url in urls:
        response = editor_client.get(url, **XHR)
        assert response.status_code == 403, url
        assert b"lea@example.com" not in response.content


def test_editors_cannot_approve_comments(editor_client, article):
    comment = make_comment(article, "En attente", public=False)
    response = editor_client.post(f"{COMMENTS}moderate/", {"single": f"approve:{comment.pk}"})
    assert response.status_code == 403
    comment.refresh_from_db()
    assert not comment.is_public
