"""The demo's accounts (created by load_career_demo) and how each signs in."""

from playwright.sync_api import expect

READER = {"username": "lecteur", "password": "demo-lecteur-2026", "name": "Julie Morin"}
ADMIN = {"username": "admin", "password": "demo-admin-2026"}


def fill_sign_in_form(page, account):
    """Fill and send the sign-in form on the page (the site's or the Wagtail admin's)."""
    page.locator("input[name=username]").fill(account["username"])
    page.locator("input[name=password]").fill(account["password"])
    page.locator("input[name=password]").press("Enter")


def sign_in_to_admin(page, account=ADMIN):
    page.goto("/admin/login/")
    fill_sign_in_form(page, account)
    page.wait_for_url("**/admin/")
    expect(page.get_by_role("navigation", name="Menu principal")).to_be_visible()
