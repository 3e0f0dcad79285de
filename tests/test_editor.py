"""What an editor does in the Wagtail admin: create, edit, preview and publish career pages."""

import json
import re
from datetime import date

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.pages import ArticlePage, CareerIndexPage, Page
from wagtail_career.models import Author


class EditorTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Site.objects.get(is_default_site=True).root_page
        cls.index = CareerIndexPage(title="Carrière", slug="carriere")
        cls.home.add_child(instance=cls.index)
        cls.index.save_revision().publish()
        cls.marie = Author.objects.create(
            name="Léa Gagnon",
            slug="lea-gagnon",
            role="Directrice associée",
            organisation="Boréal Talents",
        )
        cls.paul = Author.objects.create(
            name="Paul Roy", slug="paul-roy", role="Conseiller", organisation="Nordik RH"
        )
        cls.editor = get_user_model().objects.create_superuser("editor", "e@example.com", "pw")

    def setUp(self):
        self.client.force_login(self.editor)

    def article_form(self, title, authors, replaced=()):
        """The add/edit form's data; ``replaced`` are existing author rows to delete."""
        rows = [
            {"id": row.pk, "author": row.author_id, "DELETE": "1", "ORDER": n}
            for n, row in enumerate(replaced)
        ] + [{"author": a.pk, "ORDER": len(replaced) + n} for n, a in enumerate(authors)]
        return nested_form_data(
            {
                "title": title,
                "date": "2026-05-04",
                "intro": "Une introduction.",
                "article_authors": inline_formset(rows, initial=len(replaced)),
                "body": streamfield(
                    [
                        ("heading", "Un sous-titre"),
                        ("paragraph", rich_text("<p>Un paragraphe de conseils.</p>")),
                        ("quote", {"text": "Une citation", "attribution": "Quelqu’un"}),
                    ]
                ),
                "tags": "Entrevue, CV",
            }
        )

    def test_page_tree_rules(self):
        self.assertCanCreateAt(Page, CareerIndexPage)
        self.assertCanCreateAt(CareerIndexPage, ArticlePage)
        self.assertCanNotCreateAt(Page, ArticlePage)
        self.assertCanNotCreateAt(ArticlePage, ArticlePage)
        self.assertAllowedSubpageTypes(CareerIndexPage, {ArticlePage})
        self.assertAllowedParentPageTypes(ArticlePage, {CareerIndexPage})

    def test_editor_creates_and_publishes_an_article_with_two_authors(self):
        self.assertCanCreate(
            self.index, ArticlePage, self.article_form("Négocier", [self.marie, self.paul])
        )
        article = ArticlePage.objects.get(title="Négocier")
        self.assertTrue(article.live)
        self.assertEqual(article.authors, [self.marie, self.paul])
        self.assertEqual(sorted(t.name for t in article.tags.all()), ["CV", "Entrevue"])
        self.assertEqual(article.display_date, date(2026, 5, 4))

        self.client.logout()
        html = self.client.get(article.url).content.decode()
        self.assertIn('href="/carriere/authors/lea-gagnon/" rel="author">Léa Gagnon</a> et', html)
        self.assertIn("Par : <strong>Paul Roy</strong>, Conseiller de Nordik RH", html)
        self.assertIn("4 mai 2026", html)
        self.assertIn("1 minute de lecture", html)

    def test_editor_edits_previews_and_republishes(self):
        self.assertCanCreate(self.index, ArticlePage, self.article_form("Brouillon", [self.marie]))
        article = ArticlePage.objects.get(title="Brouillon")
        # The StreamField editor is built by JavaScript, so the form data is given explicitly.
        form = self.article_form("Brouillon", [self.marie])
        form["slug"] = article.slug
        self.assertPageIsEditable(article, post_data=form)
        self.assertPageIsPreviewable(article, post_data=form)
        self.assertPageIsRenderable(article)

        self.client.force_login(self.editor)  # the assertions above log their own user out
        data = self.article_form(
            "Titre corrigé", [self.paul], replaced=article.article_authors.all()
        )
        data["slug"] = article.slug
        data["action-publish"] = "action-publish"
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
        self.assertEqual(response.status_code, 302)
        article.refresh_from_db()
        self.assertEqual(article.title, "Titre corrigé")
        self.assertEqual(article.authors, [self.paul])

    def test_index_is_routable_editable_and_previewable(self):
        self.assertPageIsRoutable(self.index)
        self.assertPageIsRoutable(self.index, "authors/lea-gagnon/")
        self.assertPageIsRenderable(self.index)
        form = {"title": "Carrière", "slug": "carriere", "intro": rich_text("<p>Conseils</p>")}
        self.assertPageIsEditable(self.index, post_data=form)
        self.assertPageIsPreviewable(self.index, post_data=form)

    def test_author_snippet_admin(self):
        listing = self.client.get(reverse("wagtailsnippets_wagtail_career_author:list"))
        self.assertContains(listing, "Léa Gagnon")
        response = self.client.post(
            reverse("wagtailsnippets_wagtail_career_author:add"),
            {
                "name": "Nadia Côté",
                "slug": "nadia-cote",
                "role": "Recruteuse",
                "organisation": "Boréal Talents",
                "bio": "",
                "website": "",
                "linkedin_url": "",
            },
        )
        self.assertEqual(response.status_code, 302)
        nadia = Author.objects.get(slug="nadia-cote")
        edit = self.client.get(
            reverse("wagtailsnippets_wagtail_career_author:edit", args=[nadia.pk])
        )
        self.assertEqual(edit.status_code, 200)

    def test_career_menu_in_admin(self):
        response = self.client.get(reverse("wagtailadmin_home"))
        props = json.loads(
            re.search(
                r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
                response.content.decode(),
            ).group(1)
        )
        main_menu = props["modules"][2]["_args"][0]
        career = next(item for item in main_menu if item["_args"][0]["name"] == "career")
        self.assertEqual(career["_args"][0]["label"], "Carrière")
        urls = [child["_args"][0]["url"] for child in career["_args"][1]]
        self.assertIn(reverse("wagtailsnippets_wagtail_career_author:list"), urls)
