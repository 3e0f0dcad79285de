"""Production settings: every secret and host comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MIDDLEWARE

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# DJANGO_ALLOWED_HOSTS="career.example,www.career.example": required (no host, no site).
ALLOWED_HOSTS = [
    host.strip() for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if host.strip()
]
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS to the site's host names.")
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]
# Links in admin mail; the first allowed host, over HTTPS, unless set.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

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

# The client address for rate limits (README, "Client addresses behind proxies"):
# - the site faces the internet directly (the default): REMOTE_ADDR;
# - behind N reverse proxies that each append to X-Forwarded-For (nginx with
#   $proxy_add_x_forwarded_for, a cloud load balancer, a CDN in front of nginx: N=2), set
#   CAREER_TRUSTED_PROXIES=N: the client is the N-th entry from the right, and what a client
#   writes into the header itself is never used.
TRUSTED_PROXIES = int(os.environ.get("CAREER_TRUSTED_PROXIES", "0"))
if TRUSTED_PROXIES:
    WAGTAIL_CAREER_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    WAGTAIL_CAREER_TRUSTED_PROXIES = TRUSTED_PROXIES

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Static files served by the app itself (WhiteNoise), compressed (gzip, and Brotli when the
# brotli package is installed) and under hashed names cached for a year: run collectstatic
# on deploy. WhiteNoise comes first after SecurityMiddleware, which moves to the top, so
# that a stylesheet is answered before sessions, the page cache's lookup or the locale run
# (and every response, cached pages included, gets the security headers and the redirect to
# HTTPS). Pages are gzipped on the way out (the page cache keeps them as rendered); Django's
# GZipMiddleware pads its output against BREACH.
SECURITY_MIDDLEWARE = "django.middleware.security.SecurityMiddleware"
MIDDLEWARE = [
    SECURITY_MIDDLEWARE,
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    *(name for name in MIDDLEWARE if name != SECURITY_MIDDLEWARE),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
