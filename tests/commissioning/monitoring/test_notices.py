"""What monitoring meeting members are told: that they are invited (when, where and how to tell
the organiser what they need), and that their papers are ready, in their own format."""

import datetime
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import timezone

from commissioning.monitoring import services
from commissioning.monitoring.models import MeetingMember
from coproduction.notifications.selectors import messages_for
from coproduction.notifications.topics import Topic
from tests.commissioning.involvement.factories import InvolvementProfileFactory
from tests.commissioning.monitoring.factories import MeetingPaperFactory

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def _upcoming(contract, commissioner, when):
    return services.meeting_create(contract=contract, by=commissioner, data={
        "title": "Autumn monitoring meeting", "date": when, "starts_at": datetime.time(14, 30),
        "place": "Riverside Community Centre, Mill Lane", "agenda": "", "agenda_easy_read": "",
    })


def test_a_member_added_to_a_meeting_is_invited_with_the_date_place_and_how_to_say_what_they_need(contract, carer, commissioner):
    when = timezone.localdate() + datetime.timedelta(days=21)
    meeting = _upcoming(contract, commissioner, when)
    services.member_add(meeting=meeting, user=carer, role=MeetingMember.Role.CARER_REPRESENTATIVE, by=commissioner)
    [message] = messages_for(user=carer)
    assert message.topic == Topic.INVITATION
    assert message.subject == f"Invitation: monitoring meeting on {when.day} {MONTHS[when.month - 1]}"
    assert f"When: {WEEKDAYS[when.weekday()]} {when.day} {MONTHS[when.month - 1]} {when.year}, starting at 2:30pm." in message.body
    assert "Where: Riverside Community Centre, Mill Lane" in message.body
    assert "step-free access, a hearing loop, an interpreter" in message.body
    assert "tell the organiser: sign in and add it to your involvement profile" in message.body
    assert urlsplit(message.link).path == reverse("monitoring:meeting_detail", kwargs={
        "programme_id": contract.programme_id, "contract_id": contract.pk, "meeting_id": meeting.pk,
    })
    # The commissioner who set the meeting up (and sits on it as chair) is not invited by it.
    assert not messages_for(user=commissioner).exists()


def test_adding_someone_to_a_meeting_that_has_happened_invites_nobody(meeting, person):
    # The conftest meeting is in the past; the person was added to record who sits on it.
    assert meeting.date < timezone.localdate()
    assert not messages_for(user=person).filter(topic=Topic.INVITATION).exists()


def test_sending_papers_tells_each_member_in_their_format_with_a_link_to_them(client_as, meeting, person, provider):
    InvolvementProfileFactory(user=person, preferred_format="easy_read")
    MeetingPaperFactory(meeting=meeting, title="What the provider did this quarter")
    services.papers_send(meeting=meeting, by=meeting.created_by)

    easy_read = messages_for(user=person).get(topic=Topic.PAPERS)
    assert easy_read.subject == "Your papers are ready: Monitoring meeting, July 2026"
    assert "are ready, in Easy Read as you asked" in easy_read.body
    standard = messages_for(user=provider).get(topic=Topic.PAPERS)
    assert "are ready, in standard print as you asked" in standard.body

    link = urlsplit(easy_read.link)
    assert link.query == "format=easy_read"
    page = client_as(person).get(f"{link.path}?{link.query}")
    assert page.status_code == 200
    content = page.content.decode()
    assert "(easy read)" in content and "What the provider did this quarter" in content
    # The papers format sent and the one the message names are the same.
    assert MeetingMember.objects.get(meeting=meeting, user=person).papers_format == "easy_read"


def test_sending_the_same_papers_twice_tells_once_and_new_papers_tell_again(meeting, person):
    MeetingPaperFactory(meeting=meeting)
    services.papers_send(meeting=meeting, by=meeting.created_by)
    services.papers_send(meeting=meeting, by=meeting.created_by)  # a second click
    assert messages_for(user=person).filter(topic=Topic.PAPERS).count() == 1
    MeetingPaperFactory(meeting=meeting, title="The provider's answer to the actions")
    services.papers_send(meeting=meeting, by=meeting.created_by)
    assert messages_for(user=person).filter(topic=Topic.PAPERS).count() == 2
