"""Job offers in the admin: their listing under the Career menu and the dashboard's offers
closing soon, both within Wagtail's page permissions."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import GroupPagePermission

from tests.pages import JobOfferPage, Page

LISTING = "career_job_offers:index"
PANEL_HEADING = "Offres d’emploi qui ferment d’ici 7 jours"  # the admin is in French


@pytest.fixture(autouse=True)
def _french():
    with translation.override("fr"):
        yield


@pytest.fixture
def superuser_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.com", "pw"))
    return client


@pytest.fixture
def make_editor(client, django_user_model):
    """A client logged in as an editor with admin access who may edit pages below ``page``."""

    def make(page, name="editor"):
        user = django_user_model.objects.create_user(name, f"{name}@example.com", "pw")
        group = Group.objects.create(name=f"Rédaction {name}")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        for action in ("add", "change", "publish"):
            GroupPagePermission.objects.create(
                group=group,
                page=page,
                # The site's page model's (add_basepage… on a custom base page site).
                permission=Permission.objects.get(
                    content_type__app_label=Page._meta.app_label,
                    codename=f"{action}_{Page._meta.model_name}",
                ),
            )
        user.groups.add(group)
        client.force_login(user)
        return client

    return make


def in_days(days):
    return timezone.now() + timedelta(days=days)


def close(offer):
    """Close ``offer`` as time would: its closing date passes (no signal)."""
    JobOfferPage.objects.filter(pk=offer.pk).update(valid_through=in_days(-1))


def edit_url(offer):
    return reverse("wagtailadmin_pages:edit", args=[offer.pk])


def listed(html, *offers):
    """Which of ``offers`` the listing's rows link to."""
    return [offer.title for offer in offers if f'href="{edit_url(offer)}"' in html]


def panel(html):
    match = re.search(r'id="career-job-offers-closing-content".*?</table>', html, re.S)
    return match.group(0) if match else ""


@pytest.fixture
def offers(make_offer, make_employer):
    desjardins, zsa = make_employer("Desjardins"), make_employer("ZSA")
    open_offer = make_offer(title="Analyste", employer=desjardins, valid_through=in_days(5))
    draft = make_offer(title="Juriste", employer=zsa, publish=False)
    closed = make_offer(title="Comptable", employer=desjardins, valid_through=in_days(2))
    close(closed)
    return {"open": open_offer, "draft": draft, "closed": closed, "desjardins": desjardins}


# The listing --------------------------------------------------------------------------------


def test_the_listing_is_in_the_career_menu(superuser_client, job_index):
    html = superuser_client.get(reverse("wagtailadmin_home")).content.decode()

    assert f'"{reverse(LISTING)}"' in html
    assert '"label": "Offres d\\u2019emploi"' in html  # the menu, as JSON


def test_the_listing_shows_the_offers_with_their_columns(superuser_client, offers):
    response = superuser_client.get(reverse(LISTING))

    assert response.status_code == 200
    html = response.content.decode()
    assert listed(html, offers["open"], offers["draft"], offers["closed"]) == [
        "Analyste",
        "Juriste",
        "Comptable",
    ]
    headers = [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", h)).strip()
        for h in re.findall(r"<th[^>]*>(.*?)</th>", html, re.S)
    ]
    for header in ("Employeur", "Date de clôture"):
        assert header in headers
    assert "Desjardins" in html and "ZSA" in html
    # Wagtail's live/draft tags, and "Fermée" (closed) on the closed offer only.
    rows = {
        offer.title: re.search(rf'href="{edit_url(offer)}".*?</tr>', html, re.S).group(0)
        for offer in (offers["open"], offers["draft"], offers["closed"])
    }
    assert "Fermée" in rows["Comptable"]
    assert str(offers["draft"].status_string) in rows["Juriste"]  # "brouillon"
    assert str(offers["closed"].status_string) in rows["Comptable"]  # still live
    assert "Fermée" not in rows["Analyste"] and "Fermée" not in rows["Juriste"]
    # The filters.
    for name in ('name="employer"', 'name="status"', 'name="valid_through_from"'):
        assert name in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=open", ["Analyste", "Juriste"]),
        ("status=closed", ["Comptable"]),
        ("employer={desjardins}", ["Analyste", "Comptable"]),
        ("employer={desjardins}&status=open", ["Analyste"]),
        ("valid_through_from={in_3}&valid_through_to={in_7}", ["Analyste"]),
        ("ordering=valid_through", ["Analyste", "Juriste", "Comptable"]),
        ("ordering=employer__name", ["Analyste", "Juriste", "Comptable"]),
    ],
)
def test_the_listing_filters(superuser_client, offers, query, expected):
    query = query.format(
        desjardins=offers["desjardins"].pk,
        in_3=in_days(3).date().isoformat(),
        in_7=in_days(7).date().isoformat(),
    )

    html = superuser_client.get(f"{reverse(LISTING)}?{query}").content.decode()

    assert listed(html, offers["open"], offers["draft"], offers["closed"]) == expected


