"""The retention service: anonymise or delete what the schedule makes due, in batches, and
write what it did (counts only) to a RetentionRun and the audit trail. Also erasure on request."""

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from coproduction.accounts.cached_user import user_cache_forget
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access_lost import access_lost

from ..models import AnonymisedRecord, ErasureRequest, RetentionRun
from .selectors import (
    ACT,
    DUE,
    due_audit_entries,
    due_counts,
    due_messages,
    due_report_files,
    register_record_type,
)

logger = logging.getLogger(__name__)

# Any number: the key of the Postgres advisory lock that keeps two runs from overlapping.
RUN_LOCK = 7_314_022


# --- Acting on one batch of ids, per record type ----------------------------------------


# What each app removes when a person's care records are anonymised, and what stops an erasure.
_person_anonymisers: list[Callable[[list[int]], None]] = []
_erasure_blockers: list[Callable[..., str]] = []
# record type -> what each app deletes when an account holder's data is erased: (user_id, run) -> count
_account_erasers: dict[str, Callable[[int, RetentionRun | None], int]] = {}


def _register_once(registry: list, function: Callable) -> Callable:
    name = f"{function.__module__}.{function.__qualname__}"
    if all(f"{known.__module__}.{known.__qualname__}" != name for known in registry):
        registry.append(function)
    return function


def on_person_anonymised(anonymise: Callable[[list[int]], None]) -> Callable[[list[int]], None]:
    """Register what an app takes out of its records about these people (by Person id)."""
    return _register_once(_person_anonymisers, anonymise)


def erasure_blocker(reason: Callable[..., str]) -> Callable[..., str]:
    """Register why the law requires keeping a person's record (person=...) -> reason, or ""."""
    return _register_once(_erasure_blockers, reason)


def on_account_erased(record_type: str):
    """Register what an app deletes of an account holder's own data on erasure."""

    def register(erase: Callable[[int, RetentionRun | None], int]) -> Callable[[int, RetentionRun | None], int]:
        _account_erasers[record_type] = erase
        return erase

    return register


def anonymise_care_records(ids: list[int], run: RetentionRun | None) -> None:
    """Names and free text go; the record, its plans, reviews and their categories stay, so
    counts (plans agreed, review decisions, statements per theme) still add up."""
    from coproduction.people.models import Person, Representative

    from ..models import Consent

    Person.objects.filter(pk__in=ids).update(
        full_name="Anonymised record", preferred_name="", date_of_birth=None, pronouns="", communication_needs=[],
        interpreter_language="", best_time_and_place="", postcode="", communication_notes="", capacity_assessed_by="",
        user=None, practitioner=None, case_system_id="", nhs_number="", missing_from_case_system_since=None,
    )
    for anonymise in _person_anonymisers:
        anonymise(ids)
    Representative.objects.filter(person_id__in=ids).update(name="Anonymised", basis_notes="", user=None)
    Consent.objects.filter(person_id__in=ids).update(notes="")
    AnonymisedRecord.objects.bulk_create(
        [AnonymisedRecord(record_type="care_records", record_id=pk, run=run) for pk in ids], ignore_conflicts=True
    )


def _delete_report_files(ids: list, run) -> None:
    from coproduction.reports.models import ReportJob

    for job in ReportJob.objects.filter(pk__in=ids).only("id", "file"):
        if job.file:
            job.file.delete(save=False)
    ReportJob.objects.filter(pk__in=ids).delete()


def _delete_messages(ids: list[int], run) -> None:
    from coproduction.notifications.models import Message

    Message.objects.filter(pk__in=ids).delete()


def _delete_audit_entries(ids: list[int], run) -> None:
    # The trail refuses deletes unless this transaction-local setting is on (audit migration 0002).
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('coproduction.audit_purge', 'on', true)")
    AuditEvent.objects.filter(pk__in=ids).delete()


def _label_report_file(record) -> str:
    return f"{record.get_kind_display()} made {timezone.localtime(record.finished_at):%-d %B %Y}"


def _label_message(record) -> str:
    return f"Message {record.pk} sent {timezone.localtime(record.created_at):%-d %B %Y}"


def _label_audit_entry(record) -> str:
    return f"Audit entry {record.pk} written {timezone.localtime(record.at):%-d %B %Y}"


# The platform's own record types; each feature registers its own from its retention.py.
register_record_type("report_files", due=due_report_files, act=_delete_report_files, label=_label_report_file,
                     only=["id", "kind", "finished_at"])
register_record_type("messages", due=due_messages, act=_delete_messages, label=_label_message, only=["id", "created_at"])
register_record_type("audit_entries", due=due_audit_entries, act=_delete_audit_entries, label=_label_audit_entry,
                     only=["id", "at"])


def _act_on_due(record_type: str, run: RetentionRun, batch_size: int) -> int:
    """Batch by batch until nothing is due. Each batch commits on its own, so a stopped run
    keeps what it did and the next run carries on."""
    done, seen = 0, set()
    while True:
        ids = list(DUE[record_type]().values_list("pk", flat=True)[:batch_size])
        if not ids or seen.intersection(ids):
            return done  # nothing left (or a batch that did not take: never loop for ever)
        seen.update(ids)
        with transaction.atomic():
            ACT[record_type](ids, run)
        done += len(ids)


def _past(action: str) -> str:
    return "anonymised" if action == "anonymise" else "deleted"


def _audit_counts(run: RetentionRun, *, actor=None, prefix: str = "retention") -> None:
    for record_type, count in run.counts.items():
        # An account erased on request is anonymised; it is not on the schedule.
        action = settings.RETENTION_SCHEDULE.get(record_type, {"action": "anonymise"})["action"]
        audit_record(
            actor=actor, action=AuditEvent.Action.DELETE if action == "delete" else AuditEvent.Action.CHANGE, obj=run,
            detail=f"{prefix} {record_type}: {count} {_past(action)}",
        )


