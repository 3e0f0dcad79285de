"""Slugs filled from a name when an editor leaves them empty: Unicode-aware and unique."""

from django.utils.text import slugify

# Used when a name has no letter or digit to make a slug from (e.g. "…").
FALLBACK = "item"


def unique_slug(instance, name, field="slug"):
    """A slug for ``name`` that no other row of ``instance``'s model has (``name``, then
    ``name-2``, ``name-3``…), within the field's ``max_length``."""
    model = type(instance)
    max_length = model._meta.get_field(field).max_length
    base = slugify(name, allow_unicode=True)[:max_length].strip("-") or FALLBACK
    others = (
        model._default_manager.exclude(pk=instance.pk) if instance.pk else model._default_manager
    )
    taken = set(others.filter(**{f"{field}__startswith": base}).values_list(field, flat=True))
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = base[: max_length - len(suffix)].rstrip("-") + suffix
    return candidate
