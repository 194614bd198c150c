"""Commissioning records for the authorization matrix and the accessibility test.

world["programme"]: members only; the PERSON user (lived experience) and the CARER user are
members, the COMMISSIONER user leads it. world["other_programme"]: members only, with nobody
from the world in it. world["public_programme"]: public, nobody from the world in it."""

from commissioning.models import MemberRole, Programme
from coproduction.accounts.models import Role
from tests.commissioning.factories import (
    ActivityFactory,
    DecisionFactory,
    GroupMemberFactory,
    ProgrammeFactory,
)


def build_commissioning_world(world: dict) -> dict:
    users = world["users"]
    programme = ProgrammeFactory(title="Day opportunities 2027", lead=users[Role.COMMISSIONER])
    GroupMemberFactory(programme=programme, user=users[Role.PERSON], member_role=MemberRole.LIVED_EXPERIENCE)
    GroupMemberFactory(programme=programme, user=users[Role.CARER], member_role=MemberRole.CARER)
    activity = ActivityFactory(programme=programme, recorded_by=users[Role.COMMISSIONER])
    decision = DecisionFactory(programme=programme, recorded_by=users[Role.COMMISSIONER])
    decision.informed_by.add(activity)
    other = ProgrammeFactory(title="Carers' breaks", lead=users[Role.COMMISSIONER])
    GroupMemberFactory(programme=other)
    public = ProgrammeFactory(title="Community transport", visibility=Programme.Visibility.PUBLIC, lead=users[Role.COMMISSIONER])
    return {
        "programme": programme,
        "activity": activity,
        "decision": decision,
        "other_programme": other,
        "public_programme": public,
    }
