"""Moving the clock in tests that check what expires at a moment (job offers' closings)."""

import time
from contextlib import contextmanager
from datetime import timedelta
from unittest import mock

from django.utils import timezone


@contextmanager
def later(seconds):
    """The clock (Django's and the cache's) ``seconds`` ahead."""
    real_time, real_now = time.time, timezone.now
    with (
        mock.patch("time.time", lambda: real_time() + seconds),
        mock.patch("django.utils.timezone.now", lambda: real_now() + timedelta(seconds=seconds)),
    ):
        yield
