"""Workshop records for the authorization matrix and the accessibility test. Builds on
tests/commissioning/world.py: in world["programme"], an upcoming workshop the PERSON user is
invited to (and has told the organisers what they need), which the CARER user is not invited
to, and a past workshop with who came and what came out of it."""

from commissioning.workshops.models import Access, Invitation
from coproduction.accounts.models import Role
from tests.commissioning.workshops.factories import (
    GuestInvitationFactory,
    IdeaFactory,
    InvitationFactory,
    WorkshopFactory,
    days_from_today,
)


def build_workshops_world(world: dict) -> dict:
    users = world["users"]
    programme = world["programme"]
    person_member = programme.members.get(user=users[Role.PERSON])
    carer_member = programme.members.get(user=users[Role.CARER])
    upcoming = WorkshopFactory(programme=programme, title="What makes a good day?", created_by=users[Role.COMMISSIONER])
    invitation = InvitationFactory(
        workshop=upcoming, member=person_member, invited_by=users[Role.COMMISSIONER], reply=Invitation.Reply.COMING,
        access_needs=[Access.QUIET_SPACE, Access.EASY_READ], anything_else="I like to sit near the door.",
    )
    past = WorkshopFactory(programme=programme, title="Trying out the new timetable", date=days_from_today(-7), created_by=users[Role.COMMISSIONER])
    InvitationFactory(workshop=past, member=person_member, invited_by=users[Role.COMMISSIONER], attended=True)
    InvitationFactory(workshop=past, member=carer_member, invited_by=users[Role.COMMISSIONER])
    idea = IdeaFactory(workshop=past, recorded_by=users[Role.COMMISSIONER])
    other = WorkshopFactory(programme=world["other_programme"], title="Carers' breaks conversation", created_by=users[Role.COMMISSIONER])
    guest = GuestInvitationFactory(workshop=upcoming, invited_by=users[Role.COMMISSIONER], access_needs=[Access.LARGE_PRINT])
    return {"workshop": upcoming, "invitation": invitation, "past_workshop": past, "idea": idea, "other_workshop": other,
            "guest_invitation": guest}
