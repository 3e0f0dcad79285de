"""Editors manage employers through the snippet admin under the Career menu."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation

from wagtail_career.employers.models import Employer

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture(autouse=True)
def _french():
    with translation.override("fr"):
        yield


def url(name, *args):
    return reverse(f"wagtailsnippets_wagtail_career_employers_employer:{name}", args=args)


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def make_editor(client, django_user_model):
    """A client logged in as an editor with admin access and the given employer permissions."""

    def make(*codenames):
        user = django_user_model.objects.create_user("editor", "editor@example.com", "pw")
        group = Group.objects.create(name="Rédaction")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        group.permissions.add(*Permission.objects.filter(codename__in=codenames))
        user.groups.add(group)
        client.force_login(user)
        return client

    return make


def order():
    return list(Employer.objects.order_by("sort_order").values_list("name", flat=True))


def test_employers_are_in_the_career_menu(superuser_client):
    html = superuser_client.get(reverse("wagtailadmin_home")).content.decode()

    assert url("list") in html
    assert "Employeurs" in html


def test_create_an_employer(superuser_client, make_image):
    logo = make_image("Logo Desjardins", size=(120, 60))

    response = superuser_client.post(
        url("add"),
        {
            "name": "Desjardins",
            "logo": logo.pk,
            "website": "https://desjardins.example/",
            "careers_url": "https://desjardins.example/emplois",
            "description": "Coopérative financière.",
            "is_recruiting": "on",
        },
    )

    assert response.status_code == 302
    employer = Employer.objects.get()
    assert (employer.name, employer.logo, employer.link_url) == (
        "Desjardins",
        logo,
        "https://desjardins.example/emplois",
    )
    assert employer.is_recruiting and employer.sort_order == 0


def test_create_rejects_bad_input_and_keeps_it(superuser_client):
    response = superuser_client.post(
        url("add"), {"name": "Desjardins", "website": "pas une adresse", "description": "x" * 301}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Desjardins"' in html
    assert "Saisissez une URL valide." in html
    assert "Champ requis." in html  # the logo
    assert "au plus 300 caractères" in html
    assert not Employer.objects.exists()


def test_listing_search_and_filter(superuser_client, make_employer):
    make_employer("Desjardins", description="Coopérative financière")
    make_employer("La Presse", is_recruiting=False)

    listing = superuser_client.get(url("list")).content.decode()
    assert "Desjardins" in listing and "La Presse" in listing

    searched = superuser_client.get(url("list"), {"q": "coopérative"}).content.decode()
    assert "Desjardins" in searched and "La Presse" not in searched

    filtered = superuser_client.get(url("list"), {"is_recruiting": "false"}).content.decode()
    assert "La Presse" in filtered and "Desjardins" not in filtered


def test_listing_offers_drag_and_drop_ordering(superuser_client, make_employer):
    employer = make_employer("Desjardins")

    html = superuser_client.get(url("list"), {"ordering": "sort_order"}).content.decode()

    assert f'data-w-orderable-url-value="{url("reorder", 999999)}"' in html
    assert f'data-w-orderable-item-id="{employer.pk}"' in html


def test_reorder_through_the_admin_endpoint(superuser_client, make_employer):
    for name in ["Desjardins", "Gowling WLG", "La Presse", "ZSA"]:
        make_employer(name)
    zsa = Employer.objects.get(name="ZSA")

    response = superuser_client.post(url("reorder", zsa.pk) + "?position=1", **XHR)

    assert response.status_code == 200
    assert order() == ["Desjardins", "ZSA", "Gowling WLG", "La Presse"]


def test_edit_and_delete(superuser_client, make_employer):
    employer = make_employer("Desjardins")

    superuser_client.post(
        url("edit", employer.pk),
        {"name": "Desjardins", "logo": employer.logo.pk, "website": "https://d.example/"},
    )
    employer.refresh_from_db()
    assert employer.is_recruiting is False  # an unchecked box
    assert employer.website == "https://d.example/"

    superuser_client.post(url("delete", employer.pk))
    assert not Employer.objects.exists()


def test_editor_without_permissions_changes_nothing(make_editor, make_employer, make_image):
    client = make_editor()
    employer = make_employer("Desjardins")
    make_employer("ZSA")
    logo = make_image()

    # The admin's JavaScript asks with XMLHttpRequest: a plain 403.
    assert client.post(url("reorder", employer.pk) + "?position=1", **XHR).status_code == 403
    assert client.get(url("list"), **XHR).status_code == 403
    # A browser navigation is sent back to the dashboard with an error message, as everywhere
    # in Wagtail's admin.
    for response in [
        client.get(url("list")),
        client.post(
            url("add"), {"name": "Pirate", "logo": logo.pk, "website": "https://p.example/"}
        ),
        client.post(url("edit", employer.pk), {"name": "Changé", "website": "https://p.example/"}),
        client.post(url("delete", employer.pk)),
    ]:
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")

    assert order() == ["Desjardins", "ZSA"]
    assert Employer.objects.get(pk=employer.pk).website == employer.website


def test_editor_who_may_add_cannot_reorder(make_editor, make_employer):
    client = make_editor("add_employer")
    desjardins = make_employer("Desjardins")
    make_employer("ZSA")

    assert client.get(url("add")).status_code == 200
    assert client.post(url("reorder", desjardins.pk) + "?position=1", **XHR).status_code == 403
    assert order() == ["Desjardins", "ZSA"]


def test_editor_with_change_permission_can_reorder(make_editor, make_employer):
    client = make_editor("change_employer")
    desjardins = make_employer("Desjardins")
    make_employer("ZSA")

    assert client.post(url("reorder", desjardins.pk) + "?position=1", **XHR).status_code == 200
    assert order() == ["ZSA", "Desjardins"]
