"""Comments in Chromium: a reader signs in and posts (with and without JavaScript), and a
moderator approves a held comment with the Wagtail admin's own buttons.

The demo's discussion is on ARTICLE: three published comments and one held for moderation,
by "Visiteur pressé". The demo's policy: signed-in readers only, every comment held.
"""

import re

import pytest
from playwright.sync_api import expect

from .people import READER, fill_sign_in_form, sign_in_to_admin

ARTICLE = "/carriere/negocier-son-salaire/"
SIGN_IN_SENTENCE = "Vous devez être connecté pour publier un commentaire."
AWAITS_MODERATION = "Merci! Votre commentaire attend la modération et paraîtra une fois approuvé."
HELD_AUTHOR = "Visiteur pressé"
HELD_TEXT = "Un commentaire qui attend la modération (visible seulement dans l'administration)."


def comment_section(page):
    return page.locator("#comments")


@pytest.mark.parametrize("visitor", ["page", "page_without_js"])
def test_visitor_signs_in_and_posts_a_comment_held_for_moderation(request, visitor):
    page = request.getfixturevalue(visitor)
    text = f"Merci pour ces conseils ({visitor})."
    page.goto(ARTICLE)
    comments = comment_section(page)
    expect(comments.get_by_role("heading", name="Laisser un commentaire")).to_be_visible()
    expect(comments.locator(".career-comments__login")).to_have_text(
        f"{SIGN_IN_SENTENCE} Se connecter"
    )
    expect(comments.get_by_role("textbox")).to_have_count(0)

    comments.get_by_role("link", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Se connecter")
    fill_sign_in_form(page, READER)

    # Back on the article, at its comments, now with the form.
    expect(page).to_have_url(re.compile(re.escape(ARTICLE) + "#comments$"))
    expect(comments.locator(".career-comments__login")).to_have_count(0)
    comments.get_by_role("textbox", name="Commentaire").fill(text)
    comments.get_by_role("button", name="Publier le commentaire").click()

    expect(page).to_have_url(re.compile(re.escape(ARTICLE) + "#comments$"))
    # The message is said once, next to the comments, not again in the site's message area.
    expect(comments.get_by_role("status")).to_have_text(AWAITS_MODERATION)
    expect(page.get_by_text(AWAITS_MODERATION)).to_have_count(1)
    # Held: not shown to anyone yet, not even its author.
    expect(comments.get_by_text(text)).to_have_count(0)
    page.reload()
    expect(comments.get_by_role("status")).to_have_count(0)


def test_moderator_approves_a_held_comment_in_the_admin(page, new_page):
    visitor = new_page()
    visitor.goto(ARTICLE)
    expect(comment_section(visitor).get_by_role("heading", level=2)).to_have_text("3 commentaires")
    expect(visitor.get_by_text(HELD_TEXT)).to_have_count(0)

    sign_in_to_admin(page)
    menu = page.get_by_role("navigation", name="Menu principal")
    menu.get_by_role("button", name="Carrière").click()
    menu.get_by_role("link", name="Commentaires").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Commentaires")
    page.get_by_role("link", name="En attente").click()
    row = page.get_by_role("row").filter(has_text=HELD_AUTHOR)
    expect(row.get_by_role("cell", name="En attente")).to_be_visible()

    row.get_by_role("button", name="Approuver").click()
    expect(page.get_by_text("1 commentaire approuvé.")).to_be_visible()
    # No longer pending: gone from the pending list, published in the full one.
    expect(page.get_by_role("row").filter(has_text=HELD_AUTHOR)).to_have_count(0)
    page.get_by_role("link", name="Publié").click()
    expect(
        page.get_by_role("row").filter(has_text=HELD_AUTHOR).get_by_role("cell", name="Publié")
    ).to_be_visible()

    visitor.reload()
    expect(comment_section(visitor).get_by_role("heading", level=2)).to_have_text("4 commentaires")
    approved = comment_section(visitor).get_by_role("article", name=HELD_AUTHOR)
    expect(approved).to_contain_text(HELD_TEXT)
