import pytest
from django.test import Client
from django.urls import reverse

from tests.authorization_matrix import MATRIX
from tests.harness.auth import login_as
from tests.harness.matrix import ANONYMOUS, EVERYONE, check, named_urls
from tests.harness.world import read_only_world


@pytest.fixture
def world(read_only_world):
    """Built once for the module: every case only reads it, and what a GET writes (an audit
    row, a session) is rolled back after each case."""
    return read_only_world


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
def test_authorization_matrix(row, world):
    url = reverse(row.url_name, kwargs=row.kwargs(world))
    login_url = reverse("accounts:login")
    wrong = []
    for who in EVERYONE:
        client = Client()
        if who != ANONYMOUS:
            login_as(client, world["users"][who])
        response = client.get(url)
        expected = row.expect[who]
        if not check(response, expected, login_url):
            wrong.append(f"{who}: expected {expected.value}, got {response.status_code} {response.headers.get('Location', '')}")
        if _peer_support_words_shown(world, who, response):
            wrong.append(f"{who}: read a peer support network's discussion")
    assert wrong == [], f"{url}\n" + "\n".join(wrong)
