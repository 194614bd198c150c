"""Writes: source mappings, imports from an upload, and the nightly import from the drop
folder or bucket with its report to administrators."""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from coproduction.accounts.models import Role, User
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.csv_import import FileProblem
from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic

from . import drop, importing
from .models import ImportRun, SourceMapping

logger = logging.getLogger(__name__)


@transaction.atomic
def mapping_save(*, mapping: SourceMapping, actor, request=None) -> SourceMapping:
    """Save a mapping; at most one is the nightly import's."""
    if mapping.scheduled:
        SourceMapping.objects.filter(scheduled=True).exclude(pk=mapping.pk).update(scheduled=False)
    created = mapping.pk is None
    mapping.updated_by = actor
    mapping.full_clean()
    mapping.save()
    audit_record(
        actor=actor, action=AuditEvent.Action.CREATE if created else AuditEvent.Action.CHANGE, obj=mapping, request=request,
        detail=f"case system mapping “{mapping.name}”",
    )
    return mapping


def upload_import(*, data: bytes, file_name: str, mapping: SourceMapping, actor, request=None) -> ImportRun:
    """Import an extract an administrator checked and confirmed: the rows without problems."""
    dry_run = importing.check_file(data, mapping)  # again: the service may have changed since the dry run
    if not dry_run.valid_rows:
        raise ValidationError("No row can be imported: correct the file and upload it again")
    run = ImportRun(file_name=file_name[:255], checksum=importing.checksum(data), run_by=actor)
    return importing.import_checked(dry_run=dry_run, mapping=mapping, run=run, request=request)


def _report(run: ImportRun) -> None:
    """Tell every administrator what the nightly import changed and what it refused."""
    administrators = User.objects.filter(roles__contains=[Role.ADMINISTRATOR.value], is_active=True)
    if run.status == ImportRun.Status.REFUSED:
        subject = f"Case system import refused: {run.file_name}"
        body = f"Nothing was imported from {run.file_name}: {run.message}"
    else:
        subject = f"Case system import: {run.created} added, {run.updated} updated, {run.refused} refused"
        body = (
            f"From {run.file_name}: {run.created} people added, {run.updated} updated, {run.unchanged} unchanged; "
            f"{run.refused} rows refused; {run.flagged} people no longer in the extract flagged for review; "
            f"{run.teams_created} teams added and {run.teams_renamed} renamed."
        )
    notify(
        recipients=administrators, topic=Topic.CASE_SYSTEM, subject=subject, body=body,
        link=reverse("casesystem:run_detail", kwargs={"run_id": run.pk}), key=f"case-system-import-{run.pk}",
    )


def _import_dropped(name: str, data: bytes, mapping: SourceMapping) -> ImportRun | None:
    """One dropped file, once: the run row is written first, in the same transaction, so a
    second run at the same moment waits on it and then finds the file already done."""
    digest = importing.checksum(data)
    if ImportRun.objects.filter(scheduled=True, checksum=digest).exists():
        return None
    try:
        with transaction.atomic():
            run = ImportRun.objects.create(file_name=name[:255], checksum=digest, scheduled=True, mapping=mapping)
            try:
                dry_run = importing.check_file(data, mapping)
            except FileProblem as problem:
                run.status, run.message, run.finished_at = ImportRun.Status.REFUSED, str(problem), timezone.now()
                run.save()
            else:
                importing.import_checked(dry_run=dry_run, mapping=mapping, run=run)
            transaction.on_commit(lambda: _report(run))
    except IntegrityError:
        return None  # another run imported this file meanwhile
    return run


def scheduled_import() -> list[ImportRun]:
    """Import each new extract in the drop folder or bucket with the scheduled mapping.
    A file already imported (by its contents) is never imported again: safe to run twice."""
    mapping = SourceMapping.objects.filter(scheduled=True).select_related("organisation").first()
    if mapping is None:
        return []
    runs = []
    for name, data in drop.waiting_extracts():
        run = _import_dropped(name, data, mapping)
        if run is not None:
            logger.info("case system import run %s: %s", run.pk, run.status)
            runs.append(run)
    return runs
