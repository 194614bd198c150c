"""Demo data for decision-making boards, for `manage.py seed_demo`. Idempotent: the Health and
Wellbeing Board, with Al and Maureen as members with lived experience beside a councillor and
officers: a past meeting whose papers went out in time, with who attended and a decision in the
day opportunities programme's log; and a coming meeting whose papers have gone out, each member
in their own format. The commissioning board had a meeting without its member with lived
experience, so the boards list shows the difference."""

import datetime

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from commissioning.demo import DAY_OPPORTUNITIES
from commissioning.involvement.selectors import preferred_formats
from commissioning.models import Programme
from coproduction.accounts.models import User
from coproduction.core.demo import demo_day, demo_seeder

from . import services
from .models import Board, BoardMeeting, BoardMember, BoardPaper, MeetingAttendee

HWB = "Health and Wellbeing Board"
COMMISSIONING_BOARD = "Adult social care commissioning board"


@transaction.atomic
@demo_seeder(145)
def seed_boards_demo() -> None:
    if Board.objects.filter(name=HWB).exists():
        return
    users = {user.email: user for user in User.objects.filter(email__endswith="@demo.example")}
    priya, al, maureen = users["commissioner@demo.example"], users["person@demo.example"], users["carer@demo.example"]
    nadia, rosa, olu = users["head@demo.example"], users["assessor@demo.example"], users["procurement@demo.example"]
    councillor = users.get("cllr.evans@demo.example") or User.objects.create(
        email="cllr.evans@demo.example", full_name="Cllr Ruth Evans", password=make_password(None), roles=[],
    )
    hwb = services.board_create(by=priya, data={
        "name": HWB, "kind": Board.Kind.HEALTH_AND_WELLBEING, "papers_days_ahead": 7,
        "purpose": "The council, the NHS and local people agree the borough's health and care priorities and how the money "
                   "for them is shared.",
    })
    for user, kind in ((al, BoardMember.Kind.LIVED_EXPERIENCE), (maureen, BoardMember.Kind.LIVED_EXPERIENCE),
                       (councillor, BoardMember.Kind.ELECTED_MEMBER), (priya, BoardMember.Kind.OFFICER), (nadia, BoardMember.Kind.OFFICER)):
        services.member_add(board=hwb, user=user, kind=kind, by=priya)

    # A past meeting: papers out nine days ahead, Maureen could not come, one decision taken.
    held = demo_day(timezone.localdate() - datetime.timedelta(days=21), earlier=True)
    past = BoardMeeting.objects.create(board=hwb, date=held, place="Council Chamber, Town Hall (step-free, hearing loop)", created_by=priya,
                                       agenda="1. Day opportunities: the priorities people agreed\n2. Carers' breaks")
    BoardPaper.objects.create(
        meeting=past, title="Day opportunities: the priorities people agreed", added_by=priya,
        summary="People who use day services, carers and staff agreed five priorities together. The board is asked to agree "
                "them, so the new service is bought to meet them.",
        text="Over six months the co-production group met eleven times and heard from 240 people...",
        easy_read_text="People told us what matters to them.\nWe wrote down five things.\nWe ask the board to say yes to them.",
    )
    sent = timezone.make_aware(datetime.datetime.combine(held - datetime.timedelta(days=9), datetime.time(9)))
    formats = preferred_formats([member.user_id for member in hwb.members.all()])
    MeetingAttendee.objects.bulk_create([
        MeetingAttendee(meeting=past, member=member, papers_format=formats[member.user_id], papers_sent_at=sent)
        for member in hwb.members.all()
    ])
    past.papers_sent_at = sent
    past.save(update_fields=["papers_sent_at"])
    attended = {member.pk for member in hwb.members.exclude(user=maureen)}
    services.attendance_record(meeting=past, attended_member_ids=attended, by=priya)
    programme = Programme.objects.filter(title=DAY_OPPORTUNITIES).first()
    if programme is not None:
        services.decision_add(meeting=past, programme=programme, by=priya, data={
            "title": "The board agrees the day opportunities priorities",
            "decision": "The Health and Wellbeing Board agreed the five priorities the co-production group set, and asked for "
                        "the service to be bought against them.",
            "evidence": "The priorities paper, presented by Al Marsh for the co-production group.",
        })

    # The coming meeting: papers sent today, each member in their own format.
    coming = services.meeting_create(board=hwb, by=priya, data={
        "date": demo_day(timezone.localdate() + datetime.timedelta(days=14)), "place": "Council Chamber, Town Hall (step-free, hearing loop)",
        "agenda": "1. The carers' breaks specification\n2. What people said about the day service so far",
    })
    services.paper_add(meeting=coming, by=priya, data={
        "title": "Carers' breaks: the specification for approval",
        "summary": "Carers wrote this specification with the council. It says carers can book a break by phone, online or in "
                   "person. The board is asked to approve it before the tender goes out.",
        "text": "The specification was written at four workshops with 31 carers...",
        "easy_read_text": "Carers helped write what the new service must do.\nCarers can book a break by phone, online or in person.\n"
                          "We ask the board to say yes.",
    })
    services.papers_send(meeting=coming, by=priya)

    # The commissioning board: its member with lived experience missed its last meeting.
    board = services.board_create(by=priya, data={
        "name": COMMISSIONING_BOARD, "kind": Board.Kind.COMMISSIONING, "papers_days_ahead": 5,
        "purpose": "Approves business cases and tenders for adult social care services.",
    })
    for user, kind in ((rosa, BoardMember.Kind.LIVED_EXPERIENCE), (priya, BoardMember.Kind.OFFICER), (olu, BoardMember.Kind.OFFICER)):
        services.member_add(board=board, user=user, kind=kind, by=priya)
    last = BoardMeeting.objects.create(board=board, created_by=priya, place="Room 2, Town Hall",
                                       date=demo_day(timezone.localdate() - datetime.timedelta(days=35), earlier=True))
    services.attendance_record(meeting=last, attended_member_ids={m.pk for m in board.members.exclude(user=rosa)}, by=priya)
    if programme is not None:
        services.decision_add(meeting=last, programme=programme, by=priya, data={
            "title": "The business case for day opportunities is approved",
            "decision": "The commissioning board approved the business case at £310,000 a year.",
        })
