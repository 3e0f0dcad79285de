"""Load the example site's demo content: home page, career section, authors, articles, images,
employers and their job offers.

The site is bilingual the Wagtail way: the French content (``demo.content``) is the original,
and the English content (``demo.content_en``) is its translation in the English locale, made
with ``copy_for_translation`` (pages and snippets alike) and published, as an editor would with
"Translate" in the admin.

The command is idempotent: every object is looked up by a natural key (slug, title or
username) and updated in place, so it can be run again after the demo content changes.
Each kind of object has its own ``load_*`` method, called in dependency order by ``handle``;
a new kind of demo object gets a new method there.
"""

import datetime
import io
from decimal import Decimal
from functools import partial
from html import escape

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site as DjangoSite
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_comments_xtd.models import XtdComment
from home.models import HomePage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from demo import content, content_en, images
from wagtail_career.employers.models import Employer
from wagtail_career.jobs.pages.models import JobIndexPage, JobOfferPage
from wagtail_career.models import Author, CareerSettings
from wagtail_career.pages.models import ArticlePage, ArticlePageAuthor, CareerIndexPage

DEMO_HOST, DEMO_PORT = "127.0.0.1", 8000
BASE_URL = f"http://{DEMO_HOST}:{DEMO_PORT}"
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "demo-admin-2026"
ADMIN_EMAIL = "admin@example.com"
MODERATORS_GROUP = "Modération"
# Articles are shown as published on their date, in the morning rather than at midnight.
PUBLICATION_TIME = datetime.time(9, 0)


# What happened to each object, for the progress lines.
CREATED = gettext_lazy("Création")
UPDATED = gettext_lazy("Mise à jour")
REUSED = gettext_lazy("Réutilisation")

# What a snippet's translation takes from its French original as is: names, pictures, links.
AUTHOR_SHARED_FIELDS = ("name", "organisation", "photo", "website", "linkedin_url")
EMPLOYER_SHARED_FIELDS = ("name", "logo", "website", "careers_url", "is_recruiting", "sort_order")
# ... and a job offer's: where, how, how much and when (the employer is its translation).
OFFER_SHARED_FIELDS = (
    "employment_type",
    "workplace",
    "city",
    "region",
    "postal_code",
    "country",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_unit",
    "apply_url",
    "apply_email",
    "date_posted",
    "valid_through",
    "expire_at",
)


def amount(value):
    """A salary of the demo content (a number or None) as the model's Decimal."""
    return None if value is None else Decimal(str(value))


def translatable(model):
    """Whether a snippet model has Wagtail translations (TranslatableMixin)."""
    return hasattr(model, "copy_for_translation")


