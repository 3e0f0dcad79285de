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

# Scope name -> prefix of its WAGTAIL_CAREER_<PREFIX>_RATE_LIMIT / _RATE_PERIOD settings.
SCOPES = {
    "comment": "COMMENTS",
    "flag": "COMMENTS_FLAG",
    "signup": "NEWSLETTER",
}


def client_address(request):
    """The client's IP address as ``WAGTAIL_CAREER_CLIENT_IP_HEADER`` gives it, or ``""``.

    Behind a proxy, the last ``X-Forwarded-For`` entry is the one the proxy appended; the
    earlier ones are whatever the client sent. A value that is not an IP address is ignored.
    """
    value = request.META.get(get_setting("CLIENT_IP_HEADER"), "").split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return ""


def request_accounts(request, email=""):
    """The account keys of a request: the signed-in user, else the typed email if any."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return [f"user:{user.pk}"]
    email = str(email or "").strip().lower()[:254]
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
    for who in [f"ip:{client_address(request)}", *accounts]:
        digest = hashlib.sha256(who.encode()).hexdigest()[:32]
        if _spend(f"wagtail_career:ratelimit:{scope}:{digest}", period) > limit:
            allowed = False
    return allowed
