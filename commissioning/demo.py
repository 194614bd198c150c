"""Demo commissioning programmes for `manage.py seed_demo`. Idempotent: each part is made once.

Both programmes have moved on from their first stage, with key dates, co-production in the
earlier stages (with who took part) and a decisions log in which one decision was revised."""

from coproduction.core.demo import demo_seeder
import datetime

from commissioning.participants import activity_participants_set
from commissioning.models import (
    Activity,
    ActivityKind,
    Decision,
    KeyDate,
    LadderRung,
    MemberRole,
    Programme,
)
from commissioning.services import programme_create, programme_move_stage
from coproduction.accounts.models import User

DAY_OPPORTUNITIES = "Day opportunities for adults with learning disabilities 2027"
CARERS_BREAKS = "Short breaks for carers 2026"


def _activity(programme, position, by, members, *, title, kind, happened_on, summary, rung, others=0) -> Activity:
    activity, created = Activity.objects.get_or_create(
        programme=programme, title=title,
        defaults={
            "stage": programme.stages.get(position=position), "kind": kind, "happened_on": happened_on, "summary": summary,
            "ladder_rung": rung, "others_taking_part": others, "recorded_by": by,
        },
    )
    if created:
        activity_participants_set(activity=activity, members=programme.members.filter(user__in=members))
    return activity


def _decision(programme, position, by, *, title, decision, decided_on, decided_by, evidence, informed_by, revises=None, reason="") -> Decision:
    made, created = Decision.objects.get_or_create(
        programme=programme, title=title,
        defaults={
            "stage": programme.stages.get(position=position), "decision": decision, "decided_on": decided_on, "decided_by": decided_by,
            "evidence": evidence, "recorded_by": by, "revises": revises, "revision_reason": reason,
        },
    )
    if created:
        made.informed_by.set(informed_by)
    return made


def _key_dates(programme, dates: list[tuple[str, datetime.date, int]]) -> None:
    for label, date, position in dates:
        KeyDate.objects.get_or_create(programme=programme, label=label, defaults={"date": date, "stage": programme.stages.get(position=position)})


def _day_opportunities(commissioner, person, carer, provider) -> None:
    programme = Programme.objects.filter(title=DAY_OPPORTUNITIES).first()
    if programme is None:
        programme = programme_create(
            lead=commissioner,
            title=DAY_OPPORTUNITIES,
            summary="Working with people who use day services, their families and local groups to decide what day "
            "opportunities should look like from 2027, and who should provide them.",
        )
        programme.members.create(user=commissioner, member_role=MemberRole.COMMISSIONER, added_by=commissioner, joined_on=datetime.date(2026, 3, 2))
        programme.members.create(user=person, member_role=MemberRole.LIVED_EXPERIENCE, added_by=commissioner, joined_on=datetime.date(2026, 3, 2))
        programme.members.create(user=carer, member_role=MemberRole.CARER, added_by=commissioner, joined_on=datetime.date(2026, 3, 2))
        programme.members.create(user=provider, member_role=MemberRole.PROVIDER, added_by=commissioner, joined_on=datetime.date(2026, 4, 13))
        programme.current_stage = programme.stages.get(position=3)
        programme.save(update_fields=["current_stage"])
    _key_dates(programme, [
        ("Design workshops finish", datetime.date(2027, 1, 29), 4),
        ("Specification agreed by the group", datetime.date(2027, 3, 12), 4),
        ("Providers invited to bid", datetime.date(2027, 4, 19), 5),
        ("New day opportunities start", datetime.date(2027, 10, 4), 6),
    ])
    everyone = [commissioner, person, carer]
    conversations = _activity(
        programme, 1, commissioner, everyone, title="Conversations at three day centres", kind=ActivityKind.COMMUNITY_CONVERSATION,
        happened_on=datetime.date(2026, 4, 21), rung=LadderRung.ENGAGING, others=23,
        summary="We went to Ashfield, Brook Lane and the Hub at the times people are there and asked what a good day looks like.",
    )
    peer = _activity(
        programme, 1, commissioner, [person], title="Peer research interviews", kind=ActivityKind.PEER_RESEARCH,
        happened_on=datetime.date(2026, 5, 28), rung=LadderRung.CO_PRODUCING, others=14,
        summary="Al and two other people with learning disabilities interviewed people who use day services, in their own words.",
    )
    ranking = _activity(
        programme, 2, commissioner, [commissioner, person, carer, provider], title="Agreeing our priorities", kind=ActivityKind.PRIORITY_SETTING,
        happened_on=datetime.date(2026, 7, 9), rung=LadderRung.CO_PRODUCING,
        summary="The group put the priorities in order together. Weekends and getting out in the community came first.",
    )
    _activity(
        programme, 3, commissioner, [commissioner, person, carer], title="Where the money goes: business case meeting", kind=ActivityKind.MEETING,
        happened_on=datetime.date(2026, 9, 17), rung=LadderRung.CO_DESIGNING,
        summary="The group looked at the budget and agreed how it is shared between buildings and support in the community.",
    )
    saturdays = _decision(
        programme, 2, commissioner, title="Open on Saturdays", decided_on=datetime.date(2026, 7, 9),
        decision="Day opportunities will be open on Saturdays as well as weekdays.",
        decided_by="The co-production group, by consensus",
        evidence="Twelve of the fourteen people interviewed said weekends were the hardest time. Carers said the same at the day centres.",
        informed_by=[conversations, peer, ranking],
    )
    _decision(
        programme, 2, commissioner, title="Outcomes we will measure", decided_on=datetime.date(2026, 7, 23),
        decision="We will measure whether people do more of what they enjoy, see friends more often and feel safe getting about.",
        decided_by="The co-production group, by consensus", evidence="The priorities agreed on 9 July.", informed_by=[ranking],
    )
    _decision(
        programme, 3, commissioner, title="Open at weekends", decided_on=datetime.date(2026, 9, 17),
        decision="Day opportunities will be open on Saturdays and Sundays.",
        decided_by="The co-production group, agreed by the head of commissioning",
        evidence="Carers told us Sundays are just as hard. The budget allows both days if one building closes on Mondays.",
        informed_by=[conversations], revises=saturdays,
        reason="carers at the business case meeting showed that Sundays are just as hard, and the budget allows both days.",
    )
    # The move into designing the service is in the decisions log, with who moved it and why.
    design = programme.stages.get(position=4)
    if programme.current_stage_id != design.pk:
        programme_move_stage(
            programme=programme, to=design, by=commissioner,
            reason="The group agreed the business case on 17 September, so we can start designing the service together.",
        )


