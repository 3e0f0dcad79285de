"""A task backend that refuses the package's tasks, as a mail queue whose broker is gone.

Wagtail's own tasks (reference index, search) still run: Wagtail does not guard their
enqueue, and the faults under test are the package's.
"""

from django_tasks.backends.immediate import ImmediateBackend


class UnavailableBackend(ImmediateBackend):
    def enqueue(self, task, args, kwargs):
        if task.module_path.startswith("wagtail_career."):
            raise ConnectionError("the task queue is unreachable")
        return super().enqueue(task, args, kwargs)
