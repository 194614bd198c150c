"""The daily reminders: everyone going to a workshop, event or monitoring meeting tomorrow is
reminded once, and nobody is reminded about anything else."""

import datetime

from django.conf import settings
from django.utils import timezone

from commissioning.monitoring.models import MeetingMember
from commissioning.reminders import day_before_reminders_send, due_tomorrow
from commissioning.tasks import day_before_reminders
from commissioning.workshops.models import Invitation, WorkshopKind
from coproduction.celery import app
from coproduction.notifications.selectors import messages_for
from coproduction.notifications.topics import Topic
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory
from tests.commissioning.monitoring.factories import MeetingMemberFactory, MonitoringMeetingFactory
from tests.commissioning.workshops.factories import InvitationFactory, WorkshopFactory
from tests.harness.queries import assert_fixed_queries

TODAY = datetime.date(2027, 3, 1)
TOMORROW = TODAY + datetime.timedelta(days=1)


def _reminders(user):
    return list(messages_for(user=user).filter(topic=Topic.REMINDER).values_list("subject", flat=True))


def test_only_tomorrows_workshops_and_events_are_reminded():
    programme = ProgrammeFactory()
    tomorrow = WorkshopFactory(programme=programme, title="Tomorrow's workshop", date=TOMORROW)
    conversation = WorkshopFactory(programme=programme, title="Tomorrow's conversation", date=TOMORROW,
                                   kind=WorkshopKind.COMMUNITY_CONVERSATION)
    today = WorkshopFactory(programme=programme, title="Today's workshop", date=TODAY)
    later = WorkshopFactory(programme=programme, title="The day after", date=TODAY + datetime.timedelta(days=2))
    called_off = WorkshopFactory(programme=programme, title="Called off", date=TOMORROW)
    member = GroupMemberFactory(programme=programme)
    for workshop in (tomorrow, conversation, today, later, called_off):
        InvitationFactory(workshop=workshop, member=member)
    called_off.delete()  # an event called off is taken out of the programme

    assert day_before_reminders_send(today=TODAY) == 2
    assert sorted(_reminders(member.user)) == [
        "Reminder: Tomorrow's conversation is tomorrow", "Reminder: Tomorrow's workshop is tomorrow",
    ]
    message = messages_for(user=member.user).get(subject="Reminder: Tomorrow's workshop is tomorrow")
    assert "When: Tuesday 2 March 2027, 10am to 12:30pm." in message.body
    assert "Where: Oakfield Community Centre, 12 Mill Lane" in message.body
    assert "change your reply" in message.body


def test_people_who_said_no_or_left_the_group_are_not_reminded():
    programme = ProgrammeFactory()
    workshop = WorkshopFactory(programme=programme, date=TOMORROW)
    coming, maybe, silent, no = (GroupMemberFactory(programme=programme) for _ in range(4))
    gone = GroupMemberFactory(programme=programme, left_on=TODAY)
    for member, reply in ((coming, "coming"), (maybe, "maybe"), (silent, ""), (no, "not_coming"), (gone, "coming")):
        InvitationFactory(workshop=workshop, member=member, reply=reply)
    day_before_reminders_send(today=TODAY)
    assert [len(_reminders(m.user)) for m in (coming, maybe, silent, no, gone)] == [1, 1, 1, 0, 0]


def test_running_twice_reminds_once_and_a_moved_event_is_reminded_again():
    programme = ProgrammeFactory()
    workshop = WorkshopFactory(programme=programme, date=TOMORROW)
    invitation = InvitationFactory(workshop=workshop, member=GroupMemberFactory(programme=programme))
    assert day_before_reminders_send(today=TODAY) == 1
    assert day_before_reminders_send(today=TODAY) == 0  # the beat ran again, or the task was retried
    workshop.date = TOMORROW + datetime.timedelta(days=7)
    workshop.save()
    assert day_before_reminders_send(today=TODAY + datetime.timedelta(days=7)) == 1
    assert len(_reminders(invitation.member.user)) == 2


def test_tomorrows_monitoring_meeting_reminds_every_member():
    tomorrow = MonitoringMeetingFactory(title="Spring monitoring meeting", date=TOMORROW)
    today = MonitoringMeetingFactory(contract=tomorrow.contract, date=TODAY)
    representative = MeetingMemberFactory(meeting=tomorrow)
    provider = MeetingMemberFactory(meeting=tomorrow, role=MeetingMember.Role.PROVIDER)
    MeetingMemberFactory(meeting=today, user=representative.user)
    day_before_reminders_send(today=TODAY)
    for member in (representative, provider):
        assert _reminders(member.user) == ["Reminder: monitoring meeting tomorrow, Spring monitoring meeting"]
    body = messages_for(user=representative.user).get().body
    assert "When: Tuesday 2 March 2027, starting at 10am." in body
    assert "Where: Riverside Community Centre, Mill Lane" in body


def test_finding_what_is_due_costs_the_same_queries_however_many_events_and_people():
    programme = ProgrammeFactory()
    InvitationFactory(workshop=WorkshopFactory(programme=programme, date=TOMORROW), member=GroupMemberFactory(programme=programme))
    MeetingMemberFactory(meeting=MonitoringMeetingFactory(date=TOMORROW))

    def grow():
        for _ in range(5):
            workshop = WorkshopFactory(programme=programme, date=TOMORROW)
            for _ in range(4):
                InvitationFactory(workshop=workshop, member=GroupMemberFactory(programme=programme))
            meeting = MonitoringMeetingFactory(date=TOMORROW)
            MeetingMemberFactory.create_batch(4, meeting=meeting)

    def due():
        workshops, meetings = due_tomorrow(today=TODAY)
        # Reading who to remind is part of finding what is due: no query per event.
        return [[i.member.user.email for i in w.upcoming_invitations] for w in workshops] + [
            [m.user.email for m in meeting.reminded_members] for meeting in meetings
        ]

    assert_fixed_queries(due, budget=4, grow=grow)
    assert Invitation.objects.filter(workshop__date=TOMORROW).count() == 21


def test_the_daily_task_is_scheduled_every_morning_and_runs():
    entry = settings.CELERY_BEAT_SCHEDULE["commissioning-day-before-reminders"]
    assert entry["task"] == day_before_reminders.name and day_before_reminders.name in app.tasks
    schedule = entry["schedule"]
    assert len(schedule.day_of_week) == 7 and len(schedule.hour) == 1 and len(schedule.minute) == 1  # once, every day

    programme = ProgrammeFactory()
    member = GroupMemberFactory(programme=programme)
    InvitationFactory(workshop=WorkshopFactory(programme=programme, date=timezone.localdate() + datetime.timedelta(days=1)), member=member)
    assert day_before_reminders.apply().get() == 1  # no arguments: nothing personal crosses the broker
    assert len(_reminders(member.user)) == 1
