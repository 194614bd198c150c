import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from commissioning.workshops.models import (
    Access,
    GuestInvitation,
    Idea,
    Invitation,
    Workshop,
    WorkshopKind,
)
from tests.commissioning.factories import (
    ActivityFactory,
    GroupMemberFactory,
    ProgrammeFactory,
)


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class WorkshopFactory(DjangoModelFactory):
    """An upcoming face-to-face design workshop, with its activity at the programme's stage."""

    class Meta:
        model = Workshop

    programme = factory.SubFactory(ProgrammeFactory)
    kind = WorkshopKind.WORKSHOP
    title = factory.Sequence(lambda n: f"What makes a good day? Workshop {n}")
    activity = factory.SubFactory(
        ActivityFactory,
        programme=factory.SelfAttribute("..programme"),
        kind=factory.SelfAttribute("..kind"),
        title=factory.SelfAttribute("..title"),
    )
    purpose = "To design, together, what a good day at a day service looks like."
    date = factory.LazyFunction(lambda: days_from_today(14))
    starts_at = datetime.time(10, 0)
    ends_at = datetime.time(12, 30)
    format = Workshop.Format.FACE_TO_FACE
    place = "Oakfield Community Centre, 12 Mill Lane"
    why_this_place = "Most people in the group already go there on Tuesdays, and it is on the 42 bus route."
    joining_instructions = "Ring the bell at the side door; the room is on the ground floor."
    arrangements = factory.LazyFunction(lambda: [Access.STEP_FREE, Access.REFRESHMENTS, Access.TRAVEL_PAID])
    created_by = factory.LazyAttribute(lambda workshop: workshop.programme.lead)


class InvitationFactory(DjangoModelFactory):
    class Meta:
        model = Invitation

    workshop = factory.SubFactory(WorkshopFactory)
    member = factory.SubFactory(GroupMemberFactory, programme=factory.SelfAttribute("..workshop.programme"))
    invited_by = factory.LazyAttribute(lambda invitation: invitation.workshop.programme.lead)


class IdeaFactory(DjangoModelFactory):
    class Meta:
        model = Idea

    workshop = factory.SubFactory(WorkshopFactory)
    text = "A day service that is open at weekends, when carers need a break most."
    whose = Idea.Whose.SOMEONE
    recorded_by = factory.LazyAttribute(lambda idea: idea.workshop.programme.lead)


class GuestInvitationFactory(DjangoModelFactory):
    """Someone without an account, invited by name and reached by phone."""

    class Meta:
        model = GuestInvitation

    workshop = factory.SubFactory(WorkshopFactory)
    name = "Joan Webb"
    how_to_reach = "Phone 01632 960 418 (her daughter answers)"
    sent_how = GuestInvitation.SentHow.POST
    invited_by = factory.LazyAttribute(lambda guest: guest.workshop.programme.lead)
