"""Searching a career index's articles, and highlighting the terms in the result cards.

Articles are indexed on title, intro, body, author names and tag names
(``ArticlePage.search_fields``) by whichever Wagtail search backend the site uses. A career
index searches its own children, so the results are in its locale;
``WAGTAIL_CAREER_SEARCH_BACKENDS`` may give each language its own backend alias (e.g.
PostgreSQL's French and English text search configurations).
"""

import re
import unicodedata

from django.db.models import prefetch_related_objects
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search.tasks import insert_or_update_object_task

from .paginator import paginate

# Longer queries are cut: nobody types more, and it bounds the backend's work.
MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The visitor's query with whitespace collapsed, or ``""``."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def backend_query(query):
    """``query``'s words only: SQLite's FTS5 (and others) fail on stray ``"`` or ``>``."""
    return " ".join(re.findall(r"[\w'’-]+", query))


def reindex_published_article(sender, instance, **kwargs):
    """Index an article again once it is fully published (``page_published``).

    Wagtail indexes a page on ``post_save``, before the page's inline authors and tags are
    saved, so with an immediate task backend a newly added tag or author would be missing
    from the index until the next save. Enqueued like Wagtail's own indexing task.
    """
    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )


def search_page(request, articles, query, prefetches, backend="default"):
    """The requested page of ``articles`` matching ``query``, in the order of ``articles``
    (newest first), found by the ``backend`` alias of ``WAGTAILSEARCH_BACKENDS`` (the
    language's, see ``WAGTAIL_CAREER_SEARCH_BACKENDS``).

    In the listing's order, not by relevance: ranking reads every match's vectors, which at
    thousands of matches costs more than the page; in an indexed order the database stops
    at the page's last match. The backend returns the articles without their cards' related
    data; the page's few articles then get ``prefetches``, in the same fixed number of
    queries as a listing.
    """
    terms = backend_query(query)
    results = (
        articles.search(terms, operator="and", order_by_relevance=False, backend=backend)
        if terms
        else articles.none()
    )
    page = paginate(request, results)
    page.object_list = list(page.object_list)
    prefetch_related_objects(page.object_list, *prefetches)
    return page


def _fold(char):
    """``char`` lowercased without accents: "É" -> "e", so "etudes" highlights "Études"."""
    decomposed = unicodedata.normalize("NFD", char.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def highlight(text, query):
    """``text`` escaped, with each word of ``query`` wrapped in ``<mark>``.

    Matching ignores case and accents. Everything, marked or not, is escaped.
    """
    text = str(text or "")
    terms = sorted({_fold_text(t)[0] for t in query.split() if t.strip()}, key=len, reverse=True)
    terms = [t for t in terms if t]
    if not terms:
        return escape(text)
    folded, origin = _fold_text(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms))
    parts, position = [], 0
    for match in pattern.finditer(folded):
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        if start < position:
            continue
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def _fold_text(text):
    """``text`` folded, and for each folded character the index of its original."""
    folded, origin = [], []
    for index, char in enumerate(text):
        for c in _fold(char):
            folded.append(c)
            origin.append(index)
    return "".join(folded), origin
