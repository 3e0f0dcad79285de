"""An editor adds an employer with a logo and reorders the employers in the Wagtail admin; the
article sidebar follows at once (its cached list is cleared on save and on reorder).

The new employer is deleted at the end, through the admin too, so the other tests see the
demo's employers.
"""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from .demo_facts import EMPLOYERS
from .people import sign_in_to_admin

ARTICLE = "/carriere/reussir-entrevue-video/"
NAME = "Studio Aurore"
CAREERS_URL = "https://studio-aurore.example/emplois"
EMPLOYERS_ADMIN = "/admin/snippets/wagtail_career_employers/employer/"


def logo_png():
    image = Image.new("RGB", (240, 120), (200, 70, 30))
    image.paste((255, 255, 255), (90, 30, 150, 90))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def sidebar_employers(page):
    section = page.get_by_role("region", name="Les employeurs qui recrutent")
    return section.locator(".career-employer__name")


def expect_sidebar(page, names):
    """The sidebar's employers in order (each name links to its profile on the demo's job
    offers index)."""
    page.reload()
    expect(sidebar_employers(page)).to_have_text(list(names))


def add_employer(admin):
    menu = admin.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Carrière").click()
    menu.get_by_role("link", name="Employeurs").click()
    admin.get_by_role("link", name="Ajouter un(e) employeur").click()

    admin.get_by_role("textbox", name="Nom").fill(NAME)
    admin.get_by_role("button", name="Choisir une image").click()
    chooser = admin.get_by_role("dialog")
    chooser.get_by_role("tab", name="Transférer").click()
    upload = chooser.get_by_role("tabpanel", name="Transférer")
    upload.locator("input[type=file]").set_input_files(
        files=[{"name": "studio-aurore.png", "mimeType": "image/png", "buffer": logo_png()}]
    )
    expect(upload.get_by_role("textbox", name="Titre")).to_have_value("studio-aurore")
    upload.get_by_role("button", name="Transférer").click()
    expect(admin.get_by_role("region", name="Logo")).to_contain_text("studio-aurore")

    admin.get_by_role("textbox", name="Site Web").fill("https://studio-aurore.example/")
    admin.get_by_role("textbox", name="Page carrières").fill(CAREERS_URL)
    admin.get_by_role("button", name="Enregistrer").click()
    expect(admin.get_by_role("status")).to_contain_text(f"Employeur « {NAME} » créé(e).")


def move_to_top(admin, name):
    """Reorder with the listing's drag handle, by keyboard: focus it, Up to the top, Enter."""
    admin.goto(EMPLOYERS_ADMIN)
    admin.get_by_role("button", name="Actions").click()
    admin.get_by_role("link", name="Ajuster l'ordre des éléments").click()
    rows = admin.locator("tbody tr")
    handle = rows.filter(has_text=name).get_by_role("button", name="Glisser")
    handle.focus()
    for _ in range(rows.count() - 1):
        handle.press("ArrowUp")
    expect(rows.first).to_contain_text(name)
    with admin.expect_response(lambda r: "/reorder/" in r.url and r.request.method == "POST") as r:
        handle.press("Enter")
    assert r.value.ok


def delete_employer(admin, name):
    admin.goto(EMPLOYERS_ADMIN)
    admin.get_by_role("button", name=f"Plus d’options pour « {name} »").click()
    admin.get_by_role("link", name="Supprimer").click()
    admin.get_by_role("button", name="Oui, supprimer").click()
    expect(admin.get_by_role("status")).to_contain_text("supprimé")


@pytest.fixture
def admin(page):
    sign_in_to_admin(page)
    yield page
    # Leave the demo's employers as the other tests expect them, whatever happened above.
    page.goto(EMPLOYERS_ADMIN)
    if page.get_by_role("link", name=NAME, exact=True).count():
        delete_employer(page, NAME)


def test_editor_adds_an_employer_with_a_logo_and_reorders_the_sidebar(admin, new_page):
    visitor = new_page()
    visitor.goto(ARTICLE)
    expect_sidebar(visitor, EMPLOYERS)

    add_employer(admin)
    expect_sidebar(visitor, [*EMPLOYERS, NAME])
    new_entry = visitor.get_by_role("listitem").filter(has_text=NAME)
    # Its name leads to its profile (the demo has job offers), which links its careers page.
    expect(new_entry.get_by_role("link")).to_have_attribute(
        "href", "/offres-emploi/employers/studio-aurore/"
    )
    profile = new_page()
    profile.goto("/offres-emploi/employers/studio-aurore/")
    expect(profile.locator(f'main a[href="{CAREERS_URL}"]')).to_have_count(1)
    logo = new_entry.get_by_role("img", name=f"Logo de {NAME}")
    logo.scroll_into_view_if_needed()  # it loads lazily
    visitor.wait_for_function("img => img.complete && img.naturalWidth", arg=logo.element_handle())

    move_to_top(admin, NAME)
    expect_sidebar(visitor, [NAME, *EMPLOYERS])

    delete_employer(admin, NAME)
    expect_sidebar(visitor, EMPLOYERS)
