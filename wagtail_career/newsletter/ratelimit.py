"""A per-client-address rate limit on signups, kept in Django's cache (shared by workers
when the cache is Redis or Memcached)."""

import hashlib

from django.core.cache import cache

from ..conf import get_setting


def client_address(request):
    header = get_setting("NEWSLETTER_CLIENT_IP_HEADER")
    # Behind a proxy, the last X-Forwarded-For entry is the one the proxy appended; the
    # earlier ones are whatever the client sent.
    return request.META.get(header, "").split(",")[-1].strip()


def allow_signup(request):
    """Count this request against the client's budget; False once it is spent."""
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"wagtail_career:newsletter:signup:{address}"
    period = get_setting("NEWSLETTER_RATE_PERIOD")
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=period)
        count = 1
    return count <= get_setting("NEWSLETTER_RATE_LIMIT")
