"""A network's meetings: members hear that their papers are ready, in their own format, and the
organiser records who came."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from commissioning.networks import services
from commissioning.networks.models import Network, NetworkMeetingPlace, NetworkMember
from coproduction.notifications.models import Message
from tests.commissioning.involvement.factories import InvolvementProfileFactory
from tests.harness.bad_input import assert_bad_input


@pytest.fixture
def meeting(network, commissioner):
    return services.meeting_create(network=network, by=commissioner, data={
        "title": "Spring meeting", "date": datetime.date(2026, 4, 1), "starts_at": datetime.time(10), "place": "Central Hall"})


def _url(name, meeting):
    return reverse(f"networks:{name}", kwargs={"network_id": meeting.network_id, "meeting_id": meeting.pk})


def test_members_hear_their_papers_are_ready_in_their_own_format(commissioner, person, carer, meeting):
    InvolvementProfileFactory(user=person, preferred_format="easy_read")
    services.paper_add(meeting=meeting, by=commissioner, data={"title": "Transport", "text": "Options.", "easy_read_text": "Buses."})
    services.papers_send(meeting=meeting, by=commissioner)
    message = Message.objects.get(recipient=person)
    assert message.subject == "Papers for the Good days network meeting on 1 April 2026"
    assert "are ready, in Easy Read." in message.body and "Where: Central Hall" in message.body
    assert message.link == _url("papers_pack", meeting) + "?format=easy_read"
    assert "are ready, in standard print." in Message.objects.get(recipient=carer).body
    services.papers_send(meeting=meeting, by=commissioner)  # sent again: told again, once more each
    assert Message.objects.filter(recipient=person).count() == 2


def test_the_organiser_records_who_came_and_the_meeting_page_shows_it(client_as, commissioner, person, carer, meeting):
    client = client_as(commissioner)
    form = client.get(_url("attendance", meeting)).content.decode()
    assert form.count('name="attended"') == 3  # every member with an account, papers sent or not
    member = NetworkMember.objects.get(user=person)
    response = client.post(_url("attendance", meeting), {"attended": [member.pk]})
    assert response.headers["Location"] == _url("meeting_detail", meeting) + "#attendance"
    assert dict(NetworkMeetingPlace.objects.values_list("member__user", "attended")) == {commissioner.pk: False, person.pk: True, carer.pk: False}
    page = client_as(carer).get(_url("meeting_detail", meeting)).content.decode()
    assert "1 member came:" in page and person.display_name in page
    assert client_as(person).get(_url("attendance", meeting)).status_code == 403


def test_who_came_is_recorded_only_once_the_meeting_has_happened_and_only_for_members(client_as, commissioner, network, meeting):
    later = services.meeting_create(network=network, by=commissioner, data={
        "title": "Next year", "date": datetime.date.today() + datetime.timedelta(days=30), "starts_at": datetime.time(10), "place": "Hall"})
    member = NetworkMember.objects.filter(network=network).first()
    client = client_as(commissioner)
    unchanged = lambda: list(NetworkMeetingPlace.objects.values_list("member_id", "attended"))  # noqa: E731
    assert_bad_input(client, _url("attendance", later), {"attended": [member.pk]},
                     errors=["You can record who came once the meeting has happened"], unchanged=unchanged)
    assert_bad_input(client, _url("attendance", meeting), {"attended": ["999999"]}, errors=["Select members from the list"],
                     unchanged=unchanged)


def test_in_a_network_a_programme_supports_who_came_takes_part_and_is_paid_through_its_ledger(
        client_as, commissioner, person, carer, network, programme):
    from commissioning.involvement.models import Claim

    network.programme = programme
    network.save(update_fields=["programme"])
    meeting = services.meeting_create(network=network, by=commissioner, data={
        "title": "Summer meeting", "date": datetime.date.today() - datetime.timedelta(days=3), "starts_at": datetime.time(10),
        "place": "Hall"})
    assert meeting.activity.programme == programme and meeting.activity.kind == "meeting"
    came = NetworkMember.objects.filter(user__in=[person, commissioner])  # the commissioner is not in the programme's group
    client = client_as(commissioner)
    client.post(_url("attendance", meeting), {"attended": [member.pk for member in came]})
    meeting.activity.refresh_from_db()
    assert list(meeting.activity.participants.values_list("user", flat=True)) == [person.pk]
    assert meeting.activity.others_taking_part == 1 and meeting.activity.happened_on == meeting.date
    place = NetworkMeetingPlace.objects.get(meeting=meeting, member__user=person)
    response = client.post(_url("recognition", meeting), {"member": place.pk, "category": "travel", "amount": "4.50"})
    assert response.status_code == 302, response.context["form"].errors
    claim = Claim.objects.get()
    assert (claim.claimant, claim.activity, claim.amount) == (person, meeting.activity, Decimal("4.50"))
    absent = NetworkMeetingPlace.objects.get(meeting=meeting, member__user=carer)
    assert_bad_input(client, _url("recognition", meeting), {"member": absent.pk, "category": "travel", "amount": "4.50"},
                     errors=["Select a member who came to the meeting"], unchanged=Claim.objects.count)


def test_a_network_with_no_programme_has_no_recognition_page(client_as, commissioner, meeting):
    assert client_as(commissioner).get(_url("recognition", meeting)).status_code == 404
