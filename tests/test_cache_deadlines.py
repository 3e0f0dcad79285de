"""Deadline dependencies (``cache.deadline_dependency``): content that changes by itself at
a moment, such as a job offer that closes, makes every entry built on it stale from that
moment on, with no purge. Real time, no mocks, so the same test holds on Redis (CI) whose
expiry the process clock cannot move."""

import time
from datetime import timedelta

from django.utils import timezone

from wagtail_career import cache


def _wait_until(moment):
    remaining = (moment - timezone.now()).total_seconds()
    if remaining > 0:
        time.sleep(remaining + 0.1)


def test_no_deadline_is_no_dependency():
    assert cache.deadline_dependency(None) is None
    assert cache.version(["employers", None]) == cache.version(["employers"])


def test_a_version_built_on_a_deadline_changes_when_it_passes():
    moment = timezone.now() + timedelta(seconds=2.5)
    dependencies = ["employers", cache.deadline_dependency(moment)]
    before = cache.version(dependencies)
    assert cache.version(dependencies) == before  # stable until the moment
    _wait_until(moment)
    assert cache.version(dependencies) != before


def test_a_deadline_in_the_past_is_never_the_same_twice():
    dependencies = [cache.deadline_dependency(timezone.now() - timedelta(seconds=5))]
    assert cache.version(dependencies) != cache.version(dependencies)


def test_a_purge_still_works_on_the_other_dependencies(db):
    moment = timezone.now() + timedelta(hours=1)
    dependencies = ["employers", cache.deadline_dependency(moment)]
    before = cache.version(dependencies)
    cache.purge(["employers"])
    assert cache.version(dependencies) != before