@pytest.mark.parametrize(
    "query",
    [
        "employer=abc",
        "employer=99999999999999999999",
        "employer=-1",
        "employer=%00",
        "status=nope",
        "status=",
        "valid_through_from=zz&valid_through_to=2026-13-45",
        "valid_through_from=99999-01-01",
        "valid_through_from=0001-01-01&valid_through_to=9999-12-31",
        "ordering=nonexistent",
        "ordering=-employer__name",
        "p=abc",
        "p=99999",
        "p=-1",
        "q=%3Cscript%3E",
        "q=" + "x" * 2000,
        "locale=zz",
        "site=abc",
        "owner=abc&edited_by=%FF",
        "owner=99999999999999999999&site=99999999999999999999",
        "q=analyste&ordering=employer__name",
        "q=analyste&ordering=-valid_through&status=closed",
        "q=analyste&ordering=live",
        "has_child_pages=maybe",
        "latest_revision_created_at_from=zz",
    ],
)
def test_bad_query_strings_are_never_a_500(superuser_client, offers, query):
    for name in (LISTING, "career_job_offers:index_results"):
        response = superuser_client.get(f"{reverse(name)}?{query}")
        assert response.status_code < 500, (name, query)


def test_the_listing_costs_the_same_at_3_and_12_offers(superuser_client, make_offer):
    def listing_queries():
        with CaptureQueriesContext(connection) as captured:
            assert superuser_client.get(reverse(LISTING)).status_code == 200
        return len(captured)

    for _ in range(3):
        make_offer(valid_through=in_days(5))
    superuser_client.get(reverse(LISTING))
    small = listing_queries()
    for _ in range(9):
        make_offer(valid_through=in_days(5))
    assert listing_queries() == small


# The dashboard panel ------------------------------------------------------------------------


def test_the_panel_lists_offers_closing_within_seven_days(superuser_client, make_offer):
    soon = make_offer(title="Dans trois jours", valid_through=in_days(3))
    sooner = make_offer(title="Demain", valid_through=in_days(1))
    make_offer(title="Dans dix jours", valid_through=in_days(10))
    make_offer(title="Sans date")
    closed = make_offer(title="Fermée", valid_through=in_days(2))
    close(closed)
    make_offer(title="Brouillon", valid_through=in_days(2), publish=False)

    html = superuser_client.get(reverse("wagtailadmin_home")).content.decode()

    assert PANEL_HEADING in html
    rows = re.findall(r'<a href="([^"]+)">([^<]+)</a>', panel(html))
    assert rows == [(edit_url(sooner), "Demain"), (edit_url(soon), "Dans trois jours")]


def test_the_panel_shows_at_most_ten_offers(superuser_client, make_offer):
    for hours in range(12):
        make_offer(title=f"Offre {hours:02d}", valid_through=in_days(1) + timedelta(hours=hours))

    rows = re.findall(
        r'<a href="[^"]+">([^<]+)</a>',
        panel(superuser_client.get(reverse("wagtailadmin_home")).content.decode()),
    )

    assert rows == [f"Offre {hours:02d}" for hours in range(10)]


def test_no_panel_without_an_offer_closing_soon(superuser_client, make_offer):
    make_offer(valid_through=in_days(10))

    html = superuser_client.get(reverse("wagtailadmin_home")).content.decode()

    assert PANEL_HEADING not in html


# Permissions --------------------------------------------------------------------------------


def test_an_editor_of_other_pages_sees_no_offer(make_editor, career_index, offers, make_offer):
    soon = make_offer(title="Bientôt", valid_through=in_days(3))
    client = make_editor(career_index)

    response = client.get(reverse(LISTING))
    assert response.status_code == 200
    assert listed(response.content.decode(), soon, offers["open"], offers["draft"]) == []

    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert PANEL_HEADING not in html and "Bientôt" not in html


def test_an_editor_of_the_job_index_sees_its_offers(make_editor, job_index, offers, make_offer):
    soon = make_offer(title="Bientôt", valid_through=in_days(3))
    client = make_editor(job_index)

    html = client.get(reverse(LISTING)).content.decode()
    assert listed(html, soon, offers["open"], offers["draft"]) == ["Bientôt", "Analyste", "Juriste"]

    rows = re.findall(
        r'<a href="[^"]+">([^<]+)</a>',
        panel(client.get(reverse("wagtailadmin_home")).content.decode()),
    )
    assert rows == ["Bientôt", "Analyste"]


def test_a_user_without_page_permissions_gets_no_listing(client, django_user_model, offers):
    user = django_user_model.objects.create_user("lecteur", "l@example.com", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(reverse(LISTING))

    assert response.status_code in (302, 403)
    assert "Analyste" not in client.get(reverse("wagtailadmin_home")).content.decode()
