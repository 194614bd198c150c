"""Query budgets for the practice group pages, the same after the data grows tenfold."""

from django.urls import reverse

from checklist.practice_groups import services
from tests.checklist.factories import GoalFactory, RatingTotalFactory
from tests.coproduction.accounts.factories import TeamFactory, TeamMembershipFactory, UserFactory
from tests.harness.queries import assert_fixed_queries


def _grow(group, statement, by, times):
    for _ in range(times):
        team = TeamFactory()
        manager = UserFactory(roles=["team_manager"])
        TeamMembershipFactory(user=manager, team=team, is_manager=True)
        member = services.member_add(group=group, manager=manager, team=team, by=by)
        RatingTotalFactory(team=team, statement=statement, perspective="person", answered=6, score_sum=24, n4=6)
        services.team_share(member=member, statement=statement, examples="Examples.", by=manager)
        action = services.action_agree(group=group, statement=statement, description="Do it.", by=manager)
        GoalFactory(team=team, statement=statement, agreed_by=manager, practice_action=action)


def test_the_group_page_costs_the_same_with_ten_times_the_teams_shares_actions_and_goals(client_as, team_manager, group, statement):
    _grow(group, statement, team_manager, 1)
    client = client_as(team_manager)
    # OTP, memberships, the group, the rule's groups, members, shares, totals, actions, goals (the
    # caseloads are kept in the cache until a caseload changes)
    url = reverse("checklist:practice_group_detail", kwargs={"group_id": group.pk})

    def grow():
        _grow(group, statement, team_manager, 10)
        client.get(url)  # the new teams' caseloads are counted once, then kept

    assert_fixed_queries(lambda: client.get(url), budget=9, grow=grow)


def test_the_group_list_costs_the_same_with_ten_times_the_groups(client_as, team_manager, team, statement):
    def grow(times):
        for _ in range(times):
            group = services.group_create(name="G", purpose="", statement=statement, team=team, by=team_manager)
            _grow(group, statement, team_manager, 1)

    grow(1)
    client = client_as(team_manager)
    assert_fixed_queries(lambda: client.get(reverse("checklist:practice_groups")), budget=4, grow=lambda: grow(10))
