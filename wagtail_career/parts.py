"""The extension points features and sites use to place their parts around articles.

An article part is registered with Wagtail's hooks and placed in a region of the article
template (``{% career_article_parts "sidebar" %}``)::

    from wagtail import hooks
    from wagtail_career.parts import ARTICLE_PARTS_HOOK, ArticlePart

    @hooks.register(ARTICLE_PARTS_HOOK)
    def job_of_the_week():
        return ArticlePart(
            name="job_of_the_week",
            region="sidebar",
            template="myapp/job_of_the_week.html",
            order=25,
            get_context=lambda request, page: {"job": Job.objects.current()},
        )

Regions: ``"header"`` (under the byline), ``"after_body"`` (after the share links),
``"sidebar"``. The part's template is included with the page's context plus the dict its
``get_context`` returns (data, never HTML); a part whose ``get_context`` returns ``None``
shows nothing. ``dependencies`` and ``query_params`` tell the page cache what the part is
built on and which query parameters it reads.

More hooks follow the same pattern: ``INDEX_ROUTES_HOOK`` (functions returning URL
patterns added to every career index, such as ``employers/``), ``URLS_HOOK`` (functions
returning URL patterns added to ``wagtail_career.urls``), ``LISTING_HOOK`` (functions
called with each fetched list of articles, to attach what their cards show) and
``DIGEST_HOOK`` (functions returning a :class:`DigestSection`: a kind of content the
newsletter's digest carries, such as job offers, without the newsletter knowing it).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from wagtail import hooks

ARTICLE_PARTS_HOOK = "register_wagtail_career_article_part"
INDEX_ROUTES_HOOK = "register_wagtail_career_index_routes"
URLS_HOOK = "register_wagtail_career_urls"
LISTING_HOOK = "wagtail_career_annotate_articles"
DIGEST_HOOK = "register_wagtail_career_digest_section"

REGIONS = ("header", "after_body", "sidebar")


def _no_dependencies(request, page):
    return []


@dataclass(frozen=True)
class ArticlePart:
    name: str
    region: str
    template: str
    get_context: Callable
    order: int = 100
    # (request, page) -> dependency names (see cache.py) the part's content is built on.
    dependencies: Callable = _no_dependencies
    query_params: tuple = field(default_factory=tuple)

    def __post_init__(self):
        if self.region not in REGIONS:
            raise ValueError(f"Unknown article region {self.region!r}; use one of {REGIONS}.")


def article_parts(region=None):
    """The registered parts (of ``region``), in their order."""
    parts = [hook() for hook in hooks.get_hooks(ARTICLE_PARTS_HOOK)]
    parts = [part for part in parts if part is not None]
    if region is not None:
        parts = [part for part in parts if part.region == region]
    return sorted(parts, key=lambda part: (part.order, part.name))


def index_routes():
    return [route for hook in hooks.get_hooks(INDEX_ROUTES_HOOK) for route in hook()]


def feature_urls():
    return [pattern for hook in hooks.get_hooks(URLS_HOOK) for pattern in hook()]


def annotate_articles(articles):
    """Let every feature attach what the article cards show (comment counts…)."""
    for hook in hooks.get_hooks(LISTING_HOOK):
        hook(articles)


@dataclass(frozen=True)
class DigestSection:
    """A kind of content the newsletter's digest carries, which subscribers may choose.

    ``get_items(site, root, language, since)`` returns the live, public pages of the kind
    under ``root`` (the site's root page in the subscriber's language) first published at
    or after ``since``, newest first. ``template`` and ``text_template`` are included in the
    HTML and plain-text digest with ``items`` (those pages) and ``section``.
    """

    # Stored with each subscriber's choices: never rename one.
    name: str
    # What a subscriber chooses ("Career articles"), lazily translated.
    label: str
    # How the consent text names what is sent ("new career articles"), lazily translated.
    consent_label: str
    get_items: Callable
    template: str
    text_template: str
    order: int = 100


def digest_sections():
    """The registered digest sections, in their order."""
    sections = [hook() for hook in hooks.get_hooks(DIGEST_HOOK)]
    return sorted(
        (section for section in sections if section is not None),
        key=lambda section: (section.order, section.name),
    )


# Personal data ---------------------------------------------------------------------------
#
# ``RETENTION_HOOK``: functions returning a list of ``privacy.RetentionRule`` (what a feature
# deletes or anonymises once a ``WAGTAIL_CAREER_RETENTION_*`` period is over), applied by
# ``manage.py career_retention``. ``PERSONAL_DATA_HOOK``: functions called with an e-mail
# address, returning ``{name: data}`` (JSON-serialisable) of everything the feature holds
# about it, for the export of one person's data (``privacy.personal_data``).
RETENTION_HOOK = "register_wagtail_career_retention"
PERSONAL_DATA_HOOK = "register_wagtail_career_personal_data"
