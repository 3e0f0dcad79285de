"""Share links, the contact call to action and related articles: what visitors and editors see."""

import re
from datetime import date
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from wagtail_career.models import CareerSettings
from wagtail_career.sharing import share_links, validate_link

TRICKY_TITLE = "Salaire & avantages : 100 % négociable? #emploi"


def share_hrefs(html):
    """{accessible name: href} of the share section's links."""
    section = html[
        html.index('class="career-share"') : html.index(
            "</section>", html.index('class="career-share"')
        )
    ]
    return {
        unescape(label): unescape(href)
        for href, label in re.findall(
            r'<a class="career-share__link[^"]*" href="([^"]+)" aria-label="([^"]+)"', section
        )
    }


@pytest.fixture
def tricky_article(make_article, make_author):
    return make_article(
        title=TRICKY_TITLE, slug="salaire-avantages", authors=[make_author()], date=date(2026, 1, 5)
    )


def test_share_links_carry_the_encoded_full_url_and_title(client, tricky_article):
    html = client.get(tricky_article.url).content.decode()
    full_url = tricky_article.get_full_url()
    assert full_url.startswith("http://")
    links = share_hrefs(html)

    assert list(links) == [
        "Partager sur Facebook",
        "Partager sur LinkedIn",
        "Partager sur X",
        "Partager sur Bluesky",
        "Partager sur WhatsApp",
        "Partager par courriel",
    ]
    facebook = urlsplit(links["Partager sur Facebook"])
    assert (facebook.netloc, facebook.path) == ("www.facebook.com", "/sharer/sharer.php")
    assert parse_qs(facebook.query) == {"u": [full_url]}
    assert parse_qs(urlsplit(links["Partager sur LinkedIn"]).query) == {"url": [full_url]}
    assert parse_qs(urlsplit(links["Partager sur X"]).query) == {
        "text": [TRICKY_TITLE],
        "url": [full_url],
    }
    assert parse_qs(urlsplit(links["Partager sur Bluesky"]).query) == {
        "text": [f"{TRICKY_TITLE} {full_url}"]
    }
    assert parse_qs(urlsplit(links["Partager sur WhatsApp"]).query) == {
        "text": [f"{TRICKY_TITLE} {full_url}"]
    }
    mail = urlsplit(links["Partager par courriel"])
    assert mail.scheme == "mailto"
    assert parse_qs(mail.query) == {"subject": [TRICKY_TITLE], "body": [full_url]}
    # Every reserved character is percent-encoded, spaces as %20 (mail clients show "+").
    for href in links.values():
        query = urlsplit(href).query
        assert "+" not in query and " " not in query and "#" not in query
        for part in query.split("&"):
            assert part.count("=") == 1
    assert "%3A%2F%2F" in links["Partager sur LinkedIn"]


def test_share_section_works_without_javascript_and_loads_no_third_party_script(client, article):
    html = client.get(article.url).content.decode()
    assert "Partagez cette nouvelle!" in html
    scripts = re.findall(r"<script[^>]*src=\"([^\"]+)\"", html)
    assert "/static/wagtail_career/js/share.js" in scripts
    assert all(src.startswith("/static/wagtail_career/js/") for src in scripts)
    # The buttons that need JavaScript are hidden until share.js reveals them.
    assert re.search(
        r"<li data-career-share-copy hidden><button[^>]*>Copier le lien</button>", html
    )
    assert re.search(r"<li data-career-share-native hidden><button", html)
    assert 'role="status"' in html


def test_share_section_in_english(client, article):
    html = client.get("/en" + article.url).content.decode()
    assert "Share this article!" in html
    links = share_hrefs(html)
    assert "Share on LinkedIn" in links and "Share by email" in links
    assert parse_qs(urlsplit(links["Share on LinkedIn"]).query)["url"] == [
        "http://localhost/en/carriere/" + article.slug + "/"
    ]


