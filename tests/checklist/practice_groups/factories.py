import factory
from factory.django import DjangoModelFactory

from checklist.models import PracticeAction, PracticeGroup, PracticeGroupMember, PracticeShare
from tests.checklist.factories import planning
from tests.coproduction.accounts.factories import TeamFactory, TeamMembershipFactory, UserFactory


def manager_of(team):
    """A team manager who manages `team`, as the group's services require."""
    manager = UserFactory(roles=["team_manager"])
    TeamMembershipFactory(user=manager, team=team, is_manager=True)
    return manager


class PracticeGroupFactory(DjangoModelFactory):
    """A group looking at a planning statement. No members: add them with PracticeGroupMemberFactory."""

    class Meta:
        model = PracticeGroup

    name = factory.Sequence(lambda n: f"Managers’ practice group {n}")
    purpose = "Looking together at how our teams plan with people."
    statement = factory.LazyFunction(lambda: planning()[2])
    created_by = factory.SubFactory(UserFactory, roles=["team_manager"])


class PracticeGroupMemberFactory(DjangoModelFactory):
    class Meta:
        model = PracticeGroupMember

    group = factory.SubFactory(PracticeGroupFactory)
    team = factory.SubFactory(TeamFactory)
    manager = factory.LazyAttribute(lambda member: manager_of(member.team))
    added_by = factory.LazyAttribute(lambda member: member.group.created_by)


class PracticeShareFactory(DjangoModelFactory):
    class Meta:
        model = PracticeShare

    member = factory.SubFactory(PracticeGroupMemberFactory)
    group = factory.LazyAttribute(lambda share: share.member.group)
    statement = factory.LazyAttribute(lambda share: share.group.statement)
    examples = "We write the plan at the person’s kitchen table, and leave a copy in the format they asked for."
    shared_by = factory.LazyAttribute(lambda share: share.member.manager)


class PracticeActionFactory(DjangoModelFactory):
    class Meta:
        model = PracticeAction

    group = factory.SubFactory(PracticeGroupFactory)
    statement = factory.LazyAttribute(lambda action: action.group.statement)
    description = "Ask what matters to the person before talking about services."
    recorded_by = factory.LazyAttribute(lambda action: action.group.created_by)
