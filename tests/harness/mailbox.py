"""A real SMTP server (aiosmtpd) on a free localhost port, receiving what the service emails.

The `mailbox` fixture points Django's SMTP email backend at it, so a test reads the emails a
person would get: `mailbox.messages` (email.message.EmailMessage objects, oldest first) and
`mailbox.wait_for(n)`. `mailbox.refuse_next(n)` makes the next n emails fail as a mail server
does when it is busy (451), to test retries; `reply="550 ..."` refuses them for good.
"""

import socket
import threading
import time
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Mailbox:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self._refuse = 0
        self._reply = ""
        self.host = "127.0.0.1"
        self.port = 0

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        with self._lock:
            if self._refuse:
                self._refuse -= 1
                return self._reply
            self._messages.append(message_from_bytes(envelope.content, policy=default_policy))
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"

    @property
    def messages(self) -> list[EmailMessage]:
        with self._lock:
            return list(self._messages)

    def to(self, address: str) -> list[EmailMessage]:
        return [message for message in self.messages if address.lower() in str(message["To"]).lower()]

    def refuse_next(self, count: int, *, reply: str = "451 Requested action aborted: try again later") -> None:
        """The next `count` emails are refused with `reply` (4xx: try later; 5xx: refused for good)."""
        with self._lock:
            self._refuse, self._reply = count, reply

    def clear(self) -> None:
        with self._lock:
            self._messages.clear()
            self.envelopes.clear()
            self._refuse = 0

    def wait_for(self, count: int, *, timeout: float = 30) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.messages) >= count:
                return self.messages
            time.sleep(0.05)
        raise AssertionError(f"Expected {count} emails, got {len(self.messages)} after {timeout} s")

    @staticmethod
    def text(message: EmailMessage) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()


@pytest.fixture(scope="session")
def _smtp_server():
    mailbox = Mailbox()
    mailbox.port = _free_port()
    controller = Controller(mailbox, hostname=mailbox.host, port=mailbox.port)
    controller.start()
    try:
        yield mailbox
    finally:
        controller.stop()


@pytest.fixture
def mailbox(_smtp_server, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = _smtp_server.host
    settings.EMAIL_PORT = _smtp_server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    _smtp_server.clear()
    yield _smtp_server
    _smtp_server.clear()
