"""Demo records for workshops, for `manage.py seed_demo`. Idempotent: in the day opportunities
programme, a design workshop that happened (who came, notes, ideas and what it fed) and a
community conversation coming up that Al and Maureen are invited to."""

import datetime

from django.db import transaction
from django.utils import timezone

from commissioning.demo import DAY_OPPORTUNITIES
from commissioning.models import Programme
from commissioning.specifications.models import Section
from coproduction.accounts.models import User
from coproduction.core.demo import demo_day, demo_seeder

from . import services
from .models import Access, GuestInvitation, Idea, Workshop, WorkshopKind

PAST_TITLE = "What makes a good day? Design workshop"
UPCOMING_TITLE = "Tea and a chat: weekends and evenings"
# The days their descriptions give: Oakfield's minibus runs on Tuesdays, and the carers' group
# meets at the Hub on Thursday afternoons.
TUESDAY, THURSDAY = 1, 3

IDEAS = [
    ("person@demo.example", "Somewhere to go on Saturdays, with my friends from the centre."),
    ("carer@demo.example", "A minibus from the estate, so nobody has to rely on the 42 bus."),
    (None, "Try a job club at the library one morning a week, with support."),
    (None, "Let people choose their own activities each month, from a picture menu."),
]


@transaction.atomic
@demo_seeder(80)
def seed_workshops_demo() -> None:
    programme = Programme.objects.filter(title=DAY_OPPORTUNITIES).first()
    if programme is None or Workshop.objects.filter(programme=programme, title__in=[PAST_TITLE, UPCOMING_TITLE]).exists():
        return
    users = {user.email: user for user in User.objects.filter(email__endswith="@demo.example")}
    priya = users["commissioner@demo.example"]
    members = {member.user.email: member for member in programme.members.select_related("user")}
    design_stage = programme.stages.filter(name="Design the service together").first() or programme.current_stage
    today = timezone.localdate()

    past = services.workshop_create(
        programme=programme, stage=design_stage, by=priya,
        data={
            "kind": WorkshopKind.WORKSHOP, "title": PAST_TITLE,
            "purpose": "To design, together, what a good day out looks like, using the priorities the group agreed.",
            "date": demo_day(today - datetime.timedelta(days=21), weekday=TUESDAY, earlier=True), "starts_at": datetime.time(10, 30), "ends_at": datetime.time(13, 0),
            "format": Workshop.Format.FACE_TO_FACE, "place": "Oakfield Day Centre, Mill Lane (the big room at the back)",
            "why_this_place": "Most of the people we invited already come to Oakfield on Tuesdays, and the minibus runs that day.",
            "joining_instructions": "Come in through the garden door; staff will meet you there.",
            "arrangements": [Access.STEP_FREE, Access.HEARING_LOOP, Access.EASY_READ, Access.BREAKS, Access.REFRESHMENTS,
                             Access.TRAVEL_PAID, Access.SUPPORT_WORKER],
            "other_arrangements": "Lunch from the café, and pictures to help everyone join in.", "capacity": 20,
        },
    )
    invited = [members[email] for email in ("person@demo.example", "carer@demo.example", "provider@demo.example") if email in members]
    services.invitations_send(workshop=past, members=invited, sent_on=past.date - datetime.timedelta(days=14), by=priya)
    came = past.invitations.filter(member__user__email__in=["person@demo.example", "carer@demo.example"])
    services.attendance_record(workshop=past, attended=list(came), others=9, by=priya)
    services.workshop_notes_update(
        workshop=past, by=priya,
        notes="Fourteen people came, including nine people who use Oakfield and their supporters.\n\n"
        "We used picture cards to build a week. Almost every week people built had something on Saturday. "
        "People want to do things in the community, not only at the centre, and some want to try work or volunteering.",
    )
    for email, text in IDEAS:
        member = members.get(email) if email else None
        services.idea_add(
            workshop=past, text=text, whose=Idea.Whose.MEMBER if member else Idea.Whose.SOMEONE, said_by=member, by=priya
        )
    _feed(past=past, programme=programme)

    upcoming = services.workshop_create(
        programme=programme, stage=design_stage, by=priya,
        data={
            "kind": WorkshopKind.COMMUNITY_CONVERSATION, "title": UPCOMING_TITLE,
            "purpose": "An informal chat about what people would like to do at weekends and in the evenings.",
            "date": demo_day(today + datetime.timedelta(days=18), weekday=THURSDAY), "starts_at": datetime.time(14, 0), "ends_at": datetime.time(15, 30),
            "format": Workshop.Format.FACE_TO_FACE, "place": "The Hub Community Café, 4 Market Street",
            "why_this_place": "Going to where people are: the carers' group already meets at the Hub on Thursday afternoons, "
            "and it is next to the bus station.",
            "joining_instructions": "", "arrangements": [Access.STEP_FREE, Access.REFRESHMENTS, Access.TRAVEL_PAID, Access.SUPPORT_WORKER],
            "other_arrangements": "", "capacity": None,
        },
    )
    services.invitations_send(
        workshop=upcoming, members=[members[email] for email in ("person@demo.example", "carer@demo.example") if email in members],
        sent_on=today - datetime.timedelta(days=3), by=priya,
    )
    al = upcoming.invitations.filter(member__user__email="person@demo.example").select_related("workshop", "member__user").first()
    if al is not None:
        services.invitation_reply(
            invitation=al, reply="coming", access_needs=[Access.QUIET_SPACE, Access.EASY_READ],
            anything_else="I would like to know who will be there before I come.", by=al.member.user,
        )
    # Someone from the carers' group at the Hub has no account: Priya posts a printed invitation.
    services.guest_invite(workshop=upcoming, by=priya, data={
        "name": "Joan Webb", "how_to_reach": "Through the carers' group at the Hub, or by post: 7 Station Road, Oakfield",
        "sent_how": GuestInvitation.SentHow.POST, "sent_on": today - datetime.timedelta(days=2),
        "access_needs": [Access.LARGE_PRINT, Access.BREAKS], "anything_else": "She cares for her husband, so may need to leave early.",
    })


def _feed(*, past: Workshop, programme: Programme) -> None:
    """What the workshop fed, from whatever the priorities and specifications demos made."""
    activity = past.activity
    activity.priorities.add(*programme.priorities.order_by("proposed_at", "pk")[:2])
    activity.outcomes.add(*programme.outcomes.order_by("position", "pk")[:1])
    activity.specification_sections.add(
        *Section.objects.filter(version__specification__programme=programme, key="requirements").order_by("-version__number")[:1]
    )
