"""Editors and the "Newsletter subscribers" listing: filters, inspect, exports, permissions."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Site

from wagtail_career.newsletter.models import NewsletterDelivery, Subscription

INDEX = "/admin/wagtail_career_newsletter/subscription/"


def _subscription(email_address, **fields):
    fields.setdefault("status", "confirmed")
    fields.setdefault("language", "fr")
    fields.setdefault("consent_text", "J’accepte…")
    return Subscription.objects.create(
        site=Site.objects.get(), email=email_address, consent_given_at=timezone.now(), **fields
    )


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def editor(client, django_user_model):
    """A user with admin access but no permission on subscribers."""
    user = django_user_model.objects.create_user("editor", "e@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def test_listing_in_the_career_menu_with_filters_and_search(admin):
    _subscription("lea@example.com")
    _subscription("sam@example.com", status="pending", language="en")
    home = admin.get("/admin/").content.decode()
    assert INDEX in home  # the menu item, inside the Career menu
    assert "Abonn\\u00e9s \\u00e0 l'infolettre" in home
    listing = admin.get(INDEX)
    assert listing.status_code == 200
    assert "lea@example.com" in listing.content.decode()
    pending = admin.get(INDEX, {"status__exact": "pending"}).content.decode()
    assert "sam@example.com" in pending and "lea@example.com" not in pending
    english = admin.get(INDEX, {"language__exact": "en"}).content.decode()
    assert "sam@example.com" in english and "lea@example.com" not in english
    found = admin.get(INDEX, {"q": "LEA@"}).content.decode()
    assert "lea@example.com" in found and "sam@example.com" not in found


def test_inspect_shows_the_consent_record_and_no_add_or_other_edit(admin):
    subscription = _subscription("lea@example.com", consent_url="/carriere/article/")
    page = admin.get(f"{INDEX}inspect/{subscription.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "J’accepte…" in html and "/carriere/article/" in html
    assert admin.get(f"{INDEX}create/").status_code in (302, 403)
    # Editing changes only the digest's language (tests/test_i18n_pages.py).
    edit = admin.get(f"{INDEX}edit/{subscription.pk}/").content.decode()
    assert 'name="language"' in edit and 'name="email"' not in edit


def test_csv_and_xlsx_exports_neutralise_formulas(admin):
    _subscription("=cmd@example.com", consent_url="+1+1", consent_text="@SUM(A1)")
    _subscription("-2@example.com")
    response = admin.get(INDEX, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'=cmd@example.com" in cells and "'+1+1" in cells and "'@SUM(A1)" in cells
    assert "'-2@example.com" in cells
    assert not any(cell[:1] in "=+-@" and cell for cell in cells)

    response = admin.get(INDEX, {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [cell.value for row in workbook.active.iter_rows(min_row=2) for cell in row]
    strings = [v for v in values if isinstance(v, str)]
    assert "'=cmd@example.com" in strings
    assert not any(v[:1] in "=+-@" and v for v in strings)


def test_delete_erases_the_data(admin, article):
    subscription = _subscription("lea@example.com")
    NewsletterDelivery.objects.create(subscription=subscription, sent_until=timezone.now())
    response = admin.post(f"{INDEX}delete/{subscription.pk}/")
    assert response.status_code == 302
    # Deleting erases: the address is gone, the anonymised row keeps the proof.
    assert not Subscription.objects.filter(email__iexact="lea@example.com").exists()
    assert Subscription.objects.get(pk=subscription.pk).erased_at is not None


def test_users_without_permission_neither_see_nor_export(editor):
    subscription = _subscription("lea@example.com")
    assert INDEX not in editor.get("/admin/").content.decode()
    for url in (
        INDEX,
        f"{INDEX}?export=csv",
        f"{INDEX}?export=xlsx",
        f"{INDEX}inspect/{subscription.pk}/",
    ):
        response = editor.get(url)
        assert response.status_code in (302, 403), url
        assert b"lea@example.com" not in response.content
    assert editor.post(f"{INDEX}delete/{subscription.pk}/").status_code in (302, 403)
    assert Subscription.objects.exists()


def test_view_permission_lists_and_exports(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", "v@example.com", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_subscription"),
    )
    client.force_login(user)
    _subscription("lea@example.com")
    assert b"lea@example.com" in client.get(INDEX).content
    assert client.get(INDEX, {"export": "csv"}).status_code == 200
