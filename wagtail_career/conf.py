"""The package's settings, read as ``WAGTAIL_CAREER_*`` with documented defaults.

Read them through :func:`get_setting` at call time (not import time) so that
``override_settings`` in tests and per-deployment settings both take effect.
"""

from django.conf import settings

DEFAULTS = {
    # The template every career page extends; it must define the blocks
    # ``title``, ``extra_css``, ``content`` and ``extra_js`` (as ``wagtail start``'s does).
    "BASE_TEMPLATE": "base.html",
    # Articles per page on the career index and the author archive.
    "PAGE_SIZE": 10,
    # Reading speed used for an article's reading time.
    "WORDS_PER_MINUTE": 200,
    # Top-level comments (each with its replies) per page of an article's comment section.
    "COMMENTS_PER_PAGE": 50,
    # Days a mailed comment confirmation or "stop notifications" link stays valid.
    "COMMENTS_LINK_MAX_AGE_DAYS": 7,
    # Who is mailed about held comments: a list of addresses, or None for every active
    # user with an email who has the django_comments.can_moderate permission (or is superuser).
    "COMMENTS_MODERATOR_EMAILS": None,
    # Items in each RSS/Atom feed (the newest articles).
    "FEED_SIZE": 20,
    # Related articles shown at the end of an article (0 hides the section).
    "RELATED_ARTICLES": 3,
    # Seconds a newsletter confirmation link stays valid (7 days).
    "NEWSLETTER_CONFIRM_MAX_AGE": 7 * 24 * 3600,
    # Minimum seconds between two confirmation mails to one pending address.
    "NEWSLETTER_RESEND_INTERVAL": 5 * 60,
    # Signup requests allowed per client address, and per account or typed address, in
    # each NEWSLETTER_RATE_PERIOD; more get a 429 page that keeps the address typed.
    "NEWSLETTER_RATE_LIMIT": 10,
    # Length in seconds of the signup rate-limit window.
    "NEWSLETTER_RATE_PERIOD": 60,
    # Comment posts allowed per client address, and per account or typed address, in each
    # COMMENTS_RATE_PERIOD; more get a 429 page that keeps the comment's text.
    "COMMENTS_RATE_LIMIT": 10,
    # Length in seconds of the comment rate-limit window.
    "COMMENTS_RATE_PERIOD": 60,
    # Minimum seconds between two comment confirmation mails to one address ("anyone may
    # comment" policy): the visitor is told and keeps their text.
    "COMMENTS_CONFIRM_RESEND_INTERVAL": 5 * 60,
    # Comment reports ("flag") allowed per client address and per account in each
    # COMMENTS_FLAG_RATE_PERIOD.
    "COMMENTS_FLAG_RATE_LIMIT": 10,
    # Length in seconds of the flag rate-limit window.
    "COMMENTS_FLAG_RATE_PERIOD": 60,
    # Store the subscriber's IP address with their consent record (off: data minimisation).
    "NEWSLETTER_STORE_IP": False,
    # request.META key holding the client address (rate limits, stored IPs); behind proxies
    # use e.g. "HTTP_X_FORWARDED_FOR" with TRUSTED_PROXIES.
    "CLIENT_IP_HEADER": "REMOTE_ADDR",
    # With a forwarding CLIENT_IP_HEADER: how many proxies in front of the site append to it;
    # the client is that many entries from the right (earlier entries are the client's own).
    "TRUSTED_PROXIES": 1,
    # Rate limits count an IPv6 client per network of this many bits (one subscriber's /64).
    "IPV6_PREFIX": 64,
    # Sender of newsletter mail; None uses DEFAULT_FROM_EMAIL.
    "NEWSLETTER_FROM_EMAIL": None,
    # Seconds an entry of the package's cache (pages, fragments, counts) is kept at most;
    # edits purge it at once. Keep it under two hours: a cached comment form's security
    # stamp expires then.
    "CACHE_TIMEOUT": 10 * 60,
    # The CACHES alias of the package's cache (pages, fragments, counts).
    "CACHE_ALIAS": "default",
    # The CACHES alias of the rate-limit counters; when CACHES has no such alias, a private
    # per-process memory cache (check W020 warns about it in production).
    "RATE_LIMIT_CACHE_ALIAS": "wagtail_career_ratelimit",
    # More cookie names that make a request bypass the page cache (the session and messages
    # cookies always do).
    "PAGE_CACHE_BYPASS_COOKIES": (),
    # Pages per file of the package's sitemap (wagtail_career.sitemaps): past that many, its
    # /sitemap.xml is a sitemap index of files of that many pages. A page's entries include
    # its translations outside the site's tree: keep it times the languages <= 50,000 URLs.
    "SITEMAP_LIMIT": 10_000,
    # Open Graph's og:locale (and og:locale:alternate) of each content language: a dict of
    # language code -> Open Graph locale. A language not in it is written as its locale name
    # ("fr-ca" -> "fr_CA", "de" -> "de"). The default suits a Quebec firm: French and English
    # content is Canadian. E.g. {"fr": "fr_FR", "en": "en_US"} for a site in France.
    "OG_LOCALES": {"fr": "fr_CA", "en": "en_CA"},
    # The WAGTAILSEARCH_BACKENDS alias that searches each content language: a dict of
    # language code -> alias; a language not in it (and the default {}) uses "default". E.g.
    # {"fr": "french", "en": "english"} with two aliases of Wagtail's database backend on
    # PostgreSQL, {"SEARCH_CONFIG": "french"} and {"SEARCH_CONFIG": "english"}, so that
    # "professionnelles" finds "professionnel". Wagtail's database backend keeps one index
    # table for all its aliases: on PostgreSQL, index with
    # "wagtail_career.search_backends.postgres" (each object in its own language's
    # configuration, SEARCH_CONFIGS) and make the per-language aliases query-only
    # ("AUTO_UPDATE": False); with Elasticsearch/OpenSearch, one INDEX and analyzer per alias.
    "SEARCH_BACKENDS": {},
    # The country (ISO 3166-1 alpha-2) a new job offer is in until an editor changes it.
    "JOBS_DEFAULT_COUNTRY": "CA",
    # Attempts at sending one mail of the outbox before it is marked failed.
    "MAIL_MAX_ATTEMPTS": 8,
    # Seconds before the first retry of a mail that could not be sent; doubled each time.
    "MAIL_RETRY_DELAY": 60,
    # Seconds a sent mail is kept in the outbox (the admin's record) before it is pruned.
    "MAIL_KEEP_SENT": 30 * 24 * 3600,
    # Subscriptions per digest batch (one task, one SMTP connection).
    "DIGEST_BATCH_SIZE": 200,
    # Retention periods, in seconds, applied by ``manage.py career_retention`` (or the task
    # ``wagtail_career.privacy.career_retention``); None keeps that data forever.
    # A newsletter signup never confirmed is deleted this long after it was made (30 days).
    "RETENTION_PENDING": 30 * 24 * 3600,
    # An unsubscribed address is anonymised this long after it unsubscribed (3 years, the
    # time Canada's anti-spam law lets a complaint be brought): the dated withdrawal and a
    # keyed hash of the address (the suppression list) are kept, nothing else.
    "RETENTION_UNSUBSCRIBED": 3 * 365 * 24 * 3600,
    # The IP address stored with a comment is cleared this long after it was posted (1 year).
    "RETENTION_COMMENT_IP": 365 * 24 * 3600,
}


def get_setting(name):
    return getattr(settings, f"WAGTAIL_CAREER_{name}", DEFAULTS[name])
