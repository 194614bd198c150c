"""The local OpenID provider (tests/oidc_provider/server.py), run in its own process for the
whole session, and a helper that signs in through it the way a browser would: the service's
redirect to the provider, the provider's sign-in form, the provider's redirect back."""

import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from django.core.cache import cache
from django.urls import reverse

from tests.oidc_provider.server import CLIENT_ID, CLIENT_SECRET

ROOT = Path(__file__).resolve().parents[2]
CALLBACK = "/accounts/council-sign-in/callback/"


class LocalProvider:
    def __init__(self, issuer: str):
        self.issuer = issuer

    def control(self, **data) -> None:
        requests.post(f"{self.issuer}/_control", json=data, timeout=5).raise_for_status()

    def set_people(self, **people: dict) -> None:
        """people: username -> {sub, email, name, groups, amr}."""
        self.control(people=people)

    def fault_next_token(self, fault: str) -> None:
        self.control(fault=fault)

    def allow_redirect(self, base_url: str) -> None:
        self.control(redirect_uris=[f"{base_url}{CALLBACK}"])

    def fetches(self) -> dict:
        """How many times the discovery document and the keys have been read."""
        return requests.get(f"{self.issuer}/_control", timeout=5).json()["fetches"]


@pytest.fixture(scope="session")
def _local_provider():
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.oidc_provider.server", "--port", "0", "--redirect-uri", f"http://testserver{CALLBACK}"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline().strip()
        if not line.startswith("READY "):
            pytest.fail(f"The local OpenID provider did not start: {line!r}")
        yield LocalProvider(line.split(" ", 1)[1])
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def identity_provider(_local_provider, settings):
    """The service configured to sign staff in through the local provider, which knows nobody
    until the test says who."""
    settings.OIDC_ISSUER = _local_provider.issuer
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_PROVIDER_NAME = "Test Council account"
    _local_provider.control(people={}, fault=None)
    cache.clear()  # the discovery document and keys of an earlier test's provider settings
    yield _local_provider
    _local_provider.control(people={}, fault=None)


def provider_redirect_back(authorize_url: str, *, username: str) -> str:
    """At the provider: open its sign-in page, sign in as `username`, return where it sends the
    browser back to (the service's callback, with the code and state)."""
    session = requests.Session()
    page = session.get(authorize_url, timeout=5)
    assert page.status_code == 200, page.text
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page.text))
    fields = {name: unescape(value) for name, value in fields.items()}
    parts = urlsplit(authorize_url)
    answer = session.post(f"{parts.scheme}://{parts.netloc}/authorize", data={**fields, "username": username}, allow_redirects=False, timeout=5)
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"]


def sign_in_through_provider(client, *, username: str, next_url: str | None = None):
    """Sign in with the Django test client through the provider; returns the callback's response."""
    start = reverse("accounts:sso_start") + (f"?next={next_url}" if next_url else "")
    response = client.get(start)
    assert response.status_code == 302, response.content
    back = provider_redirect_back(response.headers["Location"], username=username)
    parts = urlsplit(back)
    assert parts.path == CALLBACK
    return client.get(f"{parts.path}?{parts.query}")
