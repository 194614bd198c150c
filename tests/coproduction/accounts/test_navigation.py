"""The navigation is worked out once per set of roles, so each item's permission must depend on
the roles alone: an account with teams, a managed team and someone it represents gets the same
answer as a bare account with the same roles."""

import pytest
from django.urls import reverse

from coproduction.accounts.models import Role, User
from coproduction.accounts.navigation import NAV_ITEMS
from tests.careplans.factories import PersonFactory, RepresentativeFactory


@pytest.mark.parametrize("role", list(Role))
def test_each_navigation_permission_depends_on_the_roles_alone(users, team, role):
    account = users[role]
    RepresentativeFactory(person=PersonFactory(team=team), user=account)
    bare = User(roles=list(account.roles), is_active=True)
    for item in NAV_ITEMS:
        if item.permission:
            assert account.has_perm(item.permission) == bare.has_perm(item.permission), item.permission


def test_the_navigation_follows_a_change_of_roles(client_as, users, administrator):
    from coproduction.accounts.services import account_update

    practitioner = users[Role.PRACTITIONER]
    client = client_as(practitioner)
    assert "Caseload" in client.get(reverse("core:accessibility")).text
    data = {
        "full_name": practitioner.full_name, "preferred_name": "", "email": practitioner.email,
        "organisation": practitioner.organisation, "is_active": True, "roles": [Role.PERSON.value],
        "teams": [], "managed_teams": [],
    }
    account_update(user=practitioner, data=data, by=administrator)
    page = client.get(reverse("core:accessibility")).text
    assert "Caseload" not in page and "My plan" in page