class Command(BaseCommand):
    help = "Charge le contenu de démonstration de wagtail-career (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet", action="store_true", help="N'affiche rien, pas même le résumé."
        )

    def handle(self, *args, quiet=False, **options):
        self.quiet = quiet
        # All or nothing: a failure halfway must not leave half a demo that a rerun would
        # then have to reconcile.
        with transaction.atomic():
            self.french, self.english = self.load_locales()
            site = self.load_site()
            home = self.load_home_page()
            index = self.load_career_index(home)
            contact = self.load_contact_page(home, site)
            self.stored_images = self.load_images()
            authors = self.load_authors()
            articles = self.load_articles(index, authors)
            employers = self.load_employers()
            # Offers' dates are relative to now: some posted days ago, one closing soon.
            now = timezone.now()
            job_index = self.load_job_index(home)
            offers = self.load_offers(job_index, employers, now)
            # The English translations, parents before children.
            self.translate_home_page(home)
            english_index = self.translate_career_index(index)
            english_job_index = self.translate_job_index(job_index)
            self.translate_contact_page(contact)
            english_authors = self.translate_authors(authors)
            self.translate_articles(articles, english_authors)
            english_employers = self.translate_employers(employers)
            english_offers = self.translate_offers(offers, english_employers)
            self.close_offers(offers + english_offers, now)
            created_admin = self.load_superuser()
            self.load_people()
            self.load_comments(index, site)
        self.print_summary(index, english_index, job_index, english_job_index, created_admin)

    def log(self, message):
        if not self.quiet:
            self.stdout.write(message)

    def publish(self, page):
        page.save_revision().publish()

    def load_locales(self):
        """The French locale (the original content's, made by ``migrate``) and the English one."""
        french, _created = Locale.objects.get_or_create(language_code=content.LANGUAGE_CODE)
        english, created = Locale.objects.get_or_create(language_code=content_en.LANGUAGE_CODE)
        name = english.get_display_name()
        self.log(self.status(CREATED if created else REUSED, _("langue"), name))
        return french, english

    def translate_page(self, page, fields, label):
        """Make or update the English translation of ``page`` from ``fields``, and publish it.

        The parent page must already have its English translation: ``copy_for_translation``
        places the copy under it.
        """
        translation = page.get_translation_or_none(self.english)
        created = translation is None
        if created:
            translation = page.copy_for_translation(self.english)
        translation = translation.specific
        for name, value in fields.items():
            if name == "tags":
                translation.tags.set(value)
            else:
                setattr(translation, name, value)
        self.publish(translation)
        # Publishing saves a copy made from the revision: reload the page's new address.
        translation.refresh_from_db()
        self.log(self.status(CREATED if created else UPDATED, label, translation.title))
        return translation

    def translate_snippet(self, obj, fields):
        """Make or update the English translation of a translatable snippet; return it and
        whether it was created."""
        translation = obj.get_translation_or_none(self.english)
        created = translation is None
        if created:
            translation = obj.copy_for_translation(self.english)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save()
        return translation, created

    def translate_home_page(self, home):
        data = content_en.HOME
        return self.translate_page(
            home,
            {"title": data["title"], "slug": data["slug"], "body": data["body"]},
            _("traduction de la page d'accueil"),
        )

    def translate_career_index(self, index):
        data = content_en.INDEX
        return self.translate_page(
            index,
            {"title": data["title"], "slug": data["slug"], "intro": data["intro"]},
            _("traduction de la section carrière"),
        )

    def translate_contact_page(self, contact):
        data = content_en.CONTACT_PAGE
        return self.translate_page(
            contact,
            {"title": data["title"], "slug": data["slug"], "body": data["body"]},
            _("traduction de page"),
        )

    def translate_authors(self, authors):
        """The authors' English translations, by slug (the French authors themselves while the
        Author snippet is not translatable)."""
        if not translatable(Author):
            return authors
        english = {}
        for slug, author in authors.items():
            # What is not words (name, photo, links) follows the French original.
            shared = {field: getattr(author, field) for field in AUTHOR_SHARED_FIELDS}
            translation, created = self.translate_snippet(
                author, {**shared, **content_en.AUTHORS[slug]}
            )
            english[slug] = translation
            self.log(
                self.status(CREATED if created else UPDATED, _("traduction d'auteur"), author.name)
            )
        return english

    def translate_articles(self, articles, english_authors):
        for page, data in articles:
            english = content_en.ARTICLES[data["slug"]]
            self.translate_page(
                page,
                {
                    "title": english["title"],
                    "slug": english["slug"],
                    "intro": english["intro"],
                    "date": page.date,
                    "hero_image": page.hero_image,
                    "body": [self.body_block(block) for block in english["body"]],
                    "article_authors": [
                        ArticlePageAuthor(author=english_authors[slug], sort_order=position)
                        for position, slug in enumerate(data["authors"])
                    ],
                    "tags": english["tags"],
                    "first_published_at": page.first_published_at,
                },
                _("traduction d'article"),
            )

    def translate_employers(self, employers):
        """The employers' English translations, by the French employer's pk (the French
        employers themselves while the Employer snippet is not translatable)."""
        if not translatable(Employer):
            return {employer.pk: employer for employer in employers}
        english = {}
        for employer in employers:
            shared = {field: getattr(employer, field) for field in EMPLOYER_SHARED_FIELDS}
            translation, created = self.translate_snippet(
                employer, {**shared, "description": content_en.EMPLOYERS[employer.name]}
            )
            english[employer.pk] = translation
            self.log(
                self.status(
                    CREATED if created else UPDATED, _("traduction d'employeur"), employer.name
                )
            )
        return english

    def translate_job_index(self, job_index):
        data = content_en.JOB_INDEX
        return self.translate_page(
            job_index,
            {"title": data["title"], "slug": data["slug"], "intro": data["intro"]},
            _("traduction des offres d'emploi"),
        )

    def translate_offers(self, offers, english_employers):
        """The offers' English translations, with their data, as ``load_offers`` returns."""
        translations = []
        for page, data in offers:
            english = content_en.JOB_OFFERS[data["slug"]]
            shared = {field: getattr(page, field) for field in OFFER_SHARED_FIELDS}
            translation = self.translate_page(
                page,
                {
                    **shared,
                    "title": english["title"],
                    "slug": english["slug"],
                    "employer": english_employers[page.employer_id],
                    "description": self.offer_description(english, content_en.OFFER_HEADINGS),
                    "tags": english["tags"],
                },
                _("traduction d'offre d'emploi"),
            )
            translations.append((translation, data))
        return translations

    def load_home_page(self):
        """Return the site's HomePage, replacing Wagtail's stock welcome page on the first run."""
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError(_("Aucun site Wagtail par défaut : lancez d'abord « migrate »."))
        root = site.root_page.specific
        if isinstance(root, HomePage):
            self.log(self.status(REUSED, _("page d'accueil"), root.title))
            return root
        # Only the untouched page created by Wagtail's initial migration may be replaced;
        # anything else is a real site that the demo must not overwrite.
        if type(root) is not Page or root.depth != 2 or root.get_children().exists():
            raise CommandError(
                _(
                    "La racine du site par défaut (« %(title)s ») n'est ni une HomePage ni la "
                    "page d'accueil initiale de Wagtail; rien n'a été modifié."
                )
                % {"title": root.title}
            )
        home = HomePage(title=content.HOME_TITLE, slug=content.HOME_SLUG, body=content.HOME_BODY)
        Page.get_first_root_node().add_child(instance=home)
        self.publish(home)
        # Re-point the site before deleting the old root: Site.root_page cascades on delete.
        site.root_page = home
        site.save()
        root.delete()
        self.log(self.status(CREATED, _("page d'accueil"), home.title))
        return home

    def load_career_index(self, home):
        index = CareerIndexPage.objects.child_of(home).filter(slug=content.INDEX_SLUG).first()
        created = index is None
        if created:
            index = CareerIndexPage(slug=content.INDEX_SLUG)
        index.title = content.INDEX_TITLE
        index.intro = content.INDEX_INTRO
        if created:
            home.add_child(instance=index)
        self.publish(index)
        self.log(self.status(CREATED if created else UPDATED, _("section carrière"), index.title))
        return index

    def load_job_index(self, home):
        data = content.JOB_INDEX
        index = JobIndexPage.objects.child_of(home).filter(slug=data["slug"]).first()
        created = index is None
        if created:
            index = JobIndexPage(slug=data["slug"])
        index.title = data["title"]
        index.intro = data["intro"]
        if created:
            home.add_child(instance=index)
        self.publish(index)
        self.log(self.status(CREATED if created else UPDATED, _("offres d'emploi"), index.title))
        return index

    def load_offers(self, job_index, employers, now):
        """The French job offers; return each page with its data, for the translations.

        An offer whose closing date is past is published open: ``close_offers`` closes it
        once its translation is made.
        """
        by_name = {employer.name: employer for employer in employers}
        today = timezone.localdate(now)
        offers = []
        for data in content.JOB_OFFERS:
            page = JobOfferPage.objects.child_of(job_index).filter(slug=data["slug"]).first()
            created = page is None
            if created:
                page = JobOfferPage(slug=data["slug"])
            salary_min, salary_max, page.salary_unit = data["salary"] or (None, None, "YEAR")
            page.title = data["title"]
            page.employer = by_name[data["employer"]]
            page.employment_type = data["employment_type"]
            page.workplace = data["workplace"]
            page.city, page.region = data["city"], data["region"]
            page.postal_code = data["postal_code"]
            page.salary_min, page.salary_max = amount(salary_min), amount(salary_max)
            page.apply_url = data.get("apply_url", "")
            page.apply_email = data.get("apply_email", "")
            page.description = self.offer_description(data, content.OFFER_HEADINGS)
            # Posted in the morning, like the articles.
            page.date_posted = timezone.make_aware(
                datetime.datetime.combine(
                    today - datetime.timedelta(days=data["posted"]), PUBLICATION_TIME
                )
            )
            closing = self.closing(data, now)
            # A past closing date is set by close_offers, after the publication. The expiry
            # is set too: the model's sync never clears an old one a rerun must drop.
            page.valid_through = closing if closing is None or closing > now else None
            page.expire_at = page.valid_through
            page.tags.set(data["tags"])
            if created:
                job_index.add_child(instance=page)
            self.publish(page)
            offers.append((page, data))
            self.log(self.status(CREATED if created else UPDATED, _("offre d'emploi"), page.title))
        return offers

    @staticmethod
    def closing(data, now):
        if data["closes"] is None:
            return None
        return now + datetime.timedelta(days=data["closes"])

    def close_offers(self, offers, now):
        """Set the past closing date of the closed offers, in both languages.

        A plain update, after their publication: publishing them closed would also set their
        ``expire_at``, and Wagtail's ``publish_scheduled`` would then unpublish them, while
        the demo keeps them live to show a closed offer's page. Their latest revision gets the
        date too, so the editor shows it. No purge: the publications purge once the
        transaction commits, and a past date moves no cache deadline.
        """
        for page, data in offers:
            moment = self.closing(data, now)
            if moment is None or moment > now:
                continue
            JobOfferPage.objects.filter(pk=page.pk).update(valid_through=moment)
            revision = page.latest_revision
            revision.content["valid_through"] = moment
            revision.save(update_fields=["content"])

    @staticmethod
    def offer_description(data, headings):
        """An offer's description: its summary, then a heading and a list per section."""
        parts = [f"<p>{escape(data['summary'], quote=False)}</p>"]
        for key, heading in headings.items():
            items = "".join(f"<li>{escape(item, quote=False)}</li>" for item in data[key])
            parts.append(f"<h2>{escape(heading, quote=False)}</h2><ul>{items}</ul>")
        return "".join(parts)

    def picture_specs(self):
        """Map each picture key to its description and a function that draws it.

        Drawing takes a moment per picture, so it only happens for pictures not yet stored.
        """
        pictures = {}
        for position, article in enumerate(content.ARTICLES):
            key = article["hero"]
            pictures[key] = (
                content.HERO_DESCRIPTION,
                partial(images.hero_image, key, position),
            )
        for position, author in enumerate(content.AUTHORS):
            pictures[self.portrait_key(author)] = (
                content.PORTRAIT_DESCRIPTION.format(name=author["name"]),
                partial(images.portrait_image, position, author["name"]),
            )
        for name, letters, colour, _recruiting, _description in content.EMPLOYERS:
            pictures[self.logo_key(name)] = (
                content.LOGO_DESCRIPTION.format(name=name),
                partial(images.logo_image, letters, colour),
            )
        for position, (key, data) in enumerate(content.INLINE_IMAGES.items()):
            pictures[key] = (
                data["description"],
                partial(images.inline_image, key, position, data["motif"]),
            )
        return pictures

    def load_images(self):
        """Create the demo pictures once, then reuse them (by title) on later runs.

        Files are not redrawn on reruns, only descriptions updated: new files with identical
        content would only orphan the renditions already made from the old ones.
        """
        image_model = get_image_model()
        result = {}
        for key, (description, draw) in self.picture_specs().items():
            title = f"Demo – {key}"
            image = image_model.objects.filter(title=title).first()
            if image is None:
                png = draw()
                image = image_model.objects.create(
                    title=title,
                    description=description,
                    file=ImageFile(io.BytesIO(png), name=f"demo-{key}.png"),
                    file_size=len(png),
                )
                action = CREATED
            elif image.description != description:
                image.description = description
                image.save(update_fields=["description"])
                action = UPDATED
            else:
                action = REUSED
            result[key] = image
            self.log(self.status(action, _("image"), title))
        return result

    @staticmethod
    def logo_key(name):
        return f"logo-{slugify(name)}"

    @staticmethod
    def portrait_key(author):
        return f"portrait-{author['slug']}"

    def load_authors(self):
        authors = {}
        for data in content.AUTHORS:
            author, created = Author.objects.update_or_create(
                slug=data["slug"],
                **self.in_french(Author),
                defaults={
                    "name": data["name"],
                    "role": data["role"],
                    "organisation": data["organisation"],
                    "photo": self.stored_images[self.portrait_key(data)],
                    "bio": data["bio"],
                    "website": data["website"],
                    "linkedin_url": data["linkedin_url"],
                },
            )
            authors[author.slug] = author
            self.log(self.status(CREATED if created else UPDATED, _("auteur"), author.name))
        return authors

    def in_french(self, model):
        """Look-up arguments for the French original of a (possibly translatable) snippet."""
        return {"locale": self.french} if translatable(model) else {}

    def load_articles(self, index, authors):
        """The French articles; return each page with its data, for the translations."""
        articles = []
        for data in content.ARTICLES:
            page = ArticlePage.objects.child_of(index).filter(slug=data["slug"]).first()
            created = page is None
            if created:
                page = ArticlePage(slug=data["slug"])
            date = datetime.date.fromisoformat(data["date"])
            page.title = data["title"]
            page.date = date
            page.intro = data["intro"]
            page.hero_image = self.stored_images[data["hero"]]
            page.body = [self.body_block(block) for block in data["body"]]
            page.tags.set(data["tags"])
            page.article_authors = [
                ArticlePageAuthor(author=authors[slug], sort_order=position)
                for position, slug in enumerate(data["authors"])
            ]
            # Match the publication date to the article's date, so the admin and any
            # "latest articles" ordering agree with what readers see.
            page.first_published_at = timezone.make_aware(
                datetime.datetime.combine(date, PUBLICATION_TIME)
            )
            if created:
                index.add_child(instance=page)
            self.publish(page)
            articles.append((page, data))
            self.log(self.status(CREATED if created else UPDATED, _("article"), page.title))
        return articles

    def body_block(self, block):
        """Turn a content block into a StreamField (block_type, value) pair.

        Only image blocks need work: their data names a picture by key, the StreamField wants
        the Image. Strings and dicts of the other blocks are normalised by the StreamField.
        """
        block_type, value = block
        if block_type == "image":
            value = {**value, "image": self.stored_images[value["image"]]}
        return block_type, value

    def load_site(self):
        """Name the Wagtail site (the newsletter's sender) and give it `make demo`'s address.

        Full URLs (share links, feeds, mails) are built from the site's address, so the
        stock ``localhost:80`` would send readers of the demo's links to the wrong port.
        """
        site = Site.objects.get(is_default_site=True)
        site.site_name = content.SITE_NAME
        if (site.hostname, site.port) == ("localhost", 80):
            site.hostname, site.port = DEMO_HOST, DEMO_PORT
        site.save()
        return site

    def load_contact_page(self, home, site):
        """A contact page, chosen in the Career settings as the call to action's link."""
        data = content.CONTACT_PAGE
        page = HomePage.objects.child_of(home).filter(slug=data["slug"]).first()
        created = page is None
        if created:
            page = HomePage(slug=data["slug"], title=data["title"], body=data["body"])
            home.add_child(instance=page)
        else:
            page.title, page.body = data["title"], data["body"]
        self.publish(page)
        career_settings = CareerSettings.for_site(site)
        career_settings.contact_cta_page = page
        career_settings.save()
        self.log(self.status(CREATED if created else UPDATED, _("page"), page.title))
        return page

    def load_employers(self):
        """The employers who recruit, with logos drawn locally, in the editors' order."""
        employers = []
        for position, (name, _letters, _colour, recruiting, description) in enumerate(
            content.EMPLOYERS
        ):
            slug = slugify(name)
            employer, created = Employer.objects.update_or_create(
                name=name,
                **self.in_french(Employer),
                defaults={
                    "logo": self.stored_images[self.logo_key(name)],
                    "website": f"https://{slug}.example/",
                    "careers_url": f"https://{slug}.example/carrieres" if recruiting else "",
                    "description": description,
                    "is_recruiting": recruiting,
                    "sort_order": position,
                },
            )
            employers.append(employer)
            self.log(self.status(CREATED if created else UPDATED, _("employeur"), name))
        return employers

    def load_people(self):
        """A reader who can comment, and a "Modération" group that can moderate comments."""
        group, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
            Permission.objects.get(
                content_type__app_label="django_comments", codename="can_moderate"
            ),
        )
        user_model = get_user_model()
        reader = user_model.objects.filter(username=content.READER["username"]).first()
        if reader is None:
            reader = user_model.objects.create_user(
                content.READER["username"],
                content.READER["email"],
                content.READER["password"],
                first_name=content.READER["first_name"],
                last_name=content.READER["last_name"],
            )
            self.log(self.status(CREATED, _("lecteur"), reader.username))
        return reader

    def load_comments(self, index, site):
        """A short discussion, with a reply and a comment held for moderation."""
        article = ArticlePage.objects.child_of(index).get(slug=content.COMMENTED_ARTICLE)
        existing = XtdComment.objects.filter(
            content_type=ContentType.objects.get_for_model(ArticlePage), object_pk=str(article.pk)
        )
        if existing.exists():
            self.log(self.status(REUSED, _("commentaires"), article.title))
            return
        django_site = DjangoSite.objects.get_current()
        stored = []
        for position, (name, email, text, public, reply_to) in enumerate(content.COMMENTS):
            comment = XtdComment(
                content_object=article,
                site=django_site,
                user_name=name,
                user_email=email,
                comment=text,
                is_public=public,
                submit_date=article.first_published_at + datetime.timedelta(days=position + 1),
                parent_id=stored[reply_to].pk if reply_to is not None else 0,
            )
            comment.save()
            stored.append(comment)
        self.log(self.status(CREATED, _("commentaires"), article.title))

    def load_superuser(self):
        """Create the demo administrator; an existing account, and its password, are kept."""
        user_model = get_user_model()
        if user_model.objects.filter(username=ADMIN_USERNAME).exists():
            self.log(self.status(REUSED, _("administrateur"), ADMIN_USERNAME))
            return False
        user_model.objects.create_superuser(ADMIN_USERNAME, ADMIN_EMAIL, ADMIN_PASSWORD)
        self.log(self.status(CREATED, _("administrateur"), ADMIN_USERNAME))
        return True

    @staticmethod
    def status(action, kind, name):
        return _("%(action)s : %(kind)s « %(name)s »") % {
            "action": action,
            "kind": kind,
            "name": name,
        }

    def print_summary(self, index, english_index, job_index, english_job_index, created_admin):
        if self.quiet:
            return
        password = ADMIN_PASSWORD
        if not created_admin:
            password = _(
                "%(password)s (compte existant : son mot de passe n'a pas été modifié)"
            ) % {"password": ADMIN_PASSWORD}
        lines = [
            "",
            _("Contenu de démonstration chargé."),
            _("  Site :             %(url)s/") % {"url": BASE_URL},
            _("  Section carrière : %(url)s%(path)s")
            % {"url": BASE_URL, "path": index.relative_url(index.get_site())},
            _("  En anglais :       %(url)s%(path)s")
            % {"url": BASE_URL, "path": english_index.relative_url(english_index.get_site())},
            _("  Offres d'emploi :  %(url)s%(path)s")
            % {"url": BASE_URL, "path": job_index.relative_url(job_index.get_site())},
            _("  En anglais :       %(url)s%(path)s")
            % {
                "url": BASE_URL,
                "path": english_job_index.relative_url(english_job_index.get_site()),
            },
            _("  Administration :   %(url)s/admin/") % {"url": BASE_URL},
            _("  Utilisateur :      %(username)s") % {"username": ADMIN_USERNAME},
            _("  Mot de passe :     %(password)s") % {"password": password},
            _("  Lecteur (pour commenter) : %(username)s / %(password)s")
            % {"username": content.READER["username"], "password": content.READER["password"]},
            _("Démarrez le serveur avec : python manage.py runserver"),
        ]
        self.stdout.write("\n".join(lines))
