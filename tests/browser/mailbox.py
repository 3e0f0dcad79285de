"""Reading the demo site's mail in the browser tests.

The demo server is started with ``EMAIL_HOST``/``EMAIL_PORT`` pointing at a loopback
``SMTPServer`` (``tests.smtp``), so the mail a visitor's click sends really goes through
Django's SMTP backend and arrives in its mailbox.
"""

import re

from tests.smtp import Mailbox

URL = re.compile(r"https?://\S+")


def text_of(message):
    return Mailbox.body(message)


def links_in(message, containing):
    """The URLs of the plain-text part that contain ``containing``."""
    return [url for url in URL.findall(text_of(message)) if containing in url]
