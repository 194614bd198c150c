"""What the retention schedule makes due: one fixed query per record type, in SQL.

Each `due_*` returns the queryset of records past their period today. The run, the dry-run
report and the management command all read these, so what the report shows is exactly what
the run does."""

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from coproduction.accounts.models import User

from ..models import AnonymisedRecord, ErasureRequest, RetentionRun

# What an anonymised free-text field says instead: counts and categories stay for statistics.
REMOVED = "[Removed under the retention schedule]"


def months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def cutoff_date(record_type: str, *, today: date | None = None) -> date:
    """Records last touched before this date are due."""
    today = today or timezone.localdate()
    entry = settings.RETENTION_SCHEDULE[record_type]
    keep, unit = entry["keep"], entry["unit"]
    if unit == "years":
        return months_before(today, keep * 12)
    if unit == "months":
        return months_before(today, keep)
    return today - timedelta(days=keep)


def cutoff_at(record_type: str, today: date | None) -> datetime:
    return datetime.combine(cutoff_date(record_type, today=today), time.min, tzinfo=timezone.get_current_timezone())


def due_report_files(*, today: date | None = None) -> QuerySet:
    from coproduction.reports.models import ReportJob

    return ReportJob.objects.filter(
        status__in=[ReportJob.Status.DONE, ReportJob.Status.FAILED], finished_at__lt=cutoff_at("report_files", today)
    ).order_by("finished_at", "pk")


def due_messages(*, today: date | None = None) -> QuerySet:
    from coproduction.notifications.models import Message

    return Message.objects.filter(created_at__lt=cutoff_at("messages", today)).order_by("created_at", "pk")


def due_audit_entries(*, today: date | None = None) -> QuerySet:
    from coproduction.audit.models import AuditEvent

    return AuditEvent.objects.filter(at__lt=cutoff_at("audit_entries", today)).order_by("at", "id")


# The record types on the schedule: the platform's own below, each feature's registered from
# its own retention.py with `register_record_type` (imported by GovernanceConfig.ready).
DUE: dict[str, Callable[..., QuerySet]] = {}
ACT: dict[str, Callable[[list, object], None]] = {}
_LABELS: dict[str, Callable[[object], str]] = {}
_ONLY: dict[str, list[str]] = {}


def register_record_type(
    record_type: str, *, due: Callable[..., QuerySet], act: Callable[[list, object], None],
    label: Callable[[object], str], only: list[str],
) -> None:
    """A record type the schedule acts on: which records are due, what to do with a batch of
    their ids, and how the dry-run list describes one (ids and dates, never content)."""
    DUE[record_type], ACT[record_type], _LABELS[record_type], _ONLY[record_type] = due, act, label, only


@dataclass(frozen=True)
class DueRow:
    """One record in the dry-run list: its id and dates, never a name or any content."""

    record_id: str
    label: str


def due_label(record_type: str, record) -> str:
    return _LABELS[record_type](record)


def due_rows(record_type: str, records) -> list[DueRow]:
    return [DueRow(record_id=str(record.pk), label=due_label(record_type, record)) for record in records]


def due_list(record_type: str, *, today: date | None = None) -> QuerySet:
    """The records for the dry-run list, loading only the columns its labels need."""
    queryset = DUE[record_type](today=today)
    only = _ONLY[record_type]
    return queryset.only(*only)


def due_counts(*, today: date | None = None) -> dict[str, int]:
    """One COUNT per record type: one query each whatever the data size."""
    return {record_type: due(today=today).count() for record_type, due in DUE.items()}


def schedule_rows() -> list[dict]:
    return [{"record_type": key, **entry} for key, entry in settings.RETENTION_SCHEDULE.items()]


# ---- Past runs and erasure requests --------------------------------------------------------


def retention_runs() -> QuerySet[RetentionRun]:
    """Past nightly runs, in the model's order (newest first)."""
    return RetentionRun.objects.all()


def erasure_requests() -> QuerySet[ErasureRequest]:
    return ErasureRequest.objects.select_related("recorded_by")


def erasure_request_or_404(*, erasure_id: int) -> ErasureRequest:
    return get_object_or_404(
        ErasureRequest.objects.select_related("person__user", "user", "recorded_by", "done_by"), pk=erasure_id
    )


def person_to_erase(*, person_id: int):
    """The care record an erasure request names, with its account, or None."""
    from coproduction.people.models import Person

    return Person.objects.select_related("user").filter(pk=person_id).first()


def account_to_erase(*, email: str) -> User | None:
    """The account an erasure request names by email (any case), or None."""
    return User.objects.filter(email__iexact=email).first()