def retention_dry_run() -> dict[str, int]:
    """What tonight's run would anonymise or delete, per record type. Changes nothing."""
    return due_counts()


def retention_apply(*, trigger: str = RetentionRun.Trigger.SCHEDULE, batch_size: int | None = None) -> RetentionRun | None:
    """Anonymise or delete everything due. Returns None if another run holds the lock."""
    batch_size = batch_size or settings.RETENTION_BATCH_SIZE
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [RUN_LOCK])
        if not cursor.fetchone()[0]:
            logger.info("Retention run skipped: another run is in progress")
            return None
    try:
        run = RetentionRun.objects.create(trigger=trigger)
        counts = {}
        for record_type in settings.RETENTION_SCHEDULE:
            counts[record_type] = _act_on_due(record_type, run, batch_size)
        run.counts, run.finished_at = counts, timezone.now()
        run.save(update_fields=["counts", "finished_at"])
        _audit_counts(run)
        logger.info("Retention run %s finished: %s records", run.pk, run.total)
        return run
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [RUN_LOCK])


# --- Erasure on request ----------------------------------------------------------------


def erasure_blocked_reason(*, person) -> str:
    """Why the law requires keeping this record whatever the request, or "" if erasure may go
    ahead, as the apps holding the person's records tell it (an open care record, for one)."""
    for blocker in _erasure_blockers:
        reason = blocker(person=person)
        if reason:
            return reason
    return ""


@transaction.atomic
def erasure_request_record(*, person=None, user=None, received_on, reason: str, ground: str, by, request=None) -> ErasureRequest:
    """Record the request, about a care record or (for someone with none) an account. Where a
    lawful ground to keep the record applies it is refused now; otherwise it waits for the
    administrator to confirm the erasure."""
    if person is None and user is not None:
        from coproduction.people.models import Person

        person = Person.objects.filter(user=user).first()  # their care record, if they have one
    if person is not None:
        user = None
    if ground == ErasureRequest.Ground.NONE and person is not None:
        blocked = erasure_blocked_reason(person=person)
        if blocked:
            raise ValidationError({"ground": blocked})
    status = ErasureRequest.Status.AWAITING if ground == ErasureRequest.Ground.NONE else ErasureRequest.Status.REFUSED
    erasure = ErasureRequest.objects.create(
        person=person, user=user, received_on=received_on, reason=reason, ground=ground, status=status, recorded_by=by,
        done_by=by if status == ErasureRequest.Status.REFUSED else None,
        done_at=timezone.now() if status == ErasureRequest.Status.REFUSED else None,
    )
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=erasure, subject=person.user if person else user,
                 request=request, detail=f"erasure request {status}")
    return erasure


def _close_account(user) -> int:
    """An account erased on request: signed out everywhere, unusable, and its name, email and
    message preferences gone. Claims for payment stay (the council must keep its accounts),
    now under the anonymised account."""
    from coproduction.notifications.models import Preference

    from ..access_review.inactive_accounts import end_all_sessions

    Preference.objects.filter(user=user).delete()
    user.full_name, user.preferred_name = "Erased account", ""
    user.email = f"erased-{user.pk}@erased.invalid"
    user.is_active = False
    user.set_unusable_password()
    user.save(update_fields=["full_name", "preferred_name", "email", "is_active", "password"])
    user_cache_forget(user_id=user.pk)
    end_all_sessions(user=user)
    access_lost(user_id=user.pk)
    return 1


@transaction.atomic
def erasure_carry_out(*, erasure: ErasureRequest, by, request=None) -> ErasureRequest:
    """Erase through the same steps as the schedule: the care record anonymised, the
    account holder's involvement profile and messages deleted."""
    from coproduction.notifications.models import Message
    from coproduction.people.models import Person

    erasure = ErasureRequest.objects.select_for_update().get(pk=erasure.pk)
    if erasure.status != ErasureRequest.Status.AWAITING:
        return erasure
    run = RetentionRun.objects.create(trigger=RetentionRun.Trigger.ERASURE)
    counts = {"care_records": 0, **dict.fromkeys(_account_erasers, 0), "messages": 0}
    if erasure.person_id is not None:
        person = Person.objects.select_for_update().get(pk=erasure.person_id)
        blocked = erasure_blocked_reason(person=person)
        if blocked:
            raise ValidationError(blocked)
        subject, user_id = person.user, person.user_id
        if not AnonymisedRecord.objects.filter(record_type="care_records", record_id=person.pk).exists():
            anonymise_care_records([person.pk], run)
            counts["care_records"] = 1
    else:
        subject, user_id = erasure.user, erasure.user_id
        counts["accounts"] = _close_account(erasure.user)
    if user_id is not None:
        for record_type, erase in _account_erasers.items():
            counts[record_type] = erase(user_id, run)
        _, deleted = Message.objects.filter(recipient_id=user_id).delete()
        counts["messages"] = deleted.get(Message._meta.label, 0)
    run.counts, run.finished_at = counts, timezone.now()
    run.save(update_fields=["counts", "finished_at"])
    erasure.status, erasure.done_by, erasure.done_at = ErasureRequest.Status.ERASED, by, timezone.now()
    erasure.run, erasure.counts = run, counts
    erasure.save(update_fields=["status", "done_by", "done_at", "run", "counts"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=erasure, subject=subject, request=request,
                 detail="erasure carried out")
    _audit_counts(run, actor=by, prefix="erasure")
    return erasure
