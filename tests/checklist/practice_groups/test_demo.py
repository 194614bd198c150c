"""The demo shows a practice group of two managers, one team's totals withheld as too few."""

from bs4 import BeautifulSoup
from django.urls import reverse

from checklist.demo import seed_practice_group_demo
from checklist.models import PracticeGroup
from tests.checklist.factories import GoalFactory, RatingTotalFactory, planning
from tests.coproduction.accounts.factories import TeamFactory, TeamMembershipFactory, UserFactory


def test_the_demo_has_a_practice_group_with_shares_an_action_and_a_linked_goal(client_as):
    north, south = TeamFactory(name="North Adults Team"), TeamFactory(name="South Adults Team")
    grace = UserFactory(email="manager@demo.example", roles=["team_manager"])
    TeamMembershipFactory(user=grace, team=north, is_manager=True)
    statement = planning()[6]
    RatingTotalFactory(team=north, statement=statement, perspective="person", answered=12, score_sum=36, n3=12)
    goal = GoalFactory(team=north, statement=statement, agreed_by=grace)
    seed_practice_group_demo()
    seed_practice_group_demo()  # idempotent
    group = PracticeGroup.objects.get()
    goal.refresh_from_db()
    assert goal.practice_action.group == group
    page = BeautifulSoup(client_as(grace).get(reverse("checklist:practice_group_detail", kwargs={"group_id": group.pk})).content, "html.parser")
    rows = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in page.select("#shared ~ .app-table-region table tbody tr")}
    assert rows == {"North Adults Team": "3.0 from 12 answers", "South Adults Team": "Fewer than 5 answers"}
