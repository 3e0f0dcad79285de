"""Reading what a request sends: every integer, link target and e-mail address the package
takes from a query string, a form, a URL or an admin filter goes through one of these.

Each function answers ``None`` (or ``""``) for anything it does not accept, so a caller
turns bad input into a 400, a 404 or a form error, never into a 500.
"""

import re
import unicodedata
from urllib.parse import urlsplit

from django.conf import settings

# The largest id a database column of the package can hold (a signed 64-bit integer).
MAX_ID = 2**63 - 1
ASCII_DIGITS = re.compile(r"[0-9]{1,19}")
# C0 and C1 controls, DEL and the characters WHATWG URL parsing silently removes or that
# browsers treat as spaces: a target containing any is refused outright.
CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def parse_int(value, minimum=0, maximum=MAX_ID):
    """``value`` as an int when it is ASCII digits (a str, or an int) within
    ``minimum``–``maximum``; ``None`` for anything else (``"²"``, ``"1e3"``, ``" 1"``,
    20 digits, a list…)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and ASCII_DIGITS.fullmatch(value):
        number = int(value)
    else:
        return None
    return number if minimum <= number <= maximum else None


def parse_ints(values, minimum=1, maximum=MAX_ID):
    """The accepted integers of ``values`` (e.g. ``request.POST.getlist("ids")``), in order,
    without duplicates."""
    numbers = []
    for value in values:
        number = parse_int(value, minimum, maximum)
        if number is not None and number not in numbers:
            numbers.append(number)
    return numbers


def local_path(value):
    """``value`` when it is a path on this site (``/…``, not ``//…`` nor ``/\\…``), without
    control characters or backslashes, and with no scheme or host; else ``""``.

    For every redirect or "back" link built from input: a target a browser could read as
    another origin (``/\\t/evil.example/``, ``/\\\\evil.example``, ``https://…``) is dropped.
    """
    value = str(value or "")
    if not value.startswith("/") or value.startswith("//"):
        return ""
    if "\\" in value or CONTROL.search(value):
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    if parts.scheme or parts.netloc:
        return ""
    return value


def same_origin(request):
    """Whether a POST comes from this site's pages: a browser's ``Origin`` header, when it
    sends one, names this host (or one of ``CSRF_TRUSTED_ORIGINS``); ``Origin: null`` (a
    sandboxed or privacy-redirected form) does not."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True  # not a browser, or an old one: nothing a forged page could use
    own = f"{request.scheme}://{request.get_host()}"
    return origin in {own, *getattr(settings, "CSRF_TRUSTED_ORIGINS", ())}


def normalize_email(value):
    """One spelling per mailbox: NFC, the domain lower-cased in its ASCII (IDNA) form, the
    local part as typed. ``x@exämple.com`` and ``x@xn--exmple-cua.com`` are one address.
    Compare with :func:`email_key`."""
    value = unicodedata.normalize("NFC", str(value or "").strip())
    local, at, domain = value.rpartition("@")
    if not at:
        return value
    try:
        domain = domain.lower().encode("idna").decode("ascii")
    except UnicodeError:
        domain = domain.lower()
    return f"{local}@{domain}"


def email_key(value):
    """What two addresses of one mailbox share, for uniqueness and limits (case-insensitive,
    as the package's unique constraints are)."""
    return normalize_email(value).lower()


def one_line(text):
    """A mail subject from rendered text: no line breaks (header injection) nor runs of
    spaces."""
    return " ".join(str(text).split())
