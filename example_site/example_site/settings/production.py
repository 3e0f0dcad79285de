"""Production settings: every secret and host comes from the environment."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",")
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if host]

# One Redis for pages, fragments and the rate-limit counters, under two aliases: the counters
# have their own, so that no flood of cached pages can evict them.
CACHES = {
    alias: {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "KEY_PREFIX": alias,
    }
    for alias in ("default", "wagtail_career_ratelimit")
}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
# A slow or silent SMTP server must not hold a worker forever: mail tasks fail, log and retry.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

# Behind a reverse proxy, rate limits count the address the proxy appends to X-Forwarded-For
# (set WAGTAIL_CAREER_CLIENT_IP_HEADER=REMOTE_ADDR when the site faces the internet directly).
WAGTAIL_CAREER_CLIENT_IP_HEADER = os.environ.get(
    "WAGTAIL_CAREER_CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR"
)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
