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

from careplans.models import CarePlan, Review
from careplans.plan_content import content_lines
from careplans.services import plan_section_save, plan_start, review_finish, review_item_add, review_start
from coproduction.accounts.models import User
from coproduction.governance.sar.services import sar_request
from coproduction.people.models import Person
from coproduction.reports.models import ReportJob
from tests.checklist.factories import submitted_checklist
from tests.coproduction.governance.sar.test_sar_export import pdf_text
from tests.harness.demo import seed_demo
from tests.harness.pdf_pages import holds_in_order, pdf_pages
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
    seed_demo(at=DEMO_DAY)
    al = Person.objects.select_related("user").get(user__email="person@demo.example")
    assert ReportJob.objects.filter(kind=ReportJob.Kind.MY_DATA, requested_by=al.user).exists()
    queued = set(ReportJob.objects.filter(kind__in=SUBJECT_ACCESS).values_list("pk", flat=True))
    assert len(queued) == 2  # the demo's own request about Al
    # A review that changes the plan, and the second version it starts, before the worker runs:
    # every version, and what was said at the review, must be in the export.
    tom = User.objects.get(email="practitioner@demo.example")
    review = review_start(plan=al.plans.get(version=1), held_on=DEMO_DAY.date(), by=tom)
    review_item_add(review=review, by=tom, data={"kind": "working", "perspective": "person",
                                                 "text": "The Tuesday driver is always on time"})
    review_finish(review=review, decision=Review.Decision.CHANGE, notes="Al wants to add swimming", by=tom,
                  progress=[{"outcome": "Get out of the house", "progress": "progressing", "notes": "Twice a week now"}])
    plan_section_save(plan=plan_start(person=al, by=tom), key="goals", completed=False, by=tom,
                      fields={"goals": {"text": "Swim at the leisure centre every Tuesday morning", "whose": "person"}})
    answer = "We met at my kitchen table, which I chose"
    submitted_checklist(person=al, plan=al.plans.get(version=1), practitioner=tom, comment=answer)
    # The same request about his account rather than his record, through the same service.
    sar_request(about=al.user, requested_by=User.objects.get(email="admin@demo.example"))
    jobs = ReportJob.objects.filter(kind__in=[*SUBJECT_ACCESS, ReportJob.Kind.MY_DATA], requested_by__in=[al.user, *User.objects.filter(email="admin@demo.example")])
    assert jobs.count() == 5

    with celery_worker():
        wait_for(lambda: not jobs.exclude(status__in=[ReportJob.Status.DONE, ReportJob.Status.FAILED]).exists(), timeout=300)
    assert list(jobs.exclude(status=ReportJob.Status.DONE).values_list("kind", "error")) == []

    versions = {plan.version: plan for plan in CarePlan.objects.filter(person=al)}
    assert len(versions) == 2
    # A few words each version says, a review's words, a checklist answer: the content itself.
    plan_words = [
        next(text for _, _, text, _ in content_lines(versions[1], al) if len(text.split()) >= 4),
        "Swim at the leisure centre every Tuesday morning",
    ]
    review_words = ["The Tuesday driver is always on time", "Al wants to add swimming", "Twice a week now"]

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
        plans = {s["title"]: s["records"] for s in members["careplans.json"]["sections"]}
        content = plans["What your plans say, version by version"]
        assert {record["Version"] for record in content} == set(versions)
        assert {record["id"] for record in content} == {plan.pk for plan in versions.values()}
        written = json.dumps(members["careplans.json"], ensure_ascii=False) + json.dumps(members["checklist.json"], ensure_ascii=False)
        for words in [*plan_words, *review_words, answer]:
            assert json.dumps(words, ensure_ascii=False)[1:-1] in written
        assert members["csv/careplans/careplan_content.csv"][0] == ["Version", "Section", "Question or item", "What it says", "Whose words"]

    for job in jobs.filter(kind__in=[ReportJob.Kind.SUBJECT_ACCESS_PDF, ReportJob.Kind.MY_DATA]):
        path = tmp_path / f"{job.pk}.pdf"
        with job.file.open("rb") as handle:
            path.write_bytes(handle.read())
        text = " ".join(pdf_text(path.read_bytes()).split())
        assert al.full_name in text
        assert "Download a plan" not in text  # the plan is in the export, not pointed to
        for words in [*plan_words, *review_words, answer]:
            assert holds_in_order(text, words), f"{job.get_kind_display()} lacks {words!r}"
        words_on_pages = {word.text for page in pdf_pages(path) for word in page.words}
        if job.kind == ReportJob.Kind.SUBJECT_ACCESS_PDF:
            assert "Representative" in words_on_pages  # a column heading, whole
        assert not {word for word in words_on_pages if word.startswith("Representa") and word not in {"Representative", "Representatives", "Representative's", "Representatives'"}}
