"""Reads for the case system pages."""

from django.db.models import QuerySet

from coproduction.people.models import Person

from .models import ImportRun, SourceMapping


def mapping_list() -> QuerySet[SourceMapping]:
    return SourceMapping.objects.select_related("organisation").order_by("name")


def mapping_by_id(mapping_id: int) -> SourceMapping | None:
    return SourceMapping.objects.select_related("organisation").filter(pk=mapping_id).first()


def recent_runs(limit: int = 20) -> list[ImportRun]:
    return list(ImportRun.objects.select_related("mapping", "run_by").order_by("-started_at", "-id")[:limit])


def run_by_id(run_id: int) -> ImportRun | None:
    return ImportRun.objects.select_related("mapping", "run_by").filter(pk=run_id).first()


def flagged_count() -> int:
    """How many people the latest extracts no longer list: counted, not named, on these pages."""
    return Person.objects.filter(missing_from_case_system_since__isnull=False).count()
