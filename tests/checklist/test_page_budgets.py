"""Query budgets for the checklist's other pages, each the same after the data grows tenfold.
(The dashboard, teams, survey results and home pages have theirs in test_checklist.py.)"""

import pytest
from django.urls import reverse

from checklist.models import Perspective
from coproduction.accounts.models import Role
from tests.careplans.factories import (
    CarePlanFactory,
    PersonFactory,
    RepresentativeFactory,
)
from tests.checklist.factories import (
    ChecklistFactory,
    GoalFactory,
    SharedStoryFactory,
    SurveyRoundFactory,
    planning,
    submitted_checklist,
)
from tests.harness.queries import assert_fixed_queries

PAGES = [
    # (url name, role, kwargs from the world, budget, what the queries are)
    ("checklist:statements", Role.PERSON, lambda w: {}, 2, "statement set, statements"),
    ("checklist:start", Role.PERSON, lambda w: {}, 2, "own record, open surveys"),
    ("checklist:start_for_person", Role.CARER, lambda w: {"person_id": w["person"].pk}, 3, "representing, person, their representative entry"),
    ("checklist:person_compare", Role.PERSON, lambda w: {"person_id": w["person"].pk}, 6, "representing, person, audit, latest checklists, their answers, statements"),
    ("checklist:reflect", Role.PRACTITIONER, lambda w: {}, 3, "OTP, caseload, drafts"),
    ("checklist:reflection", Role.PRACTITIONER, lambda w: {}, 6, "OTP, set, statements, own by statement, own by quarter, people's"),
    ("checklist:practitioner_reflection", Role.TEAM_MANAGER, lambda w: {"user_id": w["practitioner"].pk}, 10, "+ the practitioner and their teams, audit"),
    ("checklist:fill", Role.PERSON, lambda w: {"checklist_id": w["draft"].pk}, 4, "checklist, statements, answers, audit"),
    ("checklist:fill_one", Role.PERSON, lambda w: {"checklist_id": w["draft"].pk, "number": 4}, 4, "as fill"),
    ("checklist:check", Role.PERSON, lambda w: {"checklist_id": w["draft"].pk}, 4, "checklist, statements, audit, answers"),
    ("checklist:discard", Role.PERSON, lambda w: {"checklist_id": w["draft"].pk}, 1, "checklist"),
    ("checklist:detail", Role.PRACTITIONER, lambda w: {"checklist_id": w["sent"].pk}, 5, "OTP, checklist, memberships (the rules), audit, statements, answers"),
    ("checklist:goals", Role.TEAM_MANAGER, lambda w: {}, 4, "OTP, memberships, count, goals with progress"),
    ("checklist:goal_add", Role.TEAM_MANAGER, lambda w: {}, 8, "OTP, memberships, set, and the form's lists: teams (twice), practitioners, statements, practice group actions"),
    ("checklist:goal_detail", Role.TEAM_MANAGER, lambda w: {"goal_id": w["goal"].pk}, 3, "OTP, memberships, goal with progress"),
    ("checklist:rounds", Role.TEAM_MANAGER, lambda w: {}, 4, "OTP, memberships, count, surveys with answer counts"),
    ("checklist:round_add", Role.TEAM_MANAGER, lambda w: {}, 3, "OTP, memberships, teams"),
    ("checklist:team_stories", Role.TEAM_MANAGER, lambda w: {"team_id": w["team"].pk, "statement_id": w["statement"].pk}, 8, "OTP, memberships, team, statement, audit, top three, count, comments"),
    ("checklist:story_share", Role.TEAM_MANAGER, lambda w: {"story_id": w["story"].pk}, 3, "OTP, memberships, story"),
    ("checklist:shared_stories", Role.COMMISSIONER, lambda w: {}, 5, "OTP, set, statements, count, stories"),
    ("checklist:statement_sets", Role.ADMINISTRATOR, lambda w: {}, 3, "OTP, count, sets"),
    ("checklist:statement_set_publish", Role.ADMINISTRATOR, lambda w: {}, 3, "OTP, set, statements"),
]


@pytest.mark.parametrize("url_name, role, kwargs, budget, why", PAGES, ids=[page[0] for page in PAGES])
def test_checklist_pages_run_a_fixed_number_of_queries(client_as, users, team, url_name, role, kwargs, budget, why):
    practitioner = users[Role.PRACTITIONER]
    person = PersonFactory(team=team, user=users[Role.PERSON], practitioner=practitioner)
    RepresentativeFactory(person=person, user=users[Role.CARER], recorded_by=practitioner)
    plan = CarePlanFactory(person=person, version=1, status="agreed", created_by=practitioner)
    sent = submitted_checklist(person=person, plan=plan, practitioner=practitioner, comment="At my kitchen table")
    world = {
        "person": person, "practitioner": practitioner, "team": team, "sent": sent, "statement": planning()[0],
        "draft": ChecklistFactory(person=person, team=team, entered_by=users[Role.PERSON]),
        "goal": GoalFactory(team=team, practitioner=practitioner),
        "story": SharedStoryFactory(rating=sent.ratings.order_by("statement__number").first(), team=team, shared_at="2026-01-01T00:00Z"),
    }
    SurveyRoundFactory(team=team)  # every list has a row before it grows
    client = client_as(users[role])
    url = reverse(url_name, kwargs=kwargs(world))

    def grow():
        for _ in range(10):
            other = PersonFactory(team=team, practitioner=practitioner)
            other_plan = CarePlanFactory(person=other, version=1, status="agreed")
            checklist = submitted_checklist(person=other, plan=other_plan, practitioner=practitioner, comment="They listened")
            submitted_checklist(person=other, perspective=Perspective.PRACTITIONER, plan=other_plan, practitioner=practitioner)
            submitted_checklist(person=person, plan=plan, practitioner=practitioner)
            SharedStoryFactory(rating=checklist.ratings.order_by("statement__number").last(), team=team, shared_at="2026-01-01T00:00Z")
        GoalFactory.create_batch(10, team=team)
        SurveyRoundFactory.create_batch(10, team=team)

    assert_fixed_queries(lambda: client.get(url), budget=budget, grow=grow)
