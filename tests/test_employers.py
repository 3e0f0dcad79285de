"""Employers who are hiring, as a visitor sees them: sidebar, tag, block and directory."""

import re

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from tests.testapp.models import FeatureArticlePage
from wagtail_career.employers.models import Employer, EmployerSettings


@pytest.fixture(autouse=True)
def _fresh_state():
    """An empty cache, and French active: page URLs take the active language's prefix, and a
    request to /en/ leaves English active for the rest of the thread."""
    cache.clear()
    with translation.override("fr"):
        yield


def sidebar(html):
    """The employers section of a page, or ``""``."""
    match = re.search(r'<section class="career-employers".*?</section>', html, re.S)
    return match.group(0) if match else ""


def names(html):
    return re.findall(r'class="career-employer__name"[^>]*>([^<]+)<', html)


def test_sidebar_lists_recruiting_employers_in_editors_order(client, article, make_employer):
    make_employer("Desjardins")
    make_employer("La Presse", is_recruiting=False)
    make_employer("Gowling WLG")
    espace = make_employer("Espace Physio Forme Inc")
    espace.sort_order = -1
    espace.save()

    html = client.get(article.url).content.decode()

    section = sidebar(html)
    assert '<h2 class="career-employers__heading">Les employeurs qui recrutent</h2>' in section
    assert names(section) == ["Espace Physio Forme Inc", "Desjardins", "Gowling WLG"]
    assert "La Presse" not in html


def test_sidebar_links_are_external_safe_and_marked(client, article, make_employer):
    make_employer("Desjardins", website="https://desjardins.example/")
    make_employer(
        "Gowling WLG",
        website="https://gowling.example/",
        careers_url="https://gowling.example/jobs",
    )

    section = sidebar(client.get(article.url).content.decode())

    # The careers page wins over the website when both are set.
    assert 'href="https://gowling.example/jobs" rel="noopener"' in section
    assert 'href="https://gowling.example/"' not in section
    assert 'href="https://desjardins.example/" rel="noopener"' in section
    assert section.count('<span class="career-external" aria-hidden="true">↗</span>') == 2
    assert section.count('<span class="career-visually-hidden"> (site externe)</span>') == 2


def test_sidebar_logo_is_a_rendition_with_alt_text(client, article, make_employer):
    employer = make_employer("Desjardins")

    section = sidebar(client.get(article.url).content.decode())

    rendition = employer.logo.get_rendition("format-png|max-160x80")  # the <img>'s fallback
    assert f'src="{rendition.url}"' in section
    assert 'height="60"' in section and 'width="120"' in section
    assert 'alt="Logo de Desjardins"' in section


def test_employer_without_logo_is_listed_by_name(client, article, make_employer):
    make_employer("Collège Inter-Dec", logo=False)

    section = sidebar(client.get(article.url).content.decode())

    assert names(section) == ["Collège Inter-Dec"]
    assert "<img" not in section


def test_sidebar_respects_the_configured_maximum(client, article, make_employer, home):
    for n in range(5):
        make_employer(f"Employeur {n}")
    settings = EmployerSettings.for_site(home.get_site())
    settings.employers_limit = 3
    settings.save()

    section = sidebar(client.get(article.url).content.decode())

    assert names(section) == ["Employeur 0", "Employeur 1", "Employeur 2"]


def test_sidebar_links_to_the_directory(client, article, career_index, make_employer):
    make_employer("Desjardins")

    section = sidebar(client.get(article.url).content.decode())

    assert f'<a href="{career_index.url}employers/">Voir tous les employeurs qui recrutent</a>' in (
        section
    )


def test_nothing_shown_when_no_employer_recruits(client, article, make_employer):
    make_employer("La Presse", is_recruiting=False)

    html = client.get(article.url).content.decode()

    assert "career-employers" not in html
    assert "Les employeurs qui recrutent" not in html


def test_sidebar_in_english(client, article, make_employer):
    make_employer("Desjardins")

    html = client.get("/en" + article.url).content.decode()

    section = sidebar(html)
    assert '<h2 class="career-employers__heading">Employers who are hiring</h2>' in section
    assert 'alt="Desjardins logo"' in section
    assert " (external site)</span>" in section
    assert "See all employers who are hiring</a>" in section


def test_heading_from_site_settings(client, article, make_employer, home):
    make_employer("Desjardins")
    settings = EmployerSettings.for_site(home.get_site())
    settings.employers_heading = "Nos clients embauchent"
    settings.save()

    section = sidebar(client.get(article.url).content.decode())

    assert '<h2 class="career-employers__heading">Nos clients embauchent</h2>' in section


def test_employer_names_are_escaped(client, article, make_employer):
    make_employer("<script>alert(1)</script> & Fils")

    html = client.get(article.url).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Fils" in html


# The template tag, on any page ----------------------------------------------------------------


def render_tag(path="/"):
    request = RequestFactory().get(path)
    return Template("{% load wagtail_career_employers %}{% employers_who_recruit %}").render(
        Context({"request": request})
    )


def test_tag_renders_the_list_on_any_page(career_index, make_employer):
    make_employer("Desjardins")
    make_employer("ZSA")

    html = render_tag()

    assert names(html) == ["Desjardins", "ZSA"]
    assert "Les employeurs qui recrutent" in html
    # Outside a career page it links to the site's career index directory.
    assert f'href="{career_index.url}employers/"' in html


