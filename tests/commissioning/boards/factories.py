import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from commissioning.boards.models import Board, BoardDecision, BoardMeeting, BoardMember, BoardPaper, MeetingAttendee
from tests.commissioning.factories import DecisionFactory
from tests.coproduction.accounts.factories import UserFactory


class BoardFactory(DjangoModelFactory):
    class Meta:
        model = Board

    name = factory.Sequence(lambda n: f"Health and Wellbeing Board {n}")
    kind = Board.Kind.HEALTH_AND_WELLBEING
    purpose = "Agrees the health and care priorities for the area, and how the money is spent on them."
    papers_days_ahead = 7
    created_by = factory.SubFactory(UserFactory, roles=["commissioner"])


class BoardMemberFactory(DjangoModelFactory):
    class Meta:
        model = BoardMember

    board = factory.SubFactory(BoardFactory)
    user = factory.SubFactory(UserFactory, roles=["person"])
    kind = BoardMember.Kind.LIVED_EXPERIENCE
    added_by = factory.LazyAttribute(lambda member: member.board.created_by)


class BoardMeetingFactory(DjangoModelFactory):
    class Meta:
        model = BoardMeeting

    board = factory.SubFactory(BoardFactory)
    date = factory.Faker("date_between", start_date="+1m", end_date="+3m")
    place = "Council Chamber, Town Hall (step-free entrance on Market Street)"
    agenda = "1. Welcome\n2. Day opportunities priorities\n3. Any other business"
    created_by = factory.LazyAttribute(lambda meeting: meeting.board.created_by)


class BoardPaperFactory(DjangoModelFactory):
    class Meta:
        model = BoardPaper

    meeting = factory.SubFactory(BoardMeetingFactory)
    title = factory.Sequence(lambda n: f"Day opportunities priorities {n}")
    summary = "People who use day opportunities agreed five priorities. The board is asked to adopt them."
    text = "Over three workshops, forty people told us what a good day looks like."
    easy_read_text = "We asked people what a good day is. They chose five things."
    position = factory.Sequence(lambda n: n + 1)
    added_by = factory.LazyAttribute(lambda paper: paper.meeting.created_by)


class MeetingAttendeeFactory(DjangoModelFactory):
    class Meta:
        model = MeetingAttendee

    meeting = factory.SubFactory(BoardMeetingFactory)
    member = factory.SubFactory(BoardMemberFactory, board=factory.SelfAttribute("..meeting.board"))
    papers_format = "standard"
    papers_sent_at = None
    attended = None


class BoardDecisionFactory(DjangoModelFactory):
    class Meta:
        model = BoardDecision

    meeting = factory.SubFactory(
        BoardMeetingFactory, date=factory.Faker("date_between", start_date="-3m", end_date="-1d"),
        attendance_recorded_at=factory.LazyFunction(timezone.now),
    )
    decision = factory.SubFactory(
        DecisionFactory,
        decided_on=factory.SelfAttribute("..meeting.date"),
        decided_by=factory.LazyAttribute(lambda decision: f"{decision.factory_parent.meeting.board.name}, meeting on {decision.decided_on:%-d %B %Y}"),
    )
    recorded_by = factory.LazyAttribute(lambda board_decision: board_decision.meeting.created_by)
