"""The demo world's subject access request, made by a real worker and read back: Al has used
"Your data" (so the export lists a report with a random id), and the demo queues a request
about him. Every JSON member parses, every CSV reads, and the PDF holds his plan's own words."""

import csv
import datetime
import io
import json
import zipfile
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from coproduction.accounts.models import User
from coproduction.governance.sar.services import sar_request
from coproduction.people.models import Person
from coproduction.reports.models import ReportJob
from tests.coproduction.governance.sar.test_sar_export import pdf_text
from tests.harness.pdf_pages import pdf_pages
from tests.harness.worker import celery_worker, wait_for

# A day the demo is known to seed well on (see tests/coproduction/core/test_seed_demo.py).
DEMO_DAY = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Europe/London"))
SUBJECT_ACCESS = (ReportJob.Kind.SUBJECT_ACCESS_PDF, ReportJob.Kind.SUBJECT_ACCESS_ZIP)


def _read_zip(data: bytes) -> dict[str, object]:
    """Every member read as what it claims to be: JSON parsed, CSV rows, the README as text."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    members: dict[str, object] = {}
    for name in archive.namelist():
        text = archive.read(name).decode("utf-8-sig")
        if name.endswith(".json"):
            members[name] = json.loads(text)
        elif name.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(text)))
            assert rows and all(len(row) == len(rows[0]) for row in rows), f"{name} is ragged"
            members[name] = rows
        else:
            members[name] = text
    return members


@pytest.mark.django_db(transaction=True)
def test_the_demo_subject_access_request_is_made_and_reads_back(tmp_path):
    with time_machine.travel(DEMO_DAY, tick=True):
        call_command("seed_demo", stdout=io.StringIO())
    al = Person.objects.select_related("user").get(user__email="person@demo.example")
    assert ReportJob.objects.filter(kind=ReportJob.Kind.MY_DATA, requested_by=al.user).exists()
    queued = set(ReportJob.objects.filter(kind__in=SUBJECT_ACCESS).values_list("pk", flat=True))
    assert len(queued) == 2  # the demo's own request about Al
    # The same request about his account rather than his record, through the same service.
    sar_request(about=al.user, requested_by=User.objects.get(email="admin@demo.example"))
    jobs = ReportJob.objects.filter(kind__in=[*SUBJECT_ACCESS, ReportJob.Kind.MY_DATA], requested_by__in=[al.user, *User.objects.filter(email="admin@demo.example")])
    assert jobs.count() == 5

    with celery_worker():
        wait_for(lambda: not jobs.exclude(status__in=[ReportJob.Status.DONE, ReportJob.Status.FAILED]).exists(), timeout=300)
    assert list(jobs.exclude(status=ReportJob.Status.DONE).values_list("kind", "error")) == []

    for job in jobs.filter(kind=ReportJob.Kind.SUBJECT_ACCESS_ZIP):
        with job.file.open("rb") as handle:
            members = _read_zip(handle.read())
        assert "README.txt" in members and "careplans.json" in members
        reports = next(s for s in members["reports.json"]["sections"] if s["model"] == "reports.ReportJob")
        ids = {record["id"] for record in reports["records"]}
        assert {str(pk) for pk in ReportJob.objects.filter(requested_by=al.user).values_list("pk", flat=True)} <= ids
        account = next(s for s in members["accounts.json"]["sections"] if s["model"] == "accounts.User")["records"][0]
        assert account["Roles"] == ["Person who uses services"]  # labels, not codes
        assert datetime.datetime.fromisoformat(account["Account created"]).utcoffset() is not None

    for job in jobs.filter(kind__in=[ReportJob.Kind.SUBJECT_ACCESS_PDF, ReportJob.Kind.MY_DATA]):
        path = tmp_path / f"{job.pk}.pdf"
        with job.file.open("rb") as handle:
            path.write_bytes(handle.read())
        text = " ".join(pdf_text(path.read_bytes()).split())
        assert al.full_name in text
