"""What invited people are told about a workshop: the invitation says when, where, what is
offered so everyone can take part and how to tell the organiser what they need."""

import datetime
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import timezone

from commissioning.workshops import services
from commissioning.workshops.models import Access, Workshop
from coproduction.notifications.selectors import messages_for
from coproduction.notifications.topics import Topic
from tests.commissioning.factories import GroupMemberFactory
from tests.commissioning.workshops.factories import WorkshopFactory

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def _reply_path(workshop):
    return reverse("workshops:reply", kwargs={"programme_id": workshop.programme_id, "workshop_id": workshop.pk})


def test_an_invitation_tells_the_date_place_arrangements_and_how_to_say_what_you_need(programme, workshop, person_member, commissioner):
    workshop.date = timezone.localdate() + datetime.timedelta(days=40)
    workshop.arrangements = [Access.STEP_FREE, Access.BSL, Access.TRAVEL_PAID]
    workshop.other_arrangements = "A carer can come with you."
    workshop.save()
    services.invitations_send(workshop=workshop, members=[person_member], sent_on=timezone.localdate(), by=commissioner)

    [message] = messages_for(user=person_member.user)
    assert message.topic == Topic.INVITATION
    day, weekday, month, year = workshop.date.day, WEEKDAYS[workshop.date.weekday()], MONTHS[workshop.date.month - 1], workshop.date.year
    assert message.subject == f"Invitation: What makes a good day? on {day} {month}"
    body = message.body
    assert f"When: {weekday} {day} {month} {year}, 10am to 12:30pm." in body
    assert "Where: Oakfield Community Centre, 12 Mill Lane" in body
    for offered in ("Step-free access", "British Sign Language (BSL) interpreter", "Travel paid for", "A carer can come with you."):
        assert f"- {offered}" in body
    assert "tell the organiser when you reply" in body
    assert message.link.endswith(_reply_path(workshop))
    # The organiser who sent it is not told about their own invitation.
    assert not messages_for(user=commissioner).exists()


def test_the_message_links_to_the_reply_page_where_the_invitee_says_what_they_need(client_as, workshop, person_member, commissioner):
    services.invitations_send(workshop=workshop, members=[person_member], sent_on=workshop.date, by=commissioner)
    link = messages_for(user=person_member.user).get().link
    page = client_as(person_member.user).get(urlsplit(link).path)
    assert page.status_code == 200
    assert 'name="access_needs"' in page.content.decode()  # the form asks what they need


def test_inviting_again_tells_only_the_people_newly_invited(workshop, person_member, carer_member, commissioner):
    services.invitations_send(workshop=workshop, members=[person_member], sent_on=workshop.date, by=commissioner)
    services.invitations_send(workshop=workshop, members=[person_member], sent_on=workshop.date, by=commissioner)  # a second click
    services.invitations_send(workshop=workshop, members=[person_member, carer_member], sent_on=workshop.date, by=commissioner)
    assert messages_for(user=person_member.user).count() == 1
    assert messages_for(user=carer_member.user).count() == 1


def test_an_online_invitation_keeps_the_joining_link_behind_sign_in(programme, person_member, commissioner):
    online = WorkshopFactory(programme=programme, format=Workshop.Format.ONLINE, place="",
                             joining_instructions="https://meet.example/secret-room-4471", arrangements=[])
    services.invitations_send(workshop=online, members=[person_member], sent_on=online.date, by=commissioner)
    body = messages_for(user=person_member.user).get().body
    assert "secret-room-4471" not in body
    assert "Online. How to join is on the invitation page when you sign in." in body
    assert "What is offered so everyone can take part: ask the organiser." in body


def test_invitations_recorded_for_an_event_that_has_happened_tell_nobody(programme, person_member, commissioner):
    past = WorkshopFactory(programme=programme, date=timezone.localdate() - datetime.timedelta(days=1))
    services.invitations_send(workshop=past, members=[person_member], sent_on=past.date, by=commissioner)
    assert past.invitations.count() == 1 and not messages_for(user=person_member.user).exists()


def test_someone_who_left_the_group_is_not_told(programme, workshop, commissioner):
    gone = GroupMemberFactory(programme=programme, left_on=datetime.date(2026, 1, 1))
    services.invitations_send(workshop=workshop, members=[gone], sent_on=workshop.date, by=commissioner)
    assert not messages_for(user=gone.user).exists()


def test_the_invitation_arrives_by_email_with_the_details_and_a_sign_in_link(request, workshop, person_member, commissioner):
    smtp = request.getfixturevalue("mailbox")  # the real SMTP server the service sends to
    services.invitations_send(workshop=workshop, members=[person_member], sent_on=workshop.date, by=commissioner)
    request.getfixturevalue("deliver_now")()
    [email] = smtp.wait_for(1)
    assert email["To"] == person_member.user.email
    assert email["Subject"] == messages_for(user=person_member.user).get().subject
    text = smtp.text(email)
    assert "Where: Oakfield Community Centre, 12 Mill Lane" in text and "- Step-free access" in text
    assert _reply_path(workshop) in text
