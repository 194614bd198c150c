"""Plans back to the case system: the JSON document (checked against its published schema)
beside its tagged PDF, dropped into the export folder exactly once each."""

import json
import subprocess

import jsonschema
import pytest
from django.utils import timezone

from careplans import case_export
from careplans.models import CaseSystemExport
from careplans.tasks import case_system_export
from coproduction.audit.models import AuditEvent
from tests.careplans.factories import CarePlanFactory, OutcomeProgressFactory, PersonFactory, ReviewFactory, ReviewItemFactory

pytestmark = pytest.mark.django_db
SCHEMA = json.loads(case_export.SCHEMA_PATH.read_text())


@pytest.fixture
def export_folder(tmp_path, settings):
    settings.CASE_SYSTEM_EXPORT_FOLDER = str(tmp_path)
    return tmp_path


def linked_person(**fields):
    return PersonFactory(case_system_id="LAS-100201", nhs_number="9434765919", full_name="Joan Pemberton", **fields)


def agreed_plan(person, version=1):
    return CarePlanFactory(
        person=person, version=version, status="agreed", agreed_at=timezone.now(), review_due=timezone.localdate(),
        agreed_how="interpreter", agreed_by_name=person.full_name, agreed_on=timezone.localdate(),
    )


def test_the_schema_itself_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_an_agreed_plan_and_a_finished_review_are_dropped_once_each_with_their_pdfs(export_folder):
    person = linked_person()
    plan = agreed_plan(person)
    review = ReviewFactory(plan=plan, decision="continue", decision_notes="Going well", finished_at=timezone.now())
    ReviewItemFactory(review=review)
    OutcomeProgressFactory(review=review)
    ReviewFactory(plan=plan)  # not finished: not sent
    agreed_plan(PersonFactory(), version=1)  # not linked to the case system: nothing to attach it to
    CarePlanFactory(person=person, version=2)  # a draft: not sent

    assert case_system_export() == 2
    names = sorted(path.name for path in export_folder.iterdir())
    assert names == sorted([
        f"LAS-100201_plan_{plan.pk}_v1.json", f"LAS-100201_plan_{plan.pk}_v1.pdf",
        f"LAS-100201_review_{review.pk}.json", f"LAS-100201_review_{review.pk}.pdf",
    ])
    plan_json = json.loads((export_folder / f"LAS-100201_plan_{plan.pk}_v1.json").read_text())
    jsonschema.validate(plan_json, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert plan_json["person"]["case_system_id"] == "LAS-100201" and plan_json["person"]["nhs_number"] == "9434765919"
    goals = next(section for section in plan_json["plan"]["sections"] if section["key"] == "goals")
    assert {"question": goals["answers"][0]["question"], "answer": "I want to get back to the allotment", "whose_words": "person"} in goals["answers"]
    assert plan_json["pdf_file"] == f"LAS-100201_plan_{plan.pk}_v1.pdf"
    # The case record says who agreed the plan and how, as the plan page does.
    assert (plan_json["plan"]["agreed_by"], plan_json["plan"]["agreed_how"]) == ("Joan Pemberton", "interpreter")
    review_json = json.loads((export_folder / f"LAS-100201_review_{review.pk}.json").read_text())
    jsonschema.validate(review_json, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert review_json["review"]["statements"][0]["text"] == "My PA is great with my garden"
    assert review_json["review"]["decision"] == "continue"
    # The PDF is tagged and reads back with the person's name.
    pdf = export_folder / f"LAS-100201_plan_{plan.pk}_v1.pdf"
    assert "Joan Pemberton" in subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT, detail__contains="LAS-100201_plan_").count() == 1

    # Run again: nothing new is sent, nothing is written twice.
    before = {path.name: path.stat().st_mtime_ns for path in export_folder.iterdir()}
    assert case_system_export() == 0
    assert {path.name: path.stat().st_mtime_ns for path in export_folder.iterdir()} == before
    assert CaseSystemExport.objects.count() == 2
    # A new agreed version is new: it goes on the next run.
    plan.status = "superseded"
    plan.save()
    second = agreed_plan(person, version=3)
    assert case_system_export() == 1
    assert (export_folder / f"LAS-100201_plan_{second.pk}_v3.json").exists()


def test_the_export_is_off_until_a_folder_or_bucket_is_set(settings):
    settings.CASE_SYSTEM_EXPORT_FOLDER = ""
    settings.CASE_SYSTEM_EXPORT_PREFIX = ""
    agreed_plan(linked_person())
    assert case_system_export() == 0
    assert CaseSystemExport.objects.count() == 0


def test_a_file_that_cannot_be_written_leaves_the_plan_to_send_next_time(export_folder, monkeypatch):
    plan = agreed_plan(linked_person())

    def full_disk(name, content):
        raise OSError("No space left on device")

    monkeypatch.setattr(case_export.drop, "drop_export", full_disk)
    with pytest.raises(OSError):
        case_system_export()
    assert CaseSystemExport.objects.count() == 0
    monkeypatch.undo()
    assert case_system_export() == 1
    assert CaseSystemExport.objects.get().plan == plan
