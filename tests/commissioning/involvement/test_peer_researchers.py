"""Peer researchers: recruited and trained, with their interviews recorded as activities."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.involvement.models import Participation, PeerResearcher
from commissioning.models import Activity, ActivityKind
from tests.commissioning.involvement.factories import PeerResearcherFactory
from tests.harness.auth import login_as
from tests.harness.bad_input import assert_bad_input


def on(day, prefix):
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_a_commissioner_recruits_a_peer_researcher_who_records_interviews(client, commissioner, person, programme, person_member):
    import datetime

    login_as(client, commissioner)
    url = reverse("involvement:peer_researcher_add", kwargs={"programme_id": programme.pk})
    response = client.post(url, {"member": person_member.pk, **on(datetime.date(2026, 9, 1), "recruited_on"),
                                 **on(datetime.date(2026, 9, 15), "trained_on"), "training_notes": "Two days with the university"})
    assert response.status_code == 302
    researcher = PeerResearcher.objects.get(programme=programme)
    login_as(client, person)
    response = client.post(
        reverse("involvement:interview_add", kwargs={"programme_id": programme.pk, "researcher_id": researcher.pk}),
        {"title": "Conversation at the lunch club", **on(datetime.date(2026, 10, 2), "happened_on"), "summary": "Transport is the worry."},
    )
    assert response.status_code == 302
    interview = Activity.objects.get(kind=ActivityKind.PEER_RESEARCH)
    assert list(interview.participants.all()) == [person_member]
    assert Participation.objects.get(activity=interview).mode == "outreach"
    shown = text(client.get(reverse("involvement:peer_researchers", kwargs={"programme_id": programme.pk})))
    assert "Conversation at the lunch club" in shown and "15 September 2026" in shown


def test_bad_input_for_peer_researchers_and_interviews(client, commissioner, programme, person_member):
    import datetime

    login_as(client, commissioner)
    url = reverse("involvement:peer_researcher_add", kwargs={"programme_id": programme.pk})
    assert_bad_input(
        client, url, {"member": "", **on(datetime.date(2026, 9, 15), "recruited_on"), **on(datetime.date(2026, 9, 1), "trained_on"),
                      "training_notes": "Notes kept"},
        errors=["Select who the peer researcher is", "The training date must be on or after the date they were recruited"],
        kept=["training_notes"], unchanged=lambda: PeerResearcher.objects.count(),
    )
    researcher = PeerResearcherFactory(member=person_member)
    assert_bad_input(
        client, reverse("involvement:interview_add", kwargs={"programme_id": programme.pk, "researcher_id": researcher.pk}),
        {"title": "", "happened_on_0": "31", "happened_on_1": "2", "happened_on_2": "2026", "summary": "Kept"},
        errors=["Enter what the interview was", "Date of the interview must be a real date"],
        kept=["summary"], unchanged=lambda: Activity.objects.count(),
    )


def test_other_members_cannot_record_a_peer_researchers_interviews(client, carer, programme, person_member):
    researcher = PeerResearcherFactory(member=person_member)
    login_as(client, carer)
    url = reverse("involvement:interview_add", kwargs={"programme_id": programme.pk, "researcher_id": researcher.pk})
    assert client.get(url).status_code == 403
    assert "Record an interview" not in text(client.get(reverse("involvement:peer_researchers", kwargs={"programme_id": programme.pk})))
