"""Practice groups of managers: each shares their team's checklist totals (never a small group's)
and examples for the group's statement; the group agrees actions; team goals take them forward."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from checklist.models import Goal, PracticeAction, PracticeGroup, PracticeShare
from checklist.practice_groups import services
from tests.checklist.factories import RatingTotalFactory, planning


def _detail(group):
    return reverse("checklist:practice_group_detail", kwargs={"group_id": group.pk})


def _url(name, group):
    return reverse(f"checklist:{name}", kwargs={"group_id": group.pk})


def test_a_manager_starts_a_group_for_their_team(client_as, team_manager, team, statement):
    response = client_as(team_manager).post(reverse("checklist:practice_group_add"), {
        "name": "Managers' practice group", "purpose": "", "statement": statement.pk, "team": team.pk,
    })
    group = PracticeGroup.objects.get()
    assert response.headers["Location"] == _detail(group)
    assert [(m.manager_id, m.team_id) for m in group.members.all()] == [(team_manager.pk, team.pk)]


@pytest.mark.parametrize("data, message", [
    ({"name": "", "statement": "", "team": ""}, "Enter the name of the group"),
    ({"name": "G", "statement": "999999", "team": ""}, "Select a statement from the list"),
    ({"name": "G", "statement": "", "team": ""}, "Select the statement"),
])
def test_a_bad_group_is_refused_with_nothing_saved(client_as, team_manager, other_team, data, message):
    response = client_as(team_manager).post(reverse("checklist:practice_group_add"), data)
    assert message in response.text and "govuk-error-summary" in response.text
    assert not PracticeGroup.objects.exists()


def test_a_manager_cannot_bring_a_team_they_do_not_manage(client_as, team_manager, other_team, statement):
    response = client_as(team_manager).post(reverse("checklist:practice_group_add"),
                                            {"name": "G", "statement": statement.pk, "team": other_team.pk})
    assert "Select a team you manage" in response.text
    assert not PracticeGroup.objects.exists()


def test_another_manager_is_added_with_their_own_team(client_as, team_manager, group, other_manager, other_team):
    client = client_as(team_manager)
    form = BeautifulSoup(client.get(_url("practice_group_member_add", group)).content, "html.parser")
    assert [o.get_text() for o in form.select("#id_place option")][1:] == [f"Joy Adeyemi, {other_team.name}"]
    client.post(_url("practice_group_member_add", group), {"place": f"{other_manager.pk}:{other_team.pk}"})
    assert group.members.filter(manager=other_manager, team=other_team, left_on__isnull=True).exists()
    assert client_as(other_manager).get(_detail(group)).status_code == 200


def test_a_bad_member_is_refused(client_as, team_manager, group, other_manager, team):
    client = client_as(team_manager)
    for place, message in ((f"{other_manager.pk}:{team.pk}", "Select a manager and team from the list"), ("", "Select the manager and team joining")):
        response = client.post(_url("practice_group_member_add", group), {"place": place})
        assert message in response.text
    assert group.members.count() == 1


def test_shared_totals_show_only_for_a_big_enough_group_and_never_anyones_answers(client_as, team_manager, other_manager, team, other_team, group, joined, statement):
    RatingTotalFactory(team=team, statement=statement, perspective="person", answered=6, score_sum=24, n4=6)
    RatingTotalFactory(team=other_team, statement=statement, perspective="person", answered=3, score_sum=15, n5=3)
    services.team_share(member=group.members.get(team=team), statement=statement, examples="We plan at the kitchen table.", by=team_manager)
    client_as(other_manager).post(_url("practice_group_share", group), {"member": joined.pk, "examples": "We ask what matters first."})
    page = BeautifulSoup(client_as(other_manager).get(_detail(group)).content, "html.parser")
    rows = {row.th.get_text(strip=True): [td.get_text(strip=True) for td in row.select("td")] for row in page.select("#shared ~ .app-table-region table tbody tr")}
    assert rows[team.name][0] == "4.0 from 6 answers"
    assert rows[other_team.name][0] == "Fewer than 5 answers"  # three people: withheld
    assert "We plan at the kitchen table." in page.get_text() and "We ask what matters first." in page.get_text()


def test_a_manager_can_share_only_their_own_team(client_as, team_manager, group, joined):
    response = client_as(team_manager).post(_url("practice_group_share", group), {"member": joined.pk, "examples": "Not mine."})
    assert "Select one of your teams in the group" in response.text
    assert not PracticeShare.objects.exists()


def test_sharing_needs_examples(client_as, team_manager, group):
    response = client_as(team_manager).post(_url("practice_group_share", group), {"member": group.members.get().pk, "examples": " "})
    assert "Enter examples from your team for this statement" in response.text
    assert not PracticeShare.objects.exists()


def test_the_group_agrees_an_action_and_a_team_goal_takes_it_forward(client_as, team_manager, team, group, statement):
    client = client_as(team_manager)
    refused = client.post(_url("practice_action_add", group), {"description": ""})
    assert "Enter what the group agreed to do" in refused.text and not PracticeAction.objects.exists()
    client.post(_url("practice_action_add", group), {"description": "Ask people what matters before the assessment."})
    action = PracticeAction.objects.get()
    assert action.statement == statement
    response = client.post(reverse("checklist:goal_add"), {
        "team": team.pk, "practitioner": "", "statement": statement.pk, "target_score": "4.5",
        "due_on_0": "1", "due_on_1": "3", "due_on_2": "2027", "examples": "Every review starts with what matters.",
        "practice_action": action.pk,
    })
    goal = Goal.objects.get()
    assert response.headers["Location"] == reverse("checklist:goal_detail", kwargs={"goal_id": goal.pk})
    assert goal.practice_action == action
    assert "Ask people what matters before the assessment." in client.get(response.headers["Location"]).text
    actions = BeautifulSoup(client.get(_detail(group)).content, "html.parser").select_one("#actions ~ ul").get_text(" ", strip=True)
    assert f"Taken forward by 1 team goal: {team.name}" in actions


def test_a_goal_cannot_link_to_an_action_of_a_group_the_manager_is_not_in(client_as, team_manager, other_manager, other_team, team, statement):
    theirs = services.group_create(name="Theirs", purpose="", statement=statement, team=other_team, by=other_manager)
    action = services.action_agree(group=theirs, statement=statement, description="Theirs", by=other_manager)
    response = client_as(team_manager).post(reverse("checklist:goal_add"), {
        "team": team.pk, "practitioner": "", "statement": statement.pk, "target_score": "4",
        "due_on_0": "1", "due_on_1": "3", "due_on_2": "2027", "examples": "x", "practice_action": action.pk,
    })
    assert "Select an action from one of your practice groups" in response.text
    assert not Goal.objects.exists()


def test_the_group_looks_at_another_statement(client_as, team_manager, group):
    new = planning()[5]
    client_as(team_manager).post(_url("practice_group_statement", group), {"statement": new.pk})
    group.refresh_from_db()
    assert group.statement == new
    assert "Select the statement" in client_as(team_manager).post(_url("practice_group_statement", group), {"statement": ""}).text


def test_people_outside_the_group_never_see_it(client_as, group, other_manager, practitioner, users):
    assert client_as(other_manager).get(_detail(group)).status_code == 404
    assert client_as(practitioner).get(_detail(group)).status_code == 404


def test_a_manager_who_takes_their_team_out_no_longer_sees_the_group(client_as, other_manager, group, joined):
    client = client_as(other_manager)
    client.post(reverse("checklist:practice_group_member_leave", kwargs={"group_id": group.pk, "member_id": joined.pk}))
    assert client_as(other_manager).get(_detail(group)).status_code == 404
