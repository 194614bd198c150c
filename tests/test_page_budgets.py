"""Query budgets for the form pages, each the same after the data grows tenfold."""

import pytest
from django.urls import reverse

from coproduction.accounts.models import Role
from tests.careplans.factories import (
    CarePlanFactory,
    PersonFactory,
    RepresentativeFactory,
)
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.queries import assert_fixed_queries

PAGES = [
    # (url name, role, kwargs from the subject person, budget, what the queries are)
    ("careplans:person_add", Role.PRACTITIONER, lambda p: {}, 5, "user, OTP, memberships, teams, practitioners"),
    ("careplans:person_edit", Role.PRACTITIONER, lambda p: {"person_id": p.pk}, 8, "+ representing, person, audit, teams, practitioners"),
    ("careplans:representative_add", Role.PRACTITIONER, lambda p: {"person_id": p.pk}, 5, "user, OTP, memberships, representing, person"),
    ("careplans:section_edit", Role.PRACTITIONER, lambda p: {"person_id": p.pk, "key": "budget"}, 7, "+ draft, audit"),
    ("careplans:plan_versions", Role.PERSON, lambda p: {"person_id": p.pk}, 5, "user, memberships, representing, person, versions"),
    ("careplans:review", Role.PRACTITIONER, lambda p: {"person_id": p.pk}, 7, "+ agreed plan, open review"),
    ("careplans:review_themes", Role.ADMINISTRATOR, lambda p: {}, 3, "user, OTP, themes"),
    ("accounts:user_add", Role.ADMINISTRATOR, lambda p: {}, 7, "user, OTP, memberships, and the account form's organisation and team lists"),
]


@pytest.mark.parametrize("url_name, role, kwargs, budget, why", PAGES, ids=[page[0] for page in PAGES])
def test_form_pages_run_a_fixed_number_of_queries(client_as, users, team, url_name, role, kwargs, budget, why):
    subject = PersonFactory(team=team, user=users[Role.PERSON], practitioner=users[Role.PRACTITIONER])
    CarePlanFactory(person=subject, version=1, status="agreed", created_by=users[Role.PRACTITIONER])
    CarePlanFactory(person=subject, version=2, status="draft", created_by=users[Role.PRACTITIONER])
    client = client_as(users[role])
    url = reverse(url_name, kwargs=kwargs(subject))

    def grow():
        for version in range(3, 13):
            CarePlanFactory(person=PersonFactory(team=team), version=version, created_by=users[Role.PRACTITIONER])
        RepresentativeFactory.create_batch(10, person=subject, recorded_by=users[Role.PRACTITIONER])
        UserFactory.create_batch(10, roles=["practitioner"], teams=[team])

    assert_fixed_queries(lambda: client.get(url), budget=budget, grow=grow)
