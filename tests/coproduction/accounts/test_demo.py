"""The demo's council sign-in: Tom and Grace sign in through the local provider with the people
it is started with under `make run-sso`, and arrive as their own demo accounts."""

import json
from pathlib import Path

from django.test import Client
from django.urls import reverse

from coproduction.accounts.demo import seed_identity_provider_demo
from coproduction.accounts.models import ProviderGroupMapping, Role, User
from tests.coproduction.accounts.factories import OrganisationFactory, TeamFactory, UserFactory
from tests.harness.oidc import sign_in_through_provider

DEMO_PEOPLE = Path(__file__).resolve().parents[2] / "oidc_provider" / "demo_people.json"


def test_the_demo_practitioner_and_manager_sign_in_with_their_council_accounts(identity_provider, settings):
    settings.REQUIRE_STAFF_MFA = False
    north = TeamFactory(name="North Adults Team", organisation=OrganisationFactory(name="Demo Council"))
    tom = UserFactory(email="practitioner@demo.example", roles=[Role.PRACTITIONER], teams=[north])
    grace = UserFactory(email="manager@demo.example", roles=[Role.TEAM_MANAGER], teams=[north])
    grace.team_memberships.update(is_manager=True)
    seed_identity_provider_demo()
    seed_identity_provider_demo()  # idempotent
    assert ProviderGroupMapping.objects.count() == 2
    identity_provider.set_people(**json.loads(DEMO_PEOPLE.read_text()))

    for username, user, home in (("tom", tom, "practitioner"), ("grace", grace, "team-manager")):
        client = Client()
        sign_in_through_provider(client, username=username)
        assert int(client.session["_auth_user_id"]) == user.pk
        assert client.get(reverse("accounts:home")).headers["Location"] == reverse("accounts:role_home", kwargs={"role": home})
    assert tom.team_memberships.get().team == north and grace.team_memberships.get().is_manager

    # A new starter in the practitioners' group gets an account at first sign-in.
    sign_in_through_provider(Client(), username="new.starter")
    assert User.objects.get(email="nia.evans@council.demo.example").roles == [Role.PRACTITIONER]