def test_tag_in_english(career_index, make_employer):
    make_employer("Desjardins")

    with translation.override("en"):
        html = render_tag()

    assert "Employers who are hiring" in html


def test_tag_renders_nothing_without_recruiting_employers(career_index, make_employer):
    make_employer("La Presse", is_recruiting=False)

    assert render_tag().strip() == ""


def test_tag_without_career_index_has_no_directory_link(home, make_employer):
    make_employer("Desjardins")

    html = render_tag()

    assert names(html) == ["Desjardins"]
    assert "career-employers__more" not in html


# The StreamField block ------------------------------------------------------------------------


def test_block_lists_every_recruiting_employer(client, make_article, make_employer):
    for n in range(10):
        make_employer(f"Employeur {n:02d}")
    make_employer("La Presse", is_recruiting=False)
    page = make_article(
        body=[("employers", {"heading": "", "employers": []})], page_model=FeatureArticlePage
    )

    html = client.get(page.url).content.decode()

    block = re.search(
        r'<section class="career-employers career-body__employers".*?</section>', html, re.S
    ).group(0)
    # Unlike the sidebar (8 by default), the block shows all of them.
    assert names(block) == [f"Employeur {n:02d}" for n in range(10)]
    assert "Les employeurs qui recrutent" in block


def test_block_shows_chosen_employers_in_chosen_order(client, make_article, make_employer):
    desjardins = make_employer("Desjardins")
    zsa = make_employer("ZSA")
    presse = make_employer("La Presse", is_recruiting=False)
    make_employer("Gowling WLG")
    page = make_article(
        body=[
            (
                "employers",
                {"heading": "Nos partenaires", "employers": [zsa, presse, desjardins]},
            )
        ],
        page_model=FeatureArticlePage,
    )

    html = client.get(page.url).content.decode()

    block = re.search(
        r'<section class="career-employers career-body__employers".*?</section>', html, re.S
    ).group(0)
    assert '<h2 class="career-employers__heading">Nos partenaires</h2>' in block
    # A chosen employer who stopped recruiting drops out.
    assert names(block) == ["ZSA", "Desjardins"]
    assert f'src="{zsa.logo.get_rendition("format-png|max-160x80").url}"' in block


def test_block_renders_nothing_without_recruiting_employers(client, make_article, make_employer):
    make_employer("La Presse", is_recruiting=False)
    page = make_article(
        body=[("employers", {"heading": "Qui recrute", "employers": []})],
        page_model=FeatureArticlePage,
    )

    html = client.get(page.url).content.decode()

    assert "Qui recrute" not in html


def test_block_chosen_employer_deleted_later(client, make_article, make_employer):
    gone = make_employer("Disparu")
    kept = make_employer("Desjardins")
    page = make_article(
        body=[("employers", {"heading": "", "employers": [gone, kept]})],
        page_model=FeatureArticlePage,
    )
    gone.delete()

    response = client.get(page.url)

    assert response.status_code == 200
    block = re.search(
        r'<section class="career-employers career-body__employers".*?</section>',
        response.content.decode(),
        re.S,
    ).group(0)
    assert names(block) == ["Desjardins"]


# The directory --------------------------------------------------------------------------------


def test_directory_lists_recruiting_employers(client, career_index, make_employer):
    make_employer(
        "Gowling WLG",
        website="https://gowling.example/",
        careers_url="https://gowling.example/jobs",
        description="Cabinet d'avocats <international>.",
    )
    desjardins = make_employer("Desjardins", website="https://desjardins.example/")
    make_employer("La Presse", is_recruiting=False)

    response = client.get(career_index.url + "employers/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Les employeurs qui recrutent</title>" in html
    assert "<h1>Les employeurs qui recrutent</h1>" in html
    assert re.findall(r'class="career-directory__name">([^<]+)<', html) == [
        "Gowling WLG",
        "Desjardins",
    ]
    assert "La Presse" not in html
    assert "Cabinet d&#x27;avocats &lt;international&gt;." in html
    assert 'href="https://gowling.example/jobs" rel="noopener">Offres d’emploi' in html
    assert 'href="https://desjardins.example/" rel="noopener">Site Web' in html
    assert '<span class="career-visually-hidden"> – Desjardins</span>' in html
    assert f'src="{desjardins.logo.get_rendition("format-png|max-240x120").url}"' in html
    assert f'<a href="{career_index.url}">Carrière</a>' in html


def test_directory_in_english(client, career_index, make_employer):
    make_employer("Desjardins", careers_url="https://desjardins.example/emplois")

    html = client.get("/en" + career_index.url + "employers/").content.decode()

    assert "<h1>Employers who are hiring</h1>" in html
    assert "Job openings" in html
    assert "(external site)" in html


def test_directory_when_nobody_recruits(client, career_index):
    response = client.get(career_index.url + "employers/")

    assert response.status_code == 200
    assert "Aucun employeur ne recrute en ce moment." in response.content.decode()


def test_new_employers_go_to_the_end(make_employer):
    first = make_employer("A")
    second = make_employer("B")
    Employer.objects.filter(pk=first.pk).update(sort_order=0)

    third = make_employer("C")

    assert (first.sort_order, second.sort_order, third.sort_order) == (0, 1, 2)