def _carers_breaks(commissioner, carer) -> None:
    programme = Programme.objects.filter(title=CARERS_BREAKS).first()
    if programme is None:
        programme = programme_create(
            lead=commissioner,
            title=CARERS_BREAKS,
            summary="Carers told us they cannot plan a break. Together we are reviewing the short breaks service.",
            visibility=Programme.Visibility.PUBLIC,
        )
        programme.members.create(user=commissioner, member_role=MemberRole.COMMISSIONER, added_by=commissioner, joined_on=datetime.date(2025, 9, 1))
        programme.members.create(user=carer, member_role=MemberRole.CARER, added_by=commissioner, joined_on=datetime.date(2025, 9, 1))
        programme.current_stage = programme.stages.get(position=7)
        programme.save(update_fields=["current_stage"])
    _key_dates(programme, [
        ("Carers' survey closes", datetime.date(2026, 12, 11), 7),
        ("What we found: open meeting", datetime.date(2027, 1, 21), 8),
    ])
    survey = _activity(
        programme, 6, commissioner, [carer], title="Carers' survey about breaks", kind=ActivityKind.SURVEY,
        happened_on=datetime.date(2026, 6, 30), rung=LadderRung.CONSULTING, others=212,
        summary="Carers told us how easy it was to book a break, on paper, online and by phone.",
    )
    visits = _activity(
        programme, 7, commissioner, [carer], title="Carers visit the short breaks service", kind=ActivityKind.PEER_RESEARCH,
        happened_on=datetime.date(2026, 10, 14), rung=LadderRung.CO_PRODUCING, others=3,
        summary="Four carers visited the service and talked to carers using it about what worked.",
    )
    booking = _decision(
        programme, 6, commissioner, title="Book breaks by phone", decided_on=datetime.date(2026, 7, 16),
        decision="Carers will be able to book a break by phone, not only online.",
        decided_by="The carers' reference group and the commissioning manager",
        evidence="A third of carers in the survey do not use the internet.", informed_by=[survey],
    )
    _decision(
        programme, 7, commissioner, title="Book breaks by phone or in person", decided_on=datetime.date(2026, 10, 28),
        decision="Carers will be able to book a break by phone, online or in person at the carers' centre.",
        decided_by="The carers' reference group and the commissioning manager",
        evidence="Carers on the visits said some people need help in person to book.",
        informed_by=[visits], revises=booking,
        reason="the visits showed some carers need help in person, so booking at the carers' centre was added.",
    )


@demo_seeder(50)
def seed_commissioning_demo() -> None:
    commissioner = User.objects.get(email="commissioner@demo.example")
    person = User.objects.get(email="person@demo.example")
    carer = User.objects.get(email="carer@demo.example")
    provider = User.objects.get(email="provider@demo.example")
    _day_opportunities(commissioner, person, carer, provider)
    _carers_breaks(commissioner, carer)
