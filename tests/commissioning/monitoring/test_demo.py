"""The demo shows a contract monitored together and a quality visit by a person who uses services."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.demo import seed_commissioning_demo
from commissioning.involvement.demo import seed_involvement_demo
from commissioning.monitoring.demo import SERVICE_NAME, seed_monitoring_demo
from commissioning.monitoring.models import Contract, MonitoringReturn, QualityVisit
from commissioning.priorities.demo import seed_priorities_demo
from commissioning.workshops.demo import seed_workshops_demo
from coproduction.accounts.models import Organisation, Role
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as


def _text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def test_the_demo_has_a_contract_with_two_meetings_returns_and_a_reviewed_quality_visit(client):
    riverside = Organisation.objects.create(name="Riverside Support Ltd", kind=Organisation.Kind.PROVIDER)
    users = {}
    for email, roles in [("commissioner", [Role.COMMISSIONER]), ("person", [Role.PERSON]), ("carer", [Role.CARER]),
                         ("provider", [Role.PROVIDER]), ("assessor", [Role.QUALITY_ASSESSOR, Role.PERSON])]:
        users[email] = UserFactory(email=f"{email}@demo.example", roles=roles, organisation=riverside if email == "provider" else None)
    seed_commissioning_demo()
    seed_priorities_demo()
    seed_workshops_demo()
    seed_involvement_demo()
    seed_monitoring_demo()
    seed_monitoring_demo()  # idempotent
    contract = Contract.objects.get(service_name=SERVICE_NAME)
    assert contract.provider == riverside and contract.indicators.count() == 4
    past, upcoming = contract.meetings.order_by("date")
    assert all(member.minutes_agreed_at for member in past.members.all()) and past.actions.count() == 2
    assert upcoming.papers_sent_at and not upcoming.minutes_put_forward_at
    assert MonitoringReturn.objects.filter(contract=contract, submitted_at__isnull=False).count() == 2
    visit = QualityVisit.objects.get(contract=contract)
    assert visit.status == "reviewed" and visit.provider_response and list(visit.assessors.all()) == [users["assessor"]]

    login_as(client, users["provider"])
    page = _text(client.get(reverse("monitoring:contract_detail", kwargs={"programme_id": contract.programme_id, "contract_id": contract.pk})))
    assert "April to June 2026" in page and "July to September 2026" in page and "Minutes agreed" in page and "Papers sent" in page
    visit_url = reverse("monitoring:visit_detail", kwargs={"programme_id": contract.programme_id, "contract_id": contract.pk, "visit_id": visit.pk})
    assert "People chose the next trip by voting with stickers" in _text(client.get(visit_url))
    login_as(client, users["assessor"])
    meeting_url = reverse("monitoring:meeting_detail", kwargs={"programme_id": contract.programme_id, "contract_id": contract.pk, "meeting_id": upcoming.pk})
    assert "in easy read" in _text(client.get(meeting_url))
    # Priya, who organises the meeting, sees beside each member what helps them take part.
    login_as(client, users["commissioner"])
    organiser_sees = _text(client.get(meeting_url))
    assert "What helps them take part" in organiser_sees and "A quiet space to take a break" in organiser_sees
