import pytest

from checklist.practice_groups import services
from tests.checklist.factories import planning
from tests.coproduction.accounts.factories import TeamMembershipFactory, UserFactory


@pytest.fixture
def statement():
    return planning()[2]


@pytest.fixture
def other_manager(other_team):
    manager = UserFactory(full_name="Joy Adeyemi", roles=["team_manager"])
    TeamMembershipFactory(user=manager, team=other_team, is_manager=True)
    return manager


@pytest.fixture
def group(team_manager, team, statement):
    return services.group_create(name="North and South managers", purpose="", statement=statement, team=team, by=team_manager)


@pytest.fixture
def joined(group, other_manager, other_team, team_manager):
    return services.member_add(group=group, manager=other_manager, team=other_team, by=team_manager)