def test_networks_are_chosen_in_the_site_settings(client, article):
    settings = CareerSettings.for_site(Site.objects.get(is_default_site=True))
    settings.share_on_facebook = False
    settings.share_on_whatsapp = False
    settings.share_copy_link = False
    settings.save()
    html = client.get(article.url).content.decode()
    assert list(share_hrefs(html)) == [
        "Partager sur LinkedIn",
        "Partager sur X",
        "Partager sur Bluesky",
        "Partager par courriel",
    ]
    assert "data-career-share-copy" not in html

    settings.share_on_linkedin = settings.share_on_x = settings.share_on_bluesky = False
    settings.share_by_email = False
    settings.save()
    html = client.get(article.url).content.decode()
    assert 'class="career-share"' not in html


def test_share_links_without_settings_offer_every_network():
    links = share_links("https://example.com/a b/", "Titre")
    assert [link.key for link in links] == [
        "facebook",
        "linkedin",
        "x",
        "bluesky",
        "whatsapp",
        "email",
    ]
    assert (
        links[0].href
        == "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.com%2Fa%20b%2F"
    )


def test_share_script_is_served(client):
    from django.contrib.staticfiles import finders

    path = finders.find("wagtail_career/js/share.js")
    assert path
    with open(path) as file:
        source = file.read()
    assert "navigator.share" in source and "navigator.clipboard" in source
    assert "http" not in source.replace("https://", "")  # fetches nothing from anywhere


# -- Contact call to action ------------------------------------------------------------


def test_contact_cta_sidebar_defaults_in_french_and_english(client, article):
    html = client.get(article.url).content.decode()
    sidebar = html[html.index('<aside class="career-sidebar"') : html.index("</aside>")]
    assert "Vous avez des questions?" in sidebar
    assert "Nous sommes ici pour vous aider." in sidebar
    assert "career-contact-cta__link" not in sidebar  # no target configured yet

    html = client.get("/en" + article.url).content.decode()
    assert "Have questions?" in html and "We are here to help." in html


def test_contact_cta_from_site_settings(client, article, career_index):
    settings = CareerSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_cta_heading = "Besoin d'un coup de main <vite>?"
    settings.contact_cta_text = "Écrivez-nous."
    settings.contact_cta_page = career_index
    settings.contact_cta_link_text = "Nous joindre"
    settings.save()
    html = client.get(article.url).content.decode()
    assert "Besoin d&#x27;un coup de main &lt;vite&gt;?" in html
    assert "Écrivez-nous." in html
    assert '<a class="career-contact-cta__link" href="/carriere/">Nous joindre</a>' in html

    settings.contact_cta_page = None
    settings.contact_cta_url = "mailto:aide@example.com"
    settings.save()
    html = client.get(article.url).content.decode()
    assert 'href="mailto:aide@example.com">Nous joindre</a>' in html

    settings.contact_cta_in_sidebar = False
    settings.save()
    assert "career-contact-cta" not in client.get(article.url).content.decode()


def test_contact_cta_block_in_the_body_falls_back_to_settings(client, make_article, career_index):
    settings = CareerSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_cta_url = "https://example.com/contact/"
    settings.contact_cta_in_sidebar = False
    settings.save()
    page = make_article(
        body=[
            ("contact_cta", {"heading": "", "text": "", "page": None, "link_text": ""}),
            (
                "contact_cta",
                {"heading": "Un projet?", "text": "", "page": career_index, "link_text": "Voir"},
            ),
        ]
    )
    html = client.get(page.url).content.decode()
    body = html[html.index('<div class="career-body">') : html.index('class="career-share"')]
    assert body.count('class="career-contact-cta"') == 2
    assert "Vous avez des questions?" in body
    assert 'href="https://example.com/contact/">Contactez-nous</a>' in body
    assert "Un projet?" in body and 'href="/carriere/">Voir</a>' in body


