"""Which link targets the package puts in an ``href``: site-relative paths and http(s),
mailto: and tel: addresses, never ``javascript:`` or ``data:``.

Editors' forms validate links with the same rule (``sharing.validate_link``, URL fields);
templates pass stored links through the ``safe_link`` filter as well, so a value that
bypassed the forms (an import, the shell) is dropped instead of becoming a script.
"""

from urllib.parse import urlsplit

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def is_safe_link(value):
    value = str(value or "").strip()
    if value.startswith("/") and not value.startswith("//"):
        return True
    try:
        scheme = urlsplit(value).scheme.lower()
    except ValueError:
        return False
    # Browsers drop control characters and whitespace inside a scheme ("java\tscript:").
    return scheme in SAFE_SCHEMES and value[: len(scheme)].isalpha()


def safe_link(value):
    """``value`` if it is a safe link target, else ``""``."""
    return str(value).strip() if is_safe_link(value) else ""
