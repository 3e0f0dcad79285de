"""The job offers' place in Wagtail."""

from wagtail import hooks

from ..parts import DIGEST_HOOK
from . import digest

hooks.register(DIGEST_HOOK, digest.digest_section)
