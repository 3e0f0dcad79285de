"""Fixtures for the browser tests: the demo site on loopback and Debian's Chromium.

Every test in this folder gets the ``browser`` marker. Locally, a missing Chromium skips
them with the install command; in CI (``CI`` set) it fails them, so a CI machine without
the browser can never pass by skipping.
"""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.smtp import SMTPServer

from .chromium import DESKTOP, launch, require_chromium
from .demo_server import DemoServer

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def _chromium_available():
    require_chromium()


@pytest.fixture(scope="session")
def smtp_server(_chromium_available):
    """The loopback SMTP server the demo site sends its mail to, for the whole session."""
    with SMTPServer() as server:
        yield server


@pytest.fixture
def mailbox(smtp_server):
    return smtp_server.mailbox


@pytest.fixture(scope="session")
def demo(smtp_server):
    """The example site with its demo content, served for the whole session (one server:
    tests that change the content leave the demo as the others expect it)."""
    with DemoServer(env=smtp_server.env) as server:
        yield server


@pytest.fixture(scope="session")
def demo_site(demo):
    """The demo's base URL."""
    return demo.url


# A pending subscription made in the demo's database, and its links' tokens made with the
# package's own token functions.
NEW_SUBSCRIPTION = """
from django.utils import timezone
from wagtail.models import Site
from wagtail_career.newsletter.models import Subscription
from wagtail_career.newsletter.tokens import make_confirmation_token, make_unsubscribe_token
subscription = Subscription.objects.create(
    site=Site.objects.get(is_default_site=True), email={email!r}, language="fr",
    consent_text="J'accepte.", consent_given_at=timezone.now(),
)
print(make_confirmation_token(subscription), make_unsubscribe_token(subscription))
"""


@pytest.fixture(scope="session")
def make_subscription(demo):
    """Create a pending subscription for an address; return its confirmation and unsubscribe
    paths (French; prefix them with /en for English)."""

    def make(email):
        confirm, unsubscribe = demo.shell(NEW_SUBSCRIPTION.format(email=email)).split()
        return {
            "confirm": f"/career/newsletter/confirm/{confirm}/",
            "unsubscribe": f"/career/newsletter/unsubscribe/{unsubscribe}/",
        }

    return make


@pytest.fixture(scope="session")
def browser(_chromium_available):
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


def _context(browser, demo_site, **options):
    context = browser.new_context(base_url=demo_site, **options)
    # A missing element should fail a test in seconds, not after Playwright's 30.
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def page(browser, demo_site):
    """A fresh visitor (no cookies) at desktop width."""
    context = _context(browser, demo_site, viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def page_without_js(browser, demo_site):
    """A fresh visitor whose browser has JavaScript turned off."""
    context = _context(browser, demo_site, viewport=DESKTOP, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def new_page(browser, demo_site):
    """A factory for pages with other options (viewport, locale); closed after the test."""
    contexts = []

    def make(viewport=DESKTOP, **options):
        context = _context(browser, demo_site, viewport=viewport, **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
