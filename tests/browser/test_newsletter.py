"""The newsletter in Chromium, with real mail: a visitor subscribes from an article's sidebar,
confirms from the link in the mail, gets a digest when an article is published, and
unsubscribes from the digest's link. Also without JavaScript, and by keyboard only.

The demo site sends its mail to the session's loopback SMTP server (conftest.py) and its
Wagtail site answers at the demo server's address, so the links in the mail are followed
as they are.
"""

import re

import pytest
from playwright.sync_api import expect

from .keyboard import tab_through, tab_to
from .mailbox import links_in, text_of

ARTICLE = "/carriere/reussir-entrevue-video/"
THANKS = (
    "Merci! Si cette adresse peut recevoir notre infolettre, vous recevrez un courriel avec un "
    "lien pour confirmer votre abonnement. Consultez votre boîte de réception."
)
CONFIRM_SUBJECT = "Confirmez votre abonnement à l’infolettre de Boréal Talents"
DIGEST_SUBJECT = "Les nouveaux articles Carrière de Boréal Talents"
NEW_ARTICLE = {"slug": "nouvel-article-infolettre", "title": "Un nouvel article pour l'infolettre"}

PUBLISH = """
from django.utils import timezone
from wagtail_career.pages.models import ArticlePage, CareerIndexPage
page = ArticlePage(title={title!r}, slug={slug!r}, date=timezone.localdate(), intro="Nouveau.")
CareerIndexPage.objects.get(slug="carriere").add_child(instance=page)
page.save_revision().publish()
print(page.full_url)
"""
DELETE = """
from wagtail_career.pages.models import ArticlePage
ArticlePage.objects.filter(slug={slug!r}).delete()
"""


def newsletter_box(page):
    return page.get_by_role("complementary").locator(".career-newsletter")


def fill_signup(page, email):
    box = newsletter_box(page)
    box.get_by_role("textbox", name="Adresse courriel").fill(email)
    box.get_by_role("checkbox", name=re.compile("^J’accepte de recevoir")).check()
    box.get_by_role("button", name="S’abonner").click()


def confirm_from_mail(page, mailbox, email, demo_site):
    """Open the link of the confirmation mail: a GET only asks, the button confirms."""
    (link,) = links_in(mailbox.wait_for(email, CONFIRM_SUBJECT), "/newsletter/confirm/")
    assert link.startswith(f"{demo_site}/career/newsletter/confirm/")
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmez votre abonnement")
    expect(page.get_by_role("main")).to_contain_text(email)
    # Opening the link (a mail scanner does) confirms nothing: the question is still asked.
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmez votre abonnement")

    page.get_by_role("button", name="Confirmer mon abonnement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Abonnement confirmé")
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Abonnement déjà confirmé")
    return link


@pytest.fixture
def new_article(demo):
    """Publish an article in the demo's database (as an editor would) and remove it after."""
    yield demo.shell(PUBLISH.format(**NEW_ARTICLE)).strip()
    demo.shell(DELETE.format(**NEW_ARTICLE))


def test_visitor_subscribes_confirms_gets_a_digest_and_unsubscribes(
    page, mailbox, demo, demo_site, request
):
    email = "abonnee@example.com"
    page.goto(ARTICLE)
    fill_signup(page, email)
    # Answered in place, with focus moved to the answer.
    expect(page).to_have_url(re.compile(re.escape(ARTICLE) + "$"))
    message = newsletter_box(page).get_by_role("status")
    expect(message).to_have_text(THANKS)
    expect(message).to_be_focused()

    confirm_from_mail(page, mailbox, email, demo_site)

    # An article published after the confirmation goes out in the next digest.
    article_url = request.getfixturevalue("new_article")
    assert article_url == f"{demo_site}/carriere/{NEW_ARTICLE['slug']}/"
    assert "1 digest(s) written, 1 sent" in demo.manage("send_career_digest")
    digest = mailbox.wait_for(email, DIGEST_SUBJECT)
    body = text_of(digest)
    assert NEW_ARTICLE["title"] in body and article_url in body
    assert "Négocier son salaire" not in body  # published before the subscription
    (unsubscribe,) = links_in(digest, "/newsletter/unsubscribe/")
    assert digest["List-Unsubscribe"].strip() == f"<{unsubscribe}>"

    page.goto(unsubscribe)
    expect(page.get_by_role("heading", level=1)).to_have_text("Se désabonner de l’infolettre")
    expect(page.get_by_role("main")).to_contain_text(email)
    page.get_by_role("button", name="Se désabonner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vous êtes désabonné")
    expect(page.get_by_role("main")).to_contain_text("Vous ne recevrez plus l’infolettre.")
    # The article opens from the digest's link.
    page.goto(article_url)
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_ARTICLE["title"])


def test_visitor_subscribes_without_javascript(page_without_js, mailbox, demo_site):
    page, email = page_without_js, "sans-js@example.com"
    page.goto(ARTICLE)
    fill_signup(page, email)
    # The form posts to the signup page, which answers and leads back to the article.
    expect(page).to_have_url(f"{demo_site}/career/newsletter/")
    expect(page.get_by_role("main").get_by_role("status")).to_have_text(THANKS)
    page.get_by_role("link", name="Retour à la page que vous lisiez").click()
    expect(page).to_have_url(f"{demo_site}{ARTICLE}")

    confirm_from_mail(page, mailbox, email, demo_site)


def test_keyboard_user_subscribes_and_confirms(page, mailbox, demo_site):
    email = "clavier@example.com"
    page.goto(ARTICLE)
    box = newsletter_box(page)
    tab_to(page, box.get_by_role("textbox", name="Adresse courriel"))
    page.keyboard.type(email)
    consent = box.get_by_role("checkbox", name=re.compile("^J’accepte de recevoir"))
    tab_to(page, consent)
    page.keyboard.press("Space")
    expect(consent).to_be_checked()
    tab_to(page, box.get_by_role("button", name="S’abonner"))
    page.keyboard.press("Enter")
    expect(box.get_by_role("status")).to_be_focused()

    (link,) = links_in(mailbox.wait_for(email, CONFIRM_SUBJECT), "/newsletter/confirm/")
    page.goto(link)
    tab_through(page)  # every control of the page, each with a visible focus
    page.evaluate("document.activeElement && document.activeElement.blur()")
    tab_to(page, page.get_by_role("button", name="Confirmer mon abonnement"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Abonnement confirmé")


def test_keyboard_user_unsubscribes(page, make_subscription):
    page.goto(make_subscription("clavier-depart@example.com")["unsubscribe"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Se désabonner de l’infolettre")
    tab_through(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    tab_to(page, page.get_by_role("button", name="Se désabonner"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vous êtes désabonné")
