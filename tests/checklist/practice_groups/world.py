"""A practice group for the authorization matrix and the accessibility test.

world["practice_group"]: started by the TEAM_MANAGER user for world["team"], looking at the
third statement, with the team's totals shared and an action agreed;
world["practice_group_member"]: the manager's place in it."""

from checklist.practice_groups import services
from coproduction.accounts.models import Role
from tests.checklist.factories import planning


def build_practice_groups_world(world: dict) -> dict:
    manager, team = world["users"][Role.TEAM_MANAGER], world["team"]
    statement = planning()[2]
    group = services.group_create(name="Managers' practice group", purpose="Looking at planning together.", statement=statement, team=team, by=manager)
    member = group.members.get()
    services.team_share(member=member, statement=statement, examples="We plan at the person's kitchen table.", by=manager)
    services.action_agree(group=group, statement=statement, description="Ask what matters first.", by=manager)
    return {"practice_group": group, "practice_group_member": member}
