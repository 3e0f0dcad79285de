"""Which cached entries an offer's or a job index's publication, unpublication, move or
deletion makes stale.

The core already purges the offer's own tree and its index's listing (``purges.py``, for
every page model); here: what shows open offers elsewhere — the employers' counts and
profiles (``EMPLOYERS``), the articles' "latest job offers" (``JOB_OFFERS``) — and the
cached moment of the next closing.
"""

from ..cache import EMPLOYERS, purge
from ..purges import career_urls, page_urls
from .models import JOB_OFFERS, forget_next_closing, job_index_models


def job_urls():
    """Every live job index's routes without arguments, and the career pages (CDN)."""
    urls = set(career_urls())
    for model in job_index_models():
        for index in model.objects.live():
            urls |= page_urls(
                index,
                [
                    "",
                    *(
                        index.reverse_subpage("feed", kwargs={"kind": kind})
                        for kind in ("rss", "atom")
                    ),
                ],
            )
    return urls


def job_pages_changed(**kwargs):
    forget_next_closing()
    purge([JOB_OFFERS, EMPLOYERS], urls=job_urls)
