"""What the retention schedule makes due: one fixed query per record type, in SQL.

Each `due_*` returns the queryset of records past their period today. The run, the dry-run
report and the management command all read these, so what the report shows is exactly what
the run does."""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import DateField, Exists, F, Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Greatest, TruncDate
from django.utils import timezone

from .models import AnonymisedRecord

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


def _cutoff_at(record_type: str, today: date | None) -> datetime:
    return datetime.combine(cutoff_date(record_type, today=today), time.min, tzinfo=timezone.get_current_timezone())


def due_care_records(*, today: date | None = None) -> QuerySet:
    """People whose plan was closed at a review (no plan in progress since), with no contact
    since the cutoff, and not already anonymised."""
    from careplans.models import CarePlan, Review
    from coproduction.people.models import Person

    closing = Review.objects.filter(
        plan__person=OuterRef("pk"), plan__status=CarePlan.Status.AGREED, decision=Review.Decision.CLOSE,
        finished_at__isnull=False,
    )
    drafts = CarePlan.objects.filter(person=OuterRef("pk"), status=CarePlan.Status.DRAFT)
    last_review = (
        Review.objects.filter(plan__person=OuterRef("pk")).order_by().values("plan__person").annotate(m=Max("held_on")).values("m")
    )
    last_plan = CarePlan.objects.filter(person=OuterRef("pk")).order_by().values("person").annotate(m=Max("updated_at")).values("m")
    done = AnonymisedRecord.objects.filter(record_type="care_records", record_id=OuterRef("pk"))
    return (
        Person.objects.annotate(
            last_contact=Greatest(
                Subquery(last_review, output_field=DateField()), TruncDate(Subquery(last_plan)), output_field=DateField()
            )
        )
        .filter(Exists(closing), ~Exists(drafts), ~Exists(done), last_contact__lt=cutoff_date("care_records", today=today))
        .order_by("last_contact", "pk")
    )


def due_involvement_profiles(*, today: date | None = None) -> QuerySet:
    """Profiles with no sign-in, participation, claim or change since the cutoff."""
    from commissioning.involvement.models import (
        Claim,
        InvolvementProfile,
        Participation,
    )

    last_part = (
        Participation.objects.filter(user=OuterRef("user_id")).order_by().values("user").annotate(m=Max("recorded_at")).values("m")
    )
    last_claim = Claim.objects.filter(claimant=OuterRef("user_id")).order_by().values("claimant").annotate(m=Max("created_at")).values("m")
    return (
        InvolvementProfile.objects.annotate(
            last_activity=Greatest("updated_at", "user__last_login", Subquery(last_part), Subquery(last_claim))
        )
        .filter(last_activity__lt=_cutoff_at("involvement_profiles", today))
        .order_by("last_activity", "pk")
    )


def due_report_files(*, today: date | None = None) -> QuerySet:
    from coproduction.reports.models import ReportJob

    return ReportJob.objects.filter(
        status__in=[ReportJob.Status.DONE, ReportJob.Status.FAILED], finished_at__lt=_cutoff_at("report_files", today)
    ).order_by("finished_at", "pk")


def due_messages(*, today: date | None = None) -> QuerySet:
    from coproduction.notifications.models import Message

    return Message.objects.filter(created_at__lt=_cutoff_at("messages", today)).order_by("created_at", "pk")


def due_wtfc_statements(*, today: date | None = None) -> QuerySet:
    from commissioning.coassessment.models import WtfcStatement

    return (
        WtfcStatement.objects.filter(exercise__created_at__lt=_cutoff_at("wtfc_statements", today))
        .exclude(text=REMOVED)
        .annotate(exercise_created_at=F("exercise__created_at"))
        .order_by("exercise_id", "pk")
    )


def due_audit_entries(*, today: date | None = None) -> QuerySet:
    from coproduction.audit.models import AuditEvent

    return AuditEvent.objects.filter(at__lt=_cutoff_at("audit_entries", today)).order_by("at", "id")


DUE = {
    "care_records": due_care_records,
    "involvement_profiles": due_involvement_profiles,
    "report_files": due_report_files,
    "messages": due_messages,
    "wtfc_statements": due_wtfc_statements,
    "audit_entries": due_audit_entries,
}


@dataclass(frozen=True)
class DueRow:
    """One record in the dry-run list: its id and dates, never a name or any content."""

    record_id: str
    label: str


def due_label(record_type: str, record) -> str:
    if record_type == "care_records":
        return f"Care record {record.pk}: closed, last contact {record.last_contact:%-d %B %Y}"
    if record_type == "involvement_profiles":
        return f"Involvement profile {record.pk}: last activity {timezone.localtime(record.last_activity):%-d %B %Y}"
    if record_type == "report_files":
        return f"{record.get_kind_display()} made {timezone.localtime(record.finished_at):%-d %B %Y}"
    if record_type == "messages":
        return f"Message {record.pk} sent {timezone.localtime(record.created_at):%-d %B %Y}"
    if record_type == "wtfc_statements":
        return f"Statement {record.pk} in exercise {record.exercise_id}, set up {timezone.localtime(record.exercise_created_at):%-d %B %Y}"
    return f"Audit entry {record.pk} written {timezone.localtime(record.at):%-d %B %Y}"


def due_rows(record_type: str, records) -> list[DueRow]:
    return [DueRow(record_id=str(record.pk), label=due_label(record_type, record)) for record in records]


def due_list(record_type: str, *, today: date | None = None) -> QuerySet:
    """The records for the dry-run list, loading only the columns its labels need."""
    queryset = DUE[record_type](today=today)
    only = {
        "care_records": ["id"],
        "involvement_profiles": ["id"],
        "report_files": ["id", "kind", "finished_at"],
        "messages": ["id", "created_at"],
        "wtfc_statements": ["id", "exercise_id"],
        "audit_entries": ["id", "at"],
    }[record_type]
    return queryset.only(*only)


def due_counts(*, today: date | None = None) -> dict[str, int]:
    """One COUNT per record type: six queries whatever the data size."""
    return {record_type: due(today=today).count() for record_type, due in DUE.items()}


def schedule_rows() -> list[dict]:
    return [{"record_type": key, **entry} for key, entry in settings.RETENTION_SCHEDULE.items()]
