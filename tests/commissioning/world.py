"""Commissioning records for the authorization matrix and the accessibility test.

world["programme"]: members only; the PERSON user (lived experience) and the CARER user are
members, the COMMISSIONER user leads it. world["other_programme"]: members only, with nobody
from the world in it. world["public_programme"]: public, nobody from the world in it."""

from commissioning.participants import activity_participants_add
from commissioning.models import MemberRole, Programme
from coproduction.accounts.models import Role
from tests.commissioning.factories import (
    ActivityFactory,
    DecisionFactory,
    GroupMemberFactory,
    KeyDateFactory,
    ProgrammeFactory,
)


def build_commissioning_world(world: dict) -> dict:
    users = world["users"]
    programme = ProgrammeFactory(title="Day opportunities 2027", lead=users[Role.COMMISSIONER])
    person_member = GroupMemberFactory(programme=programme, user=users[Role.PERSON], member_role=MemberRole.LIVED_EXPERIENCE)
    GroupMemberFactory(programme=programme, user=users[Role.CARER], member_role=MemberRole.CARER)
    activity = ActivityFactory(programme=programme, recorded_by=users[Role.COMMISSIONER], happened_on="2026-10-01", others_taking_part=6)
    activity_participants_add(activity=activity, members=[person_member])
    decision = DecisionFactory(programme=programme, recorded_by=users[Role.COMMISSIONER])
    decision.informed_by.add(activity)
    key_date = KeyDateFactory(programme=programme, label="Vote opens", date="2027-03-01")
    other = ProgrammeFactory(title="Carers' breaks", lead=users[Role.COMMISSIONER])
    GroupMemberFactory(programme=other)
    public = ProgrammeFactory(title="Community transport", visibility=Programme.Visibility.PUBLIC, lead=users[Role.COMMISSIONER])
    return {
        "programme": programme,
        "activity": activity,
        "decision": decision,
        "member": person_member,
        "key_date": key_date,
        "stage": programme.current_stage,
        "other_stage": other.current_stage,
        "public_stage": public.current_stage,
        "other_programme": other,
        "public_programme": public,
    }
