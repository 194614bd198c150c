"""The export settings page: administrators see where plans go (environment settings, not
editable), whether the export is on, what is waiting, what was sent last, and can send the
waiting plans now."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from careplans import tasks as careplan_tasks
from careplans.models import CaseSystemExport
from coproduction.accounts.models import Role
from tests.careplans.factories import CarePlanFactory, PersonFactory, ReviewFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as

from .helpers import administrator

pytestmark = pytest.mark.django_db
PAGE = "casesystem:export_settings"
SEND = "casesystem:export_send"


def summary(response) -> dict[str, str]:
    page = BeautifulSoup(response.content, "html.parser")
    return {
        row.select_one("dt").get_text(" ", strip=True): row.select_one("dd").get_text(" ", strip=True)
        for row in page.select("#export-settings .govuk-summary-list__row")
    }


def sent_rows(response) -> list[list[str]]:
    page = BeautifulSoup(response.content, "html.parser")
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in page.select("#exports-sent tbody tr")]


def agreed(person, version=1):
    return CarePlanFactory(person=person, version=version, status="agreed", agreed_at=timezone.now())


@pytest.fixture
def linked():
    return PersonFactory(case_system_id="LAS-300001")


def test_the_page_shows_where_plans_go_what_waits_and_what_was_sent(client, settings, tmp_path, linked):
    settings.CASE_SYSTEM_EXPORT_FOLDER = str(tmp_path)
    sent_plan = agreed(linked)
    CaseSystemExport.objects.create(plan=sent_plan, file_name=f"LAS-300001_plan_{sent_plan.pk}_v1.json")
    agreed(linked, version=2)  # waiting
    ReviewFactory(plan=sent_plan, finished_at=timezone.now())  # waiting
    ReviewFactory(plan=sent_plan)  # not finished: not waiting
    agreed(PersonFactory())  # not linked to the case system: never sent
    login_as(client, administrator())
    response = client.get(reverse(PAGE))
    assert response.status_code == 200
    assert summary(response) == {
        "Export": "On", "Where files go": f"The folder {tmp_path} on the server",
        "Waiting to be sent: agreed plans": "1", "Waiting to be sent: finished reviews": "1",
    }
    assert sent_rows(response)[0][:2] == [
        f"LAS-300001_plan_{sent_plan.pk}_v1.json LAS-300001_plan_{sent_plan.pk}_v1.pdf", "Care and support plan, version 1",
    ]
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one(f"form[action='{reverse(SEND)}'] button").get_text(strip=True) == "Send waiting plans now"
    assert not page.select("#export-settings input, #export-settings select")  # environment settings: shown, not edited


def test_a_bucket_prefix_is_shown_with_its_bucket(client, settings):
    settings.CASE_SYSTEM_EXPORT_FOLDER, settings.CASE_SYSTEM_EXPORT_PREFIX = "", "case-system/outgoing/"
    settings.AWS_STORAGE_BUCKET_NAME = "council-coproduction"
    login_as(client, administrator())
    assert summary(client.get(reverse(PAGE)))["Where files go"] == "case-system/outgoing/ in the bucket council-coproduction"


def test_when_the_export_is_off_the_page_says_so_and_nothing_can_be_sent(client, settings, monkeypatch):
    settings.CASE_SYSTEM_EXPORT_FOLDER, settings.CASE_SYSTEM_EXPORT_PREFIX = "", ""
    queued = []
    monkeypatch.setattr(careplan_tasks.case_system_export, "delay", lambda: queued.append(1))
    login_as(client, administrator())
    response = client.get(reverse(PAGE))
    assert summary(response)["Export"] == "Off"
    assert "Send waiting plans now" not in response.text
    answer = client.post(reverse(SEND), follow=True)
    assert "Nothing was sent: the export is off" in answer.text
    assert queued == []


def test_send_now_queues_the_export_task_and_the_worker_sends_the_waiting_plan(client, settings, tmp_path, monkeypatch, linked):
    settings.CASE_SYSTEM_EXPORT_FOLDER = str(tmp_path)
    plan = agreed(linked)
    queued = []
    monkeypatch.setattr(careplan_tasks.case_system_export, "delay", lambda: queued.append(1))
    login_as(client, administrator())
    response = client.post(reverse(SEND))
    assert response["Location"] == reverse(PAGE)
    assert queued == [1]
    assert "The waiting plans and reviews are being sent" in client.get(response["Location"]).text

    careplan_tasks.case_system_export()  # what the worker then does
    page = client.get(reverse(PAGE))
    assert summary(page)["Waiting to be sent: agreed plans"] == "0"
    assert sent_rows(page)[0][0] == f"LAS-300001_plan_{plan.pk}_v1.json LAS-300001_plan_{plan.pk}_v1.pdf"
    assert sorted(path.name for path in tmp_path.iterdir()) == [f"LAS-300001_plan_{plan.pk}_v1.json", f"LAS-300001_plan_{plan.pk}_v1.pdf"]


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.TEAM_MANAGER, Role.COMMISSIONER])
def test_only_administrators_may_send(client, settings, tmp_path, monkeypatch, role):
    settings.CASE_SYSTEM_EXPORT_FOLDER = str(tmp_path)
    queued = []
    monkeypatch.setattr(careplan_tasks.case_system_export, "delay", lambda: queued.append(1))
    login_as(client, UserFactory(roles=[role.value]))
    assert client.post(reverse(SEND)).status_code == 403
    assert queued == []
