"""“Your meetings” and “Your quality visits” on the home page of anyone who has them, and their
part on the programme's overview."""

import datetime

from bs4 import BeautifulSoup
from django.urls import reverse

from coproduction.accounts.models import Role
from tests.commissioning.monitoring.factories import MeetingMemberFactory, MonitoringMeetingFactory, QualityVisitFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.queries import assert_fixed_queries, count_queries


def _home(role: str) -> str:
    return reverse("accounts:role_home", kwargs={"role": role})


def _section(response, heading: str) -> str:
    found = BeautifulSoup(response.content, "html.parser").find("h2", string=heading)
    return found.find_next("ul").get_text(" ", strip=True) if found else ""


def test_a_member_of_a_meeting_and_an_assessor_see_them_on_their_home_page_whatever_their_role(client_as):
    councillor = UserFactory(roles=[Role.HEAD_OF_SERVICE.value])
    meeting = MonitoringMeetingFactory(title="Riverside quarterly meeting", starts_at=datetime.time(10, 30))
    MeetingMemberFactory(meeting=meeting, user=councillor)
    visit = QualityVisitFactory(contract=meeting.contract)
    visit.assessors.add(councillor)
    response = client_as(councillor).get(_home("head-of-service"))
    assert "Riverside quarterly meeting" in _section(response, "Your meetings")
    assert "at 10:30am." in _section(response, "Your meetings")  # as GOV.UK writes a time: never "10:30 a.m.."
    assert "Make the visit and send your report." in _section(response, "Your quality visits")


def test_the_home_page_costs_the_same_with_many_meetings_and_visits(client_as):
    person = UserFactory(roles=["person"])
    MeetingMemberFactory(user=person)
    QualityVisitFactory().assessors.add(person)
    client = client_as(person)

    def grow():
        for _ in range(10):
            MeetingMemberFactory(user=person)
            QualityVisitFactory().assessors.add(person)

    client.get(_home("person"))
    budget = count_queries(lambda: client.get(_home("person")))[0]
    response = assert_fixed_queries(lambda: client.get(_home("person")), budget=budget, grow=grow)
    assert "See all your meetings" in response.text and "See all your quality visits" in response.text
