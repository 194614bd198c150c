from importlib import import_module

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.authorization_matrix import MATRIX
from tests.harness.auth import login_as
from tests.harness.matrix import ANONYMOUS, EVERYONE, check, named_urls
from tests.harness.world import read_only_world


@pytest.fixture(autouse=True)
def _no_worker_to_wait_for(settings):
    """No worker runs beside the matrix, so the readiness probe answers 503 whoever asks: it
    need not wait half a second for a reply, eleven times."""
    settings.HEALTH_WORKER_PING_SECONDS = 0.05


@pytest.fixture
def world(read_only_world):
    """Built once for the module: every case only reads it, and what a GET writes (an audit
    row, a session) is rolled back after each case."""
    return read_only_world


@pytest.fixture(scope="module")
def sessions(read_only_world, django_db_blocker):
    """Each role signs in once for the module, inside the world's transaction: a sign-in costs
    as much as the page it opens, and every case asks as every role. What each session held
    just after signing in is kept, for `client_for` to put back before every request."""
    signed_in = {}
    with django_db_blocker.unblock():
        for who in EVERYONE:
            if who != ANONYMOUS:
                client = login_as(Client(), read_only_world["users"][who])
                signed_in[who] = (client.cookies[settings.SESSION_COOKIE_NAME].value, dict(client.session.items()))
    return signed_in


def client_for(who, sessions) -> Client:
    """A new client for `who`, its session exactly as a fresh sign-in leaves it: whatever an
    earlier page wrote to it, or a sign-out that ended it, is undone."""
    client = Client()
    if who == ANONYMOUS:
        return client
    key, data = sessions[who]
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key=key)
    store._session_cache = dict(data)
    store.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    return client


def test_every_named_url_has_a_row():
    covered = {row.url_name for row in MATRIX}
    missing = sorted(named_urls() - covered)
    assert missing == [], f"Add these URLs to tests/authorization_matrix.py: {missing}"


def test_every_row_names_a_real_url():
    assert {row.url_name for row in MATRIX} <= named_urls()


def _peer_support_words_shown(world, who, response) -> bool:
    """A peer support network's discussions reach its members only: never council staff, on
    any page they can open."""
    if who in world["peer_support_member_roles"] or response.status_code != 200 or response.streaming:
        return False
    return any(words.encode() in response.content for words in world["peer_support_words"])


@pytest.mark.parametrize("row", MATRIX, ids=lambda row: row.test_id)
def test_authorization_matrix(row, world, sessions):
    url = reverse(row.url_name, kwargs=row.kwargs(world))
    login_url = reverse("accounts:login")
    wrong = []
    for who in EVERYONE:
        response = client_for(who, sessions).get(url)
        expected = row.expect[who]
        if not check(response, expected, login_url):
            wrong.append(f"{who}: expected {expected.value}, got {response.status_code} {response.headers.get('Location', '')}")
        if _peer_support_words_shown(world, who, response):
            wrong.append(f"{who}: read a peer support network's discussion")
    assert wrong == [], f"{url}\n" + "\n".join(wrong)
