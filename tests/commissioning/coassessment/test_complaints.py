"""Complaints and compliments: logged per service with no names; the public summary shows only
counts by service, theme and quarter, and hides small counts."""

import datetime

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.monitoring.models import Complaint
from tests.commissioning.coassessment.factories import ContractFactory
from tests.harness.bad_input import assert_bad_input


def _log(contract, by, theme, count, received_on=datetime.date(2026, 7, 10), kind="complaint"):
    for _ in range(count):
        Complaint.objects.create(contract=contract, kind=kind, theme=theme, outcome="upheld", received_on=received_on,
                                 summary="Secret details of what happened", recorded_by=by)


def test_the_public_summary_shows_counts_by_service_theme_and_quarter_and_hides_small_ones(client, commissioner):
    contract = ContractFactory(service_name="Day opportunities north", created_by=commissioner)
    _log(contract, commissioner, "reliability", 6)
    _log(contract, commissioner, "staff", 2)
    _log(contract, commissioner, "reliability", 1, received_on=datetime.date(2026, 10, 2))
    _log(contract, commissioner, "staff", 5, kind="compliment")
    soup = BeautifulSoup(client.get(reverse("coassessment:complaints_summary")).content, "html.parser")
    rows = [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in soup.select("tbody tr")]
    assert rows == [
        ["October to December 2026", "Complaint", "Reliability and timekeeping", "fewer than 5"],
        ["July to September 2026", "Complaint", "Reliability and timekeeping", "6"],
        ["July to September 2026", "Complaint", "Staff attitude and skills", "fewer than 5"],
        ["July to September 2026", "Compliment", "Staff attitude and skills", "5"],
    ]
    text = soup.get_text()
    assert "Day opportunities north" in text and "Secret details" not in text


def test_logging_asks_for_no_names_and_refuses_a_future_date(client_as, commissioner):
    contract = ContractFactory(created_by=commissioner)
    client = client_as(commissioner)
    form = client.get(reverse("coassessment:complaint_add"))
    assert "Do not record names" in form.content.decode()
    assert not {"name", "full_name", "complainant"} & {field.name for field in Complaint._meta.get_fields()}
    future = datetime.date.today() + datetime.timedelta(days=3)
    data = {"contract": contract.pk, "kind": "complaint", "theme": "safety", "outcome": "open",
            "received_on_0": future.day, "received_on_1": future.month, "received_on_2": future.year, "summary": "Door left open"}
    assert_bad_input(client, reverse("coassessment:complaint_add"), data,
                     errors=["The date it was received must be today or in the past"], kept=["summary"],
                     unchanged=lambda: Complaint.objects.count())
    data.update(received_on_0=1, received_on_1=9, received_on_2=2026)
    assert client.post(reverse("coassessment:complaint_add"), data).status_code == 302
    assert Complaint.objects.get().theme == "safety"
