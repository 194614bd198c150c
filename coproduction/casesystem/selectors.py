"""Reads for the case system pages."""

from django.core.cache import cache
from django.db.models import QuerySet

from coproduction.people.models import Person

from . import drop, exports
from .models import ImportRun, SourceMapping


def mapping_list() -> QuerySet[SourceMapping]:
    return SourceMapping.objects.select_related("organisation").order_by("name")


def mapping_by_id(mapping_id: int) -> SourceMapping | None:
    return SourceMapping.objects.select_related("organisation").filter(pk=mapping_id).first()


def recent_runs(limit: int = 20) -> list[ImportRun]:
    return list(ImportRun.objects.select_related("mapping", "run_by").order_by("-started_at", "-id")[:limit])


def run_by_id(run_id: int) -> ImportRun | None:
    return ImportRun.objects.select_related("mapping", "run_by").filter(pk=run_id).first()


def progress_key(run_id: int) -> str:
    return f"case-system-import-progress-{run_id}"


def run_rows_done(run: ImportRun) -> int:
    """Rows of an uploaded extract saved so far: kept in the cache while its import runs."""
    if run.status != ImportRun.Status.RUNNING:
        return 0
    return cache.get(progress_key(run.pk)) or 0


def flagged_count() -> int:
    """How many people the latest extracts no longer list: counted, not named, on these pages."""
    return Person.objects.filter(missing_from_case_system_since__isnull=False).count()


def export_overview(recent_limit: int = 20) -> dict:
    """The export settings page: where files go (environment settings), whether the export is
    on, what is waiting, and what was sent last, newest first."""
    destination = drop.export_destination()
    sources = exports.sources()
    recent = sorted((sent for source in sources for sent in source.recent(recent_limit)), key=lambda sent: sent.sent_at, reverse=True)
    return {
        "destination": destination, "export_on": bool(destination),
        "waiting": [item for source in sources for item in source.waiting()], "recent": recent[:recent_limit],
    }
