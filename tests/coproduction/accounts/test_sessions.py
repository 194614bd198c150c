"""A signed-in page reads the session, the account and the header's unread count from Redis in
one round trip, and a session key can only ever open the account it was made for."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coproduction.notifications.models import Message
from tests.coproduction.accounts.factories import TEST_PASSWORD, UserFactory

LOGIN = reverse("accounts:login")
PAGE = reverse("core:accessibility")


def _commands_sent() -> int:
    """Commands this test's Redis connection has sent so far (one connection: a single thread)."""
    info = cache._cache.get_client().execute_command("CLIENT", "INFO")
    info = info.decode() if isinstance(info, bytes) else info
    return int(dict(part.split("=", 1) for part in info.split() if "=" in part)["tot-cmds"])


def _round_trips(fetch) -> int:
    before = _commands_sent()
    fetch()
    after = _commands_sent()
    return after - before - 1  # less the CLIENT INFO that read `before`


def test_a_signed_in_page_costs_one_round_trip_to_redis_and_no_query(client, person):
    Message.objects.create(recipient=person, subject="Your plan was agreed", body="", topic="plans")
    client.post(LOGIN, {"username": person.email, "password": TEST_PASSWORD})
    client.get(PAGE)  # the first page notes when the session started and fills the cache
    client.get(PAGE)
    with CaptureQueriesContext(connection) as queries:
        trips = _round_trips(lambda: client.get(PAGE))
        response = client.get(PAGE)
    assert trips == 1
    assert queries.captured_queries == []
    assert response.wsgi_request.user.pk == person.pk
    assert "(1 unread)" in response.text


def test_signing_in_gives_a_new_session_that_names_the_account(client, person):
    client.get(LOGIN)
    before = client.cookies.get(settings.SESSION_COOKIE_NAME)
    client.post(LOGIN, {"username": person.email, "password": TEST_PASSWORD})
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert before is None or before.value != key
    assert key.endswith(f"-{person.pk}")
    assert client.get(PAGE).wsgi_request.user.pk == person.pk


def test_a_session_key_changed_to_name_another_account_opens_nothing(client, person):
    someone_else = UserFactory()
    client.post(LOGIN, {"username": person.email, "password": TEST_PASSWORD})
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.cookies[settings.SESSION_COOKIE_NAME] = key.rsplit("-", 1)[0] + f"-{someone_else.pk}"
    response = client.get(PAGE)
    assert not response.wsgi_request.user.is_authenticated
    assert client.get(reverse("accounts:home")).status_code == 302


def test_signing_out_ends_the_session_that_named_the_account(client, person):
    client.post(LOGIN, {"username": person.email, "password": TEST_PASSWORD})
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(reverse("accounts:logout"))
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    assert not client.get(PAGE).wsgi_request.user.is_authenticated
