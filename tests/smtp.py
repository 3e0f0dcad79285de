"""A real SMTP server on loopback (aiosmtpd) for every test that reads mail.

The mail tests, the fault tests and the browser tests all need the same thing: Django's SMTP
backend talking to a server that keeps what it receives. ``SMTPServer`` serves a
``Mailbox`` on a free 127.0.0.1 port; ``use_smtp`` points Django's settings at it.
"""

import asyncio
import email
import email.policy
import socket
import threading
import time

from aiosmtpd.controller import Controller

# Mail leaves while the request (or command) that sends it runs, so it arrives within
# moments; longer than this means it never left.
MAIL_TIMEOUT = 10


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Mailbox:
    """The aiosmtpd handler: every message received, parsed, in arrival order.

    ``delay`` makes the server slow to answer; ``refuse`` is how many next messages to
    refuse with a temporary error.
    """

    def __init__(self, delay=0):
        self.delay = delay
        self.refuse = 0
        self.messages = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.delay)
        if self.refuse:
            self.refuse -= 1
            return "451 Try again later"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append(message)
        return "250 OK"

    @staticmethod
    def body(message, kind="plain"):
        return message.get_body((kind,)).get_content()

    def sent_to(self, to):
        with self._lock:
            return [m for m in self.messages if to in m["To"]]

    def wait_for(self, to, subject, timeout=MAIL_TIMEOUT):
        """The latest message to ``to`` whose subject contains ``subject``, waiting for it."""
        deadline = time.monotonic() + timeout
        while True:
            found = [m for m in self.sent_to(to) if subject in str(m["Subject"])]
            if found:
                return found[-1]
            if time.monotonic() > deadline:
                subjects = [f"{m['To']}: {m['Subject']}" for m in self.messages]
                raise AssertionError(f"no mail to {to} about {subject!r}; received {subjects}")
            time.sleep(0.1)


class SMTPServer:
    """Context manager: ``mailbox`` served on ``port`` (a free loopback port by default)."""

    def __init__(self, mailbox=None, port=None):
        self.mailbox = mailbox or Mailbox()
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=port or free_port())

    @property
    def port(self):
        return self.controller.port

    @property
    def env(self):
        """The environment that points the demo site's dev settings at this server."""
        return {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(self.port)}

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc_info):
        self.controller.stop()


def use_smtp(settings, port, timeout):
    """Send Django's mail over SMTP to 127.0.0.1:``port``, giving up after ``timeout`` s."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_TIMEOUT = timeout
