"""Reads for practice groups. A group's page reads a fixed number of queries whatever the number
of members, shares, actions or goals; the teams' figures come from the running totals, two
queries for every team at once, with small groups withheld as on every checklist page."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from checklist.models import Goal, PracticeAction, PracticeGroup, PracticeGroupMember, PracticeShare, Statement
from checklist.selectors import Cell, planning_statement_choices, statement_set_current, teams_side_by_side
from coproduction.accounts.models import Team, TeamMembership, User

from .rules import current_group_ids


def groups_visible_to(*, user) -> QuerySet[PracticeGroup]:
    return (PracticeGroup.objects.filter(pk__in=current_group_ids(user)).select_related("statement")
            .annotate(team_count=Count("members", filter=Q(members__left_on__isnull=True), distinct=True),
                      action_count=Count("actions", distinct=True))
            .order_by("name", "pk"))


def group_or_none(*, group_id: int) -> PracticeGroup | None:
    return PracticeGroup.objects.select_related("statement").filter(pk=group_id).first()


def current_members(*, group: PracticeGroup) -> list[PracticeGroupMember]:
    return list(group.members.filter(left_on__isnull=True).select_related("manager", "team").order_by("team__name", "pk"))


def my_places(*, group: PracticeGroup, user) -> QuerySet[PracticeGroupMember]:
    """The user's own teams in the group (a manager of two teams may bring both)."""
    return group.members.filter(manager=user, left_on__isnull=True).select_related("team").order_by("team__name", "pk")


@dataclass
class SharedTeam:
    share: PracticeShare
    person: Cell
    practitioner: Cell


def shared_for_statement(*, group: PracticeGroup, statement: Statement, start=None) -> list[SharedTeam]:
    """Each team that shared for the statement, its examples and its totals (withheld when the
    group of answers is too small): three queries."""
    shares = list(group.shares.filter(statement=statement).select_related("member__team", "member__manager").order_by("member__team__name", "pk"))
    teams = [share.member.team for share in shares]
    rows = {row.team.pk: row for row in teams_side_by_side(teams=teams, start=start, statement_id=statement.pk)} if teams else {}
    return [SharedTeam(share, rows[share.member.team_id].person, rows[share.member.team_id].practitioner) for share in shares]


def actions_with_goals(*, group: PracticeGroup) -> list[PracticeAction]:
    """The group's actions, each with the team goals that take it forward: two queries."""
    actions = list(group.actions.select_related("statement").order_by("-agreed_on", "-pk"))
    goals: dict[int, list[Goal]] = {}
    for goal in Goal.objects.filter(practice_action__in=[action.pk for action in actions]).select_related("team").order_by("team__name", "pk"):
        goals.setdefault(goal.practice_action_id, []).append(goal)
    for action in actions:
        action.linked_goals = goals.get(action.pk, [])
    return actions


def statement_choices() -> QuerySet[Statement]:
    return planning_statement_choices(statement_set=statement_set_current())


def teams_managed_by(*, user) -> QuerySet[Team]:
    return Team.objects.filter(pk__in=user.managed_team_ids).order_by("name", "pk")


def manager_places(*, group: PracticeGroup) -> list[tuple[str, str]]:
    """(value, label) for every team manager's team not in the group yet: "user id:team id"."""
    taken = set(group.members.filter(left_on__isnull=True).values_list("team_id", flat=True))
    rows = (TeamMembership.objects.filter(is_manager=True, user__is_active=True, user__roles__contains=["team_manager"])
            .exclude(team_id__in=taken)
            .values_list("user_id", "user__full_name", "team_id", "team__name")
            .order_by("team__name", "user__full_name", "user_id"))
    return [(f"{user_id}:{team_id}", f"{name}, {team_name}") for user_id, name, team_id, team_name in rows]


def actions_for_goal_choice(*, user) -> QuerySet[PracticeAction]:
    """Actions of the groups a manager is in, for linking a team goal to one."""
    return (PracticeAction.objects.filter(group__members__manager=user, group__members__left_on__isnull=True).distinct()
            .select_related("group").order_by("group__name", "-agreed_on", "pk"))


def manager_and_team(user_id: int, team_id: int) -> tuple[User, Team]:
    """The manager and team of a place chosen from manager_places."""
    return User.objects.get(pk=user_id), Team.objects.get(pk=team_id)
