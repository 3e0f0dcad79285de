"""Queueing the package's tasks (mail) so that a failing task backend loses nothing.

When ``enqueue`` raises (the queue's database or broker is down), the request that asked
for the mail must neither fail with a 500 nor drop the work silently: the failure is logged
with what was not queued, and the caller decides how the work is done again later.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue(task_, *args, **kwargs):
    """Queue ``task_``; ``False`` (and an error log line) if the task backend failed."""
    try:
        task_.enqueue(*args, **kwargs)
    except Exception:
        logger.exception(
            "Could not queue the task %s with arguments %r: the task backend failed.",
            task_.module_path,
            args,
        )
        return False
    return True


def enqueue_on_commit(task_, *args, on_failure=None, **kwargs):
    """Queue ``task_`` once the current transaction commits; ``on_failure()`` runs if the
    task backend refuses it."""

    def queue():
        if not enqueue(task_, *args, **kwargs) and on_failure is not None:
            on_failure()

    transaction.on_commit(queue)