@pytest.mark.parametrize(
    "value, valid",
    [
        ("https://example.com/contact/", True),
        ("mailto:aide@example.com", True),
        ("tel:+15145550000", True),
        ("/nous-joindre/", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("//evil.example/", False),
        ("data:text/html,x", False),
    ],
)
def test_contact_link_accepts_only_safe_addresses(value, valid):
    from django.core.exceptions import ValidationError

    if valid:
        validate_link(value)
    else:
        with pytest.raises(ValidationError):
            validate_link(value)


def test_editor_sets_networks_and_call_to_action_in_the_admin(
    client, django_user_model, article, post_career_settings
):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(admin)
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/wagtail_career/careersettings/{site.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Partage" in response.content.decode()
    data = {
        # Unticked boxes are left out of the POST, as a browser does.
        "share_on_facebook": None,
        "share_on_x": None,
        "share_on_bluesky": None,
        "share_on_whatsapp": None,
        "share_copy_link": None,
        "share_on_linkedin": "on",
        "share_by_email": "on",
        "contact_cta_heading": "Des questions?",
        "contact_cta_text": "",
        "contact_cta_url": "javascript:alert(1)",
        "contact_cta_link_text": "",
    }
    response = post_career_settings(site, **data)
    assert response.status_code == 200  # re-rendered with the error, the visitor's text kept
    html = response.content.decode()
    assert "Saisissez une adresse commençant par https://" in html
    assert 'value="Des questions?"' in html
    assert CareerSettings.for_site(site).contact_cta_heading == ""

    data["contact_cta_url"] = "https://example.com/contact/"
    response = post_career_settings(site, **data)
    assert response.status_code == 302
    saved = CareerSettings.for_site(site)
    assert (saved.share_on_linkedin, saved.share_on_facebook, saved.share_copy_link) == (
        True,
        False,
        False,
    )
    client.logout()
    assert list(share_hrefs(client.get(article.url).content.decode())) == [
        "Partager sur LinkedIn",
        "Partager par courriel",
    ]


def test_limited_editor_cannot_change_career_settings(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", "editor@example.com", "pw")
    group = Group.objects.create(name="Rédaction")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)
    site = Site.objects.get(is_default_site=True)
    response = client.get(f"/admin/settings/wagtail_career/careersettings/{site.pk}/")
    assert response.status_code in (302, 403)
    assert not CareerSettings.objects.filter(contact_cta_heading="x").exists()


# -- Related articles --------------------------------------------------------------------


def related_titles(html):
    if 'class="career-related"' not in html:
        return []
    section = html[html.index('class="career-related"') :]
    section = section[: section.index("</section>")]
    return re.findall(r'<h3 class="career-card__title"><a href="[^"]+">([^<]+)</a></h3>', section)


def test_related_articles_shared_tags_first_then_most_recent(client, make_article, make_author):
    author = make_author()
    current = make_article(title="Courant", tags=["cv", "entrevue", "salaire"], authors=[author])
    make_article(title="Un tag", tags=["cv"], date=date(2026, 1, 1))
    make_article(title="Deux tags", tags=["cv", "entrevue"], date=date(2025, 1, 1))
    make_article(title="Récent sans tag", date=date(2026, 6, 1))
    make_article(title="Ancien sans tag", date=date(2020, 1, 1))
    make_article(title="Brouillon", tags=["cv", "entrevue", "salaire"], publish=False)
    html = client.get(current.url).content.decode()
    assert related_titles(html) == ["Deux tags", "Un tag", "Récent sans tag"]
    assert "Articles connexes" in html


def test_related_articles_count_is_a_setting(client, settings, make_article):
    current = make_article(title="Courant")
    make_article(title="Autre")
    settings.WAGTAIL_CAREER_RELATED_ARTICLES = 0
    assert related_titles(client.get(current.url).content.decode()) == []
    settings.WAGTAIL_CAREER_RELATED_ARTICLES = 1
    # The fragment cached with the previous value is keyed on it: no stale empty list.
    assert len(related_titles(client.get(current.url).content.decode())) == 1


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_article_query_count_does_not_grow_with_related_articles_authors_and_tags(
    client, make_article, make_author, make_image
):
    def build(n):
        authors = [make_author() for _ in range(n)]
        tags = [f"tag-{n}-{i}" for i in range(n)]
        current = make_article(authors=authors, tags=tags, hero_image=make_image())
        for i in range(n):
            make_article(authors=authors, tags=tags[: i + 1], hero_image=make_image())
        return current

    small, large = build(1), build(4)
    client.get(small.url)  # warm up renditions and settings rows
    client.get(large.url)
    assert count_queries(client, small.url) == count_queries(client, large.url)
