"""Who may see and do what in a practice group of managers. Any team manager may start one; its
current members see it, add other managers, share their own team's totals and agree actions.
Nobody else learns a group exists. Keep in step with checklist.practice_groups.selectors."""

import rules

from coproduction.accounts.models import Role
from coproduction.accounts.rules import has_role
from coproduction.core.rules_cache import cached_for_request

is_team_manager = has_role(Role.TEAM_MANAGER)


def current_group_ids(user) -> frozenset[int]:
    """The practice groups the user is a current member of, read once per request."""
    if not user.is_authenticated:
        return frozenset()

    def load() -> frozenset[int]:
        from checklist.models import PracticeGroupMember

        return frozenset(PracticeGroupMember.objects.filter(manager=user, left_on__isnull=True).order_by().values_list("group_id", flat=True))

    return cached_for_request(user, "checklist.practice_group_ids", load)


@rules.predicate
def is_group_member(user, group) -> bool:
    return group is not None and group.pk in current_group_ids(user)


@rules.predicate
def manages_a_team(user) -> bool:
    return bool(user.managed_team_ids)


rules.add_perm("checklist.view_practice_groups", is_team_manager)
rules.add_perm("checklist.add_practice_group", is_team_manager & manages_a_team)
# The group's page, adding members, sharing one's team's figures and agreeing actions.
rules.add_perm("checklist.view_practice_group", is_team_manager & is_group_member)
rules.add_perm("checklist.take_part_in_practice_group", is_team_manager & is_group_member & manages_a_team)
