"""Which cached entries an employer change makes stale: every page showing employers (the
article sidebars, the directories, the list on any page)."""

from ..cache import EMPLOYERS, purge
from ..purges import career_urls
from .models import Employer


def employers_changed(**kwargs):
    purge([EMPLOYERS], urls=career_urls)


def logo_changed(instance, **kwargs):
    """post_save of an image: a replaced logo file changes its renditions' URLs."""
    if Employer.objects.filter(logo=instance).exists():
        employers_changed()
