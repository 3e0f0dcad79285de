"""Settings for `make demo`: local SQLite, mail printed to the console."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "demo-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
