"""Slugs filled from a name when an editor leaves them empty: Unicode-aware and unique."""

from django.utils.text import slugify

# Used when a name has no letter or digit to make a slug from (e.g. "…").
FALLBACK = "item"


def _others(instance):
    """The other rows whose slug ``instance``'s must differ from (its locale's, if any)."""
    manager = type(instance)._default_manager
    others = manager.exclude(pk=instance.pk) if instance.pk else manager.all()
    if getattr(instance, "locale_id", None) is not None:
        others = others.filter(locale_id=instance.locale_id)
    return others


def slug_taken(instance, slug, field="slug"):
    """Whether another row (of ``instance``'s locale, for a translatable model) has ``slug``."""
    return _others(instance).filter(**{field: slug}).exists()


def unique_slug(instance, name, field="slug"):
    """A slug for ``name`` that no other row of ``instance``'s model has (``name``, then
    ``name-2``, ``name-3``…), within the field's ``max_length``.

    For a translatable model (Wagtail's ``TranslatableMixin``) slugs need only be unique
    within the instance's locale: a translation may keep the original's slug."""
    model = type(instance)
    max_length = model._meta.get_field(field).max_length
    base = slugify(name, allow_unicode=True)[:max_length].strip("-") or FALLBACK
    taken = set(
        _others(instance).filter(**{f"{field}__startswith": base}).values_list(field, flat=True)
    )
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = base[: max_length - len(suffix)].rstrip("-") + suffix
    return candidate
