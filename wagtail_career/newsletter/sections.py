"""What subscribers choose from: the digest sections features register (``parts.DIGEST_HOOK``),
the newsletter's own articles among them.

The newsletter knows a section only by what the hook returns, so it never imports the
features that register them. A subscription stores the names it chose; an empty list (rows
from before choices existed) means every registered section.
"""

from django.utils.text import get_text_list
from django.utils.translation import gettext

from ..parts import digest_sections


def _registered(sections):
    return digest_sections() if sections is None else sections


def section_choices(sections=None):
    """``(name, label)`` of each registered section, for a form's checkboxes."""
    return [(section.name, section.label) for section in _registered(sections)]


def named(names, sections=None):
    """The registered sections among ``names``, in their registered order."""
    return [section for section in _registered(sections) if section.name in names]


def chosen_sections(subscription, sections=None):
    """The registered sections ``subscription`` receives, in their order."""
    sections = _registered(sections)
    return named(subscription.sections, sections) if subscription.sections else list(sections)


def describe(sections):
    """What ``sections`` send, in words: "new career articles and new job offers"."""
    return get_text_list([section.consent_label for section in sections], gettext("and"))
