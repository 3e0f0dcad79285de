"""A ``wagtail.contrib.frontend_cache`` backend that records the URLs it is asked to purge."""

from wagtail.contrib.frontend_cache.backends import BaseBackend

purged = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        purged.append(url)
