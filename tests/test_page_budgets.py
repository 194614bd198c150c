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
    ("careplans:person_add", Role.PRACTITIONER, lambda p: {}, 4, "OTP, memberships, teams, practitioners"),
    ("careplans:person_edit", Role.PRACTITIONER, lambda p: {"person_id": p.pk}, 7, "+ representing, person, audit, teams, practitioners"),
    ("careplans:representative_add", Role.PRACTITIONER, lambda p: {"person_id": p.pk}, 4, "OTP, memberships, representing, person"),
    ("careplans:section_edit", Role.PRACTITIONER, lambda p: {"person_id": p.pk, "key": "budget"}, 6, "+ draft, audit"),
    ("careplans:plan_versions", Role.PERSON, lambda p: {"person_id": p.pk}, 4, "memberships, representing, person, versions"),
    ("careplans:review", Role.PRACTITIONER, lambda p: {"person_id": p.pk}, 6, "+ agreed plan, open review"),
    ("careplans:review_themes", Role.ADMINISTRATOR, lambda p: {}, 2, "OTP, themes"),
    ("accounts:user_add", Role.ADMINISTRATOR, lambda p: {}, 6, "OTP, memberships, and the account form's organisation and team lists"),
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


# The fixed cost of being signed in, paid by every page: the session and the account (with the
# header's unread count) come from Redis in one round trip, so a page that reads nothing else
# runs no query. Staff also load their authenticator (django-otp checks it on every request).
SIGNED_IN_TRIVIAL = [(Role.PERSON, 0, "none"), (Role.CARER, 0, "none"), (Role.PRACTITIONER, 1, "OTP device")]


@pytest.mark.parametrize("role, budget, why", SIGNED_IN_TRIVIAL, ids=[row[0] for row in SIGNED_IN_TRIVIAL])
def test_signed_in_trivial_page_runs_a_fixed_number_of_queries(client_as, users, team, role, budget, why):
    client = client_as(users[role])

    def grow():
        UserFactory.create_batch(10, roles=[role.value], teams=[team])

    response = assert_fixed_queries(lambda: client.get(reverse("core:accessibility")), budget=budget, grow=grow)
    assert response.status_code == 200
    assert response.wsgi_request.user.pk == users[role].pk
