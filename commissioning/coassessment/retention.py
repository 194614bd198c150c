"""Working Together for Change statements on the retention schedule."""

from datetime import date

from django.db.models import F, QuerySet
from django.utils import timezone

from coproduction.governance.retention.selectors import REMOVED, cutoff_at, register_record_type

from .models import WtfcStatement


def due_wtfc_statements(*, today: date | None = None) -> QuerySet:
    return (
        WtfcStatement.objects.filter(exercise__created_at__lt=cutoff_at("wtfc_statements", today))
        .exclude(text=REMOVED)
        .annotate(exercise_created_at=F("exercise__created_at"))
        .order_by("exercise_id", "pk")
    )


def anonymise_wtfc_statements(ids: list[int], run) -> None:
    WtfcStatement.objects.filter(pk__in=ids).update(text=REMOVED, suggested_theme="")


def _label(record) -> str:
    return f"Statement {record.pk} in exercise {record.exercise_id}, set up {timezone.localtime(record.exercise_created_at):%-d %B %Y}"


register_record_type(
    "wtfc_statements", due=due_wtfc_statements, act=anonymise_wtfc_statements, label=_label, only=["id", "exercise_id"]
)
