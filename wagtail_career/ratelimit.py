"""Rate limits on the public forms (comment post, flag, newsletter signup).

Each request counts against its client address and, when there is one, its account (the
signed-in user, or the email address an anonymous visitor typed), in fixed windows kept in
their own cache alias (``WAGTAIL_CAREER_RATE_LIMIT_CACHE_ALIAS``), which page entries cannot
evict: with Redis or Memcached every worker shares the counts, so a site with several
processes must use one of them (LocMem counts per process).
"""

import hashlib
import ipaddress

from .cache import rate_limit_cache
from .conf import get_setting
from .inputs import email_key

# Scope name -> prefix of its WAGTAIL_CAREER_<PREFIX>_RATE_LIMIT / _RATE_PERIOD settings.
SCOPES = {
    "comment": "COMMENTS",
    "flag": "COMMENTS_FLAG",
    "signup": "NEWSLETTER",
}


def client_address(request):
    """The client's IP address, or ``""``.

    ``WAGTAIL_CAREER_CLIENT_IP_HEADER`` names the ``request.META`` key to read. For a
    forwarding header (``HTTP_X_FORWARDED_FOR``), each of the
    ``WAGTAIL_CAREER_TRUSTED_PROXIES`` proxies in front of the site appends the address it
    received from, so the client is the entry that many places from the right; whatever
    stands further left was written by the client and is never used. A missing, short or
    invalid header falls back to ``REMOTE_ADDR``.
    """
    header = get_setting("CLIENT_IP_HEADER")
    value = request.META.get(header, "")
    if header != "REMOTE_ADDR":
        entries = [entry.strip() for entry in value.split(",")]
        proxies = max(1, get_setting("TRUSTED_PROXIES"))
        value = entries[-proxies] if len(entries) >= proxies else ""
    address = _ip(value) or _ip(request.META.get("REMOTE_ADDR", ""))
    return str(address) if address else ""


def _ip(value):
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def client_key(request):
    """What one client's rate limit counts against: its IPv4 address, or its IPv6 network of
    ``WAGTAIL_CAREER_IPV6_PREFIX`` bits (a /64 is what one subscriber gets)."""
    address = client_address(request)
    if ":" not in address:
        return address
    prefix = min(128, max(0, int(get_setting("IPV6_PREFIX"))))
    network = ipaddress.ip_network(f"{address}/{prefix}", strict=False)
    return str(network)


def request_accounts(request, email=""):
    """The account keys of a request: the signed-in user, else the typed email if any."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return [f"user:{user.pk}"]
    email = email_key(str(email or "")[:254])
    return [f"email:{email}"] if email else []


def _spend(key, period):
    cache = rate_limit_cache()
    cache.add(key, 0, timeout=period)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=period)
        return 1


def allow(scope, request, accounts=()):
    """Count this request in ``scope`` for its address and ``accounts``; False once one of
    their budgets (``WAGTAIL_CAREER_<SCOPE>_RATE_LIMIT`` per ``_RATE_PERIOD`` seconds) is spent."""
    prefix = SCOPES[scope]
    limit = get_setting(f"{prefix}_RATE_LIMIT")
    period = get_setting(f"{prefix}_RATE_PERIOD")
    allowed = True
    for who in [f"ip:{client_key(request)}", *accounts]:
        digest = hashlib.sha256(who.encode()).hexdigest()[:32]
        if _spend(f"wagtail_career:ratelimit:{scope}:{digest}", period) > limit:
            allowed = False
    return allowed


def first_in(scope, key, seconds):
    """True the first time ``key`` is seen in ``scope`` within ``seconds`` (a resend
    interval, e.g. one confirmation mail per address); ``release`` forgets it."""
    return rate_limit_cache().add(_interval_key(scope, key), 1, timeout=seconds)


def release(scope, key):
    rate_limit_cache().delete(_interval_key(scope, key))


def _interval_key(scope, key):
    digest = hashlib.sha256(str(key).encode()).hexdigest()[:32]
    return f"wagtail_career:interval:{scope}:{digest}"
