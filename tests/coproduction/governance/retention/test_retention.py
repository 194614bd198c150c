"""The retention schedule: the dry run reports exactly what is due and changes nothing; the run
anonymises or deletes exactly that, writes counts to the audit trail, and a second run does nothing."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from careplans.models import OutcomeProgress, PlanComment, Review, ReviewItem
from coproduction.people.models import Person, Representative
from checklist.models import Rating
from commissioning.coassessment.models import WtfcStatement
from commissioning.involvement.models import InvolvementProfile
from commissioning.recruitment.models import Candidate
from commissioning.networks.models import Post
from commissioning.workshops.models import GuestInvitation
from coproduction.audit.models import AuditEvent
from coproduction.governance.models import AnonymisedRecord, RetentionRun
from coproduction.governance.retention.services import retention_apply, retention_dry_run
from coproduction.governance.retention.selectors import (
    DUE,
    REMOVED,
    cutoff_date,
    months_before,
)
from coproduction.notifications.models import Message
from coproduction.reports.models import ReportJob
from tests.coproduction.governance.retention.retention_data import build_schedule_world

TYPES = list(settings.RETENTION_SCHEDULE)


@pytest.fixture
def schedule_world(team):
    return build_schedule_world(team)


def _snapshot():
    """Everything the run may touch, as plain values."""
    return {
        "people": sorted(Person.objects.values_list("pk", "full_name", "communication_notes", "user_id")),
        "comments": sorted(PlanComment.objects.values_list("pk", "text")),
        "items": sorted(ReviewItem.objects.values_list("pk", "text")),
        "profiles": sorted(InvolvementProfile.objects.values_list("pk", flat=True)),
        "jobs": sorted(str(pk) for pk in ReportJob.objects.values_list("pk", flat=True)),
        "messages": sorted(Message.objects.values_list("pk", flat=True)),
        "statements": sorted(WtfcStatement.objects.values_list("pk", "text")),
        "guests": sorted(GuestInvitation.objects.values_list("pk", flat=True)),
        "audit": AuditEvent.objects.count(),
        "runs": RetentionRun.objects.count(),
    }


def test_dry_run_lists_exactly_what_is_due_and_changes_nothing(schedule_world):
    before = _snapshot()
    counts = retention_dry_run()
    assert counts == {record_type: 1 for record_type in TYPES}
    for record_type, record in schedule_world["due"].items():
        assert [str(pk) for pk in DUE[record_type]().values_list("pk", flat=True)] == [str(record.pk)], record_type
    assert _snapshot() == before


def test_command_dry_run_prints_counts_and_changes_nothing(schedule_world):
    before = _snapshot()
    out = StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    assert "Closed care records: 1 to be anonymised" in out.getvalue()
    assert "Audit trail entries: 1 to be deleted" in out.getvalue()
    assert _snapshot() == before


def test_run_anonymises_and_deletes_exactly_what_is_due(schedule_world):
    due, kept = schedule_world["due"], schedule_world["kept"]
    run = retention_apply()

    assert run.counts == {record_type: 1 for record_type in TYPES}
    person = Person.objects.get(pk=due["care_records"].pk)
    assert (person.full_name, person.preferred_name, person.communication_notes, person.date_of_birth, person.postcode) == (
        "Anonymised record", "", "", None, "")
    # The words go; the counts (plans, reviews, decisions, statements per kind) stay.
    review = Review.objects.get(plan__person=person)
    assert review.decision == Review.Decision.CLOSE and review.decision_notes == ""
    assert list(ReviewItem.objects.filter(review=review).values_list("kind", "text")) == [("working", REMOVED)]
    assert list(OutcomeProgress.objects.filter(review=review).values_list("outcome", flat=True)) == [REMOVED]
    assert list(PlanComment.objects.filter(plan__person=person).values_list("text", flat=True)) == [REMOVED]
    ratings = Rating.objects.filter(checklist__person=person)
    assert ratings.exists() and set(ratings.values_list("comment", "score")) == {(REMOVED, 4)}
    assert list(Representative.objects.filter(person=person).values_list("name", flat=True)) == ["Anonymised"]
    assert person.plans.get().content == {"sections": {}}
    assert not InvolvementProfile.objects.filter(pk=due["involvement_profiles"].pk).exists()
    assert not ReportJob.objects.filter(pk=due["report_files"].pk).exists()
    assert not Message.objects.filter(pk=due["messages"].pk).exists()
    assert WtfcStatement.objects.get(pk=due["wtfc_statements"].pk).text == REMOVED
    assert not Candidate.objects.filter(pk=due["recruitment_candidates"].pk).exists()
    assert Post.objects.get(pk=due["network_posts"].pk).text == REMOVED
    assert not GuestInvitation.objects.filter(pk=due["guest_invitations"].pk).exists()
    assert not AuditEvent.objects.filter(pk=due["audit_entries"].pk).exists()

    # Not yet due, or still open: untouched.
    assert Person.objects.get(pk=kept["recent_closed"].pk).full_name == "Rose Recent"
    assert Person.objects.get(pk=kept["open_old"].pk).full_name == "Olive Open"
    assert ReviewItem.objects.filter(review__plan__person=kept["open_old"], text="Edna loves the Tuesday lunch club").exists()
    assert Rating.objects.filter(checklist__person=kept["open_old"], comment="Edna's story about the bus").exists()
    assert InvolvementProfile.objects.filter(pk=kept["involvement_profiles"].pk).exists()
    assert ReportJob.objects.filter(pk=kept["report_files"].pk).exists()
    assert Message.objects.filter(pk=kept["messages"].pk).exists()
    assert WtfcStatement.objects.get(pk=kept["wtfc_statements"].pk).text != REMOVED
    assert Candidate.objects.filter(pk=kept["recruitment_candidates"].pk).exists()
    assert Post.objects.get(pk=kept["network_posts"].pk).text != REMOVED
    assert GuestInvitation.objects.filter(pk=kept["guest_invitations"].pk).exists()
    assert AuditEvent.objects.filter(pk=kept["audit_entries"].pk).exists()


def test_run_deletes_the_report_file_itself(schedule_world):
    job = schedule_world["due"]["report_files"]
    storage, name = job.file.storage, job.file.name
    assert storage.exists(name)
    retention_apply()
    assert not storage.exists(name)
    assert storage.exists(schedule_world["kept"]["report_files"].file.name)


def test_run_writes_counts_to_the_audit_trail_without_personal_data(schedule_world):
    run = retention_apply()
    details = sorted(AuditEvent.objects.filter(target_id=str(run.pk), detail__startswith="retention").values_list("action", "detail"))
    assert details == sorted([
        ("change", "retention care_records: 1 anonymised"),
        ("delete", "retention involvement_profiles: 1 deleted"),
        ("delete", "retention report_files: 1 deleted"),
        ("delete", "retention messages: 1 deleted"),
        ("change", "retention wtfc_statements: 1 anonymised"),
        ("delete", "retention recruitment_candidates: 1 deleted"),
        ("change", "retention network_posts: 1 anonymised"),
        ("delete", "retention guest_invitations: 1 deleted"),
        ("delete", "retention audit_entries: 1 deleted"),
    ])
    assert not any("Edna" in detail or "Joan" in detail for _, detail in details)


def test_second_run_changes_nothing(schedule_world):
    retention_apply()
    after_first = _snapshot()
    second = retention_apply()
    assert second.counts == {record_type: 0 for record_type in TYPES}
    assert retention_dry_run() == {record_type: 0 for record_type in TYPES}
    snapshot = _snapshot()
    # Only the second run's own row and its audit entries, one per record type, are new.
    assert snapshot["runs"] == after_first["runs"] + 1 and snapshot["audit"] == after_first["audit"] + len(TYPES)
    assert {k: v for k, v in snapshot.items() if k not in ("runs", "audit")} == {
        k: v for k, v in after_first.items() if k not in ("runs", "audit")}
    assert AnonymisedRecord.objects.filter(record_type="care_records").count() == 1


def test_run_works_in_batches(schedule_world, team):
    from tests.coproduction.governance.retention.retention_data import care_record

    for n in range(4):
        care_record(team=team, name=f"Old Person{n}")
    run = retention_apply(batch_size=2)
    assert run.counts["care_records"] == 5
    assert not Person.objects.filter(full_name__startswith="Old Person").exists()


def test_periods_come_from_settings(schedule_world, settings):
    settings.RETENTION_SCHEDULE = {**settings.RETENTION_SCHEDULE,
                                   "care_records": {**settings.RETENTION_SCHEDULE["care_records"], "keep": 4}}
    assert retention_dry_run()["care_records"] == 2  # the one closed five years ago is now due too


def test_months_before_handles_month_ends():
    from datetime import date

    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)
    assert cutoff_date("care_records", today=date(2026, 11, 23)) == date(2018, 11, 23)


def test_nightly_task_runs_the_schedule(schedule_world):
    from coproduction.governance.tasks import retention_nightly

    entry = settings.CELERY_BEAT_SCHEDULE["governance-retention-nightly"]
    assert entry["task"] == retention_nightly.name
    assert entry["schedule"].hour == {2}
    run_id = retention_nightly.apply().get()
    run = RetentionRun.objects.get(pk=run_id)
    assert run.trigger == RetentionRun.Trigger.SCHEDULE and run.total == len(TYPES)


def test_command_runs_the_schedule(schedule_world):
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "Closed care records: 1 anonymised" in out.getvalue()
    assert RetentionRun.objects.get().trigger == RetentionRun.Trigger.COMMAND
    assert Person.objects.filter(full_name="Anonymised record").count() == 1


def test_a_run_while_another_is_in_progress_does_nothing(schedule_world):
    import psycopg
    from django.db import connection

    from coproduction.governance.retention.services import RUN_LOCK

    params = connection.get_connection_params()
    with psycopg.connect(**{k: v for k, v in params.items() if k in ("dbname", "host", "port", "user", "password")}) as other:
        other.execute("SELECT pg_advisory_lock(%s)", [RUN_LOCK])
        before = _snapshot()
        assert retention_apply() is None
        assert _snapshot() == before
        # Released before the connection closes: the server ends a closed session in its own time.
        other.execute("SELECT pg_advisory_unlock(%s)", [RUN_LOCK])
    assert retention_apply().total == len(TYPES)
