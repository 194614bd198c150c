import csv
import io
import subprocess

from django.urls import reverse

from checklist.models import Perspective
from coproduction.accounts.models import Role
from coproduction.reports import services as report_services
from coproduction.reports.models import ReportJob
from tests.careplans.factories import CarePlanFactory, PersonFactory
from tests.checklist.factories import submitted_checklist


def _answers(team, count, score, comment=""):
    for _ in range(count):
        person = PersonFactory(team=team)
        plan = CarePlanFactory(person=person, version=1, status="agreed")
        submitted_checklist(person=person, plan=plan, scores=[score] * 10, comment=comment)
        submitted_checklist(person=person, perspective=Perspective.PRACTITIONER, plan=plan, scores=[score + 1] * 10)


def _pdf_text(job) -> str:
    return subprocess.run(["pdftotext", job.file.path, "-"], capture_output=True, check=True, text=True).stdout


def test_a_team_report_is_a_tagged_pdf_with_its_charts_and_totals(client_as, team_manager, team, django_capture_on_commit_callbacks):
    _answers(team, 5, 3)
    response = client_as(team_manager).post(reverse("checklist:report"), {"team": team.pk, "period": "12m", "kind": "pdf"})
    job = ReportJob.objects.get(requested_by=team_manager)
    assert response.headers["Location"] == reverse("reports:job_detail", kwargs={"job_id": job.pk})
    assert job.kind == ReportJob.Kind.CHECKLIST_TEAM and job.options == {"period": "12m"}
    report_services.report_job_render(job=job)
    text = " ".join(_pdf_text(job).split())
    assert "North Adults Team" in text and "Average rating by statement" in text
    assert "1. I can write my own plan. I get the help I need to do it. 3.0 (5) 4.0 (5) +1.0 (5 people)" in text
    info = subprocess.run(["pdfinfo", job.file.path], capture_output=True, check=True, text=True).stdout
    assert "Tagged:          yes" in info


def test_the_spreadsheet_holds_totals_only_and_leaves_small_groups_empty(client_as, team_manager, team):
    _answers(team, 4, 2, comment="A private story")
    client_as(team_manager).post(reverse("checklist:report"), {"team": team.pk, "kind": "csv"})
    job = ReportJob.objects.get(requested_by=team_manager)
    report_services.report_job_render(job=job)
    content = job.file.read().decode("utf-8-sig")
    assert "A private story" not in content
    rows = list(csv.reader(io.StringIO(content)))
    header = rows.index(next(row for row in rows if row and row[0] == "Statement"))
    first = rows[header + 1]
    assert first[:3] == ["1", "I can write my own plan. I get the help I need to do it.", "People"]
    assert first[3:] == [""] * 10  # four people: nothing shown
    assert client_as(team_manager).get(reverse("reports:job_download", kwargs={"job_id": job.pk}))["Content-Type"] == "text/csv"


def test_only_a_head_of_service_asks_for_the_council_report(client_as, users, team, council):
    assert client_as(users[Role.TEAM_MANAGER]).post(reverse("checklist:report"), {"team": "", "kind": "pdf"}).status_code == 403
    head = users[Role.HEAD_OF_SERVICE]
    _answers(team, 5, 4)
    client_as(head).post(reverse("checklist:report"), {"team": "", "kind": "pdf", "period": "all"})
    job = ReportJob.objects.get(requested_by=head)
    assert job.kind == ReportJob.Kind.CHECKLIST_COUNCIL
    report_services.report_job_render(job=job)
    text = " ".join(_pdf_text(job).split())
    assert "Test Council: every team" in text and "Teams side by side" in text


def test_a_manager_cannot_ask_for_another_teams_report(client_as, team_manager, other_team):
    assert client_as(team_manager).post(reverse("checklist:report"), {"team": other_team.pk, "kind": "csv"}).status_code == 403
    assert not ReportJob.objects.exists()
