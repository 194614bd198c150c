"""Query budgets for the programme pages, each the same after the data grows tenfold."""

import pytest
from django.test import Client
from django.urls import reverse

from commissioning.participants import activity_participants_add, activity_participants_set
from commissioning.models import Programme
from coproduction.accounts.models import Role
from tests.commissioning.factories import (
    ActivityFactory,
    DecisionFactory,
    GroupMemberFactory,
    KeyDateFactory,
    ProgrammeFactory,
    stage_of,
)
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.queries import assert_fixed_queries

PAGES = [
    # (url name, who, kwargs from the programme, budget, what the queries are)
    ("commissioning:programme_list", Role.PERSON, lambda p: {}, 3, "own groups (the rules), count, page"),
    ("commissioning:programme_list", Role.COMMISSIONER, lambda p: {}, 3, "OTP, count, page"),
    ("commissioning:programme_detail", Role.PERSON, lambda p: {"programme_id": p.pk}, 13,
     "programme, own groups, stages with their counts, kinds of activity per stage, key dates, tenders due without training, group counts, latest "
     "decisions, decisions delivered, and what the person takes part in: panels, monitoring meetings, quality visits, workshop invitations"),
    ("commissioning:programme_detail", None, lambda p: {"programme_id": p.pk}, 7,
     "is it public, programme, stages with their counts, kinds of activity per stage, key dates, latest decisions, decisions delivered"),
    ("commissioning:stage_detail", Role.PERSON, lambda p: {"programme_id": p.pk, "stage_id": p.current_stage_id}, 7,
     "programme, own groups, stage, activities, who took part, audit, decisions"),
    ("commissioning:group", Role.CARER, lambda p: {"programme_id": p.pk}, 4, "programme, own groups, members, audit"),
    ("commissioning:decision_list", Role.PERSON, lambda p: {"programme_id": p.pk}, 6,
     "programme, own groups, stages, count, page, activities that informed them"),
    ("commissioning:decision_detail", Role.PERSON, lambda p: {"programme_id": p.pk, "decision_id": p.decisions.order_by("pk").first().pk}, 9,
     "programme, own groups, decision, activities that informed it, funded ideas, specifications, panels, board meetings, "
     "recruitment panels"),
    ("commissioning:activity_add", Role.COMMISSIONER, lambda p: {"programme_id": p.pk}, 7,
     "OTP, programme, are there members, own groups (the tabs), stages, and the members, counted and listed"),
    ("commissioning:decision_add", Role.COMMISSIONER, lambda p: {"programme_id": p.pk}, 7,
     "OTP, programme, are there activities, own groups (the tabs), stages, and the activities, counted and listed"),
    ("commissioning:stage_list", Role.COMMISSIONER, lambda p: {"programme_id": p.pk}, 5,
     "OTP, programme, stages, kinds of activity per stage, own groups (the tabs)"),
    ("commissioning:key_dates", Role.COMMISSIONER, lambda p: {"programme_id": p.pk}, 5, "OTP, programme, key dates, own groups (the tabs), stages"),
    ("accounts:role_home", Role.PERSON, lambda p: {"role": "person"}, 0, "the home page: counted against the page without groups"),
]


def grow_programme(programme: Programme) -> None:
    """Ten times the group, the co-production, the decisions and the other programmes."""
    stage = programme.current_stage
    members = [GroupMemberFactory(programme=programme) for _ in range(10)]
    for index in range(10):
        activity = ActivityFactory(programme=programme, stage=stage if index % 2 else stage_of(programme, 2), others_taking_part=index)
        activity_participants_set(activity=activity, members=members[: index + 1])
        decision = DecisionFactory(programme=programme, stage=stage)
        decision.informed_by.set([activity])
        DecisionFactory(programme=programme, stage=stage, revises=decision, revision_reason="New evidence")
        KeyDateFactory(programme=programme)
    GroupMemberFactory.create_batch(3, programme=programme, left_on="2026-01-01")
    for _ in range(10):
        GroupMemberFactory(programme=ProgrammeFactory(visibility=Programme.Visibility.PUBLIC))


@pytest.mark.parametrize("url_name, role, kwargs, budget, why", PAGES, ids=[f"{page[0]}[{page[1] or 'signed out'}]" for page in PAGES])
def test_programme_pages_run_a_fixed_number_of_queries(client_as, users, url_name, role, kwargs, budget, why, programme, person_member):
    programme.visibility = Programme.Visibility.PUBLIC
    programme.save()
    activity = ActivityFactory(programme=programme, others_taking_part=3)
    activity_participants_add(activity=activity, members=[person_member])
    DecisionFactory(programme=programme).informed_by.add(activity)
    KeyDateFactory(programme=programme)
    client = client_as(users[role]) if role else Client()
    url = reverse(url_name, kwargs=kwargs(programme))
    if url_name == "accounts:role_home":
        # The panel's one query runs for everyone: someone in groups costs what someone in none does.
        stranger = client_as(UserFactory(roles=["person"]))
        budget = len_queries(lambda: stranger.get(url))
    response = assert_fixed_queries(lambda: client.get(url), budget=budget, grow=lambda: grow_programme(programme))
    assert response.status_code == 200


def len_queries(fetch) -> int:
    from tests.harness.queries import count_queries

    fetch()
    return count_queries(fetch)[0]
