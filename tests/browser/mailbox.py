"""A real SMTP server on loopback that keeps the demo site's mail for the browser tests.

The demo server is started with ``EMAIL_HOST``/``EMAIL_PORT`` pointing here, so the mail a
visitor's click sends really goes through Django's SMTP backend and arrives in ``messages``.
"""

import email
import email.policy
import re
import socket
import threading
import time

from aiosmtpd.controller import Controller

# Mail is sent while the request that triggers it is served (the demo's immediate task
# backend), so it is there within moments; longer than this means it never left.
MAIL_TIMEOUT = 10
URL = re.compile(r"https?://\S+")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Mailbox:
    """The aiosmtpd handler: every message received, parsed, in arrival order."""

    def __init__(self):
        self.messages = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append(message)
        return "250 OK"

    def wait_for(self, to, subject, timeout=MAIL_TIMEOUT):
        """The latest message to ``to`` whose subject contains ``subject``, waiting for it."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                found = [m for m in self.messages if to in m["To"] and subject in str(m["Subject"])]
            if found:
                return found[-1]
            if time.monotonic() > deadline:
                subjects = [f"{m['To']}: {m['Subject']}" for m in self.messages]
                raise AssertionError(f"no mail to {to} about {subject!r}; received {subjects}")
            time.sleep(0.1)

    def sent_to(self, to):
        with self._lock:
            return [m for m in self.messages if to in m["To"]]


def text_of(message):
    return message.get_body(("plain",)).get_content()


def links_in(message, containing):
    """The URLs of the plain-text part that contain ``containing``."""
    return [url for url in URL.findall(text_of(message)) if containing in url]


class SMTPServer:
    """Context manager: a Mailbox served on a free loopback port."""

    def __init__(self):
        self.mailbox = Mailbox()
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=free_port())

    @property
    def env(self):
        """The environment that points the demo's dev settings at this server."""
        return {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(self.controller.port)}

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc_info):
        self.controller.stop()
