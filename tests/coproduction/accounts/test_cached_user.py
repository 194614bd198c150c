"""The signed-in account comes from the cache, and every change to it shows on the very next
request: losing access takes effect at once everywhere."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coproduction.accounts.models import Role, User
from coproduction.accounts.services import account_update
from coproduction.governance.access_review.inactive_accounts import account_disable_inactive
from coproduction.notifications.models import Message
from tests.coproduction.accounts.factories import TEST_PASSWORD
from tests.harness.auth import login_as


def _account_data(user: User, **changes) -> dict:
    data = {
        "full_name": user.full_name, "preferred_name": user.preferred_name, "email": user.email,
        "organisation": user.organisation, "is_active": user.is_active, "roles": list(user.roles),
        "teams": [m.team for m in user.memberships], "managed_teams": [m.team for m in user.memberships if m.is_manager],
    }
    return {**data, **changes}


def test_a_signed_in_page_reads_the_account_from_the_cache(client_as, person):
    client = client_as(person)
    client.get(reverse("core:accessibility"))  # the first request fills the cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("core:accessibility"))
    assert response.status_code == 200
    assert response.wsgi_request.user.pk == person.pk
    assert [q["sql"] for q in queries.captured_queries] == []


def test_losing_a_role_takes_effect_on_the_next_request(client_as, practitioner, administrator):
    client = client_as(practitioner)
    assert client.get(reverse("careplans:caseload")).status_code == 200
    account_update(user=practitioner, data=_account_data(practitioner, roles=[Role.PERSON.value]), by=administrator)
    assert client.get(reverse("careplans:caseload")).status_code in (403, 404)
    assert "Caseload" not in client.get(reverse("core:accessibility")).text


def test_a_name_changed_shows_on_the_next_request(client_as, person, administrator):
    client = client_as(person)
    client.get(reverse("core:accessibility"))
    account_update(user=person, data=_account_data(person, preferred_name="Bertie"), by=administrator)
    assert "Bertie" in client.get(reverse("core:accessibility")).text


def test_a_disabled_account_is_signed_out_on_the_next_request(client_as, person, administrator):
    client = client_as(person)
    assert client.get(reverse("core:accessibility")).wsgi_request.user.is_authenticated
    account_disable_inactive(user=person, by=administrator)
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 302
    assert not response.wsgi_request.user.is_authenticated


def test_an_account_switched_off_outside_the_services_is_signed_out_too(client_as, person):
    client = client_as(person)
    client.get(reverse("core:accessibility"))
    person.is_active = False
    person.save(update_fields=["is_active"])  # as the admin site or a shell would
    assert not client.get(reverse("core:accessibility")).wsgi_request.user.is_authenticated


def test_changing_the_password_keeps_this_session_and_ends_the_others(client_as, person):
    here, elsewhere = client_as(person), client_as(person)
    elsewhere.get(reverse("core:accessibility"))
    response = here.post(
        reverse("accounts:password_change"),
        {"old_password": TEST_PASSWORD, "new_password1": "a-brand-new-passphrase-7", "new_password2": "a-brand-new-passphrase-7"},
    )
    assert response.status_code == 302
    assert here.get(reverse("core:accessibility")).wsgi_request.user.is_authenticated
    assert not elsewhere.get(reverse("core:accessibility")).wsgi_request.user.is_authenticated


def test_the_unread_count_comes_with_the_account_and_follows_reading(client_as, person):
    message = Message.objects.create(recipient=person, subject="Your plan was agreed", body="", topic="plans")
    client = client_as(person)
    assert "(1 unread)" in client.get(reverse("core:accessibility")).text
    with CaptureQueriesContext(connection) as queries:
        assert "(1 unread)" in client.get(reverse("core:accessibility")).text
    assert queries.captured_queries == []
    # Opening it from the list marks it read, and the message's page then counts it read.
    response = client.post(reverse("notifications:message_mark", kwargs={"message_id": message.pk}), {"read": "yes"}, follow=True)
    assert "unread)" not in response.text
    assert "unread)" not in client.get(reverse("core:accessibility")).text


def test_staff_sign_in_still_needs_the_second_factor(client, practitioner, settings):
    settings.REQUIRE_STAFF_MFA = True
    client.force_login(practitioner)
    client.get(reverse("core:accessibility"))
    assert client.get(reverse("careplans:caseload")).headers["Location"] == reverse("accounts:mfa")
    login_as(client, practitioner)
    assert client.get(reverse("careplans:caseload")).status_code == 200
