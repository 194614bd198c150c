"""Writes: source mappings, imports from an upload, and the nightly import from the drop
folder or bucket with its report to administrators."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from coproduction.accounts.models import Role, User
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.csv_import import FileProblem
from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic

from . import drop, exports, importing
from .models import ImportRun, SourceMapping
from .selectors import progress_key

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


# Uploaded extracts queued for the background import, named by their run: the sweep of
# checked files nobody imported (UploadStore.forget_old) never reaches them.
QUEUED_DIR = "case-system-imports/queued"
# After this many starts an uploaded import is given up, so one that kills its worker cannot loop.
MAX_ATTEMPTS = 3
GAVE_UP = "The import could not be finished, so nothing was imported. Upload the extract again, or ask for help if it keeps happening."
FILE_GONE = "The uploaded extract is no longer kept, so nothing was imported. Upload it again."
MAPPING_GONE = "Its mapping was deleted before the import started, so nothing was imported. Upload the extract again with another mapping."
NOTHING_VALID = "No row can be imported: correct the file and upload it again"
PENDING = (ImportRun.Status.QUEUED, ImportRun.Status.RUNNING)


def _enqueue(run_id: int) -> None:
    from .tasks import import_run as import_run_task  # tasks import services

    import_run_task.delay(run_id)  # only the run's id crosses the broker


@transaction.atomic
def upload_import(*, data: bytes, file_name: str, mapping: SourceMapping, actor, request=None) -> ImportRun:
    """Queue the import of an extract an administrator checked and confirmed: it is checked
    again and its rows without problems saved in the background, by import_run_execute."""
    run = ImportRun.objects.create(
        file_name=file_name[:255], checksum=importing.checksum(data), run_by=actor, mapping=mapping, status=ImportRun.Status.QUEUED,
    )
    run.stored_file = default_storage.save(f"{QUEUED_DIR}/{run.pk}.csv", ContentFile(data))
    run.save(update_fields=["stored_file", "updated_at"])
    audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=run, request=request, detail=f"{importing.import_detail(run.file_name)}: queued")
    transaction.on_commit(lambda: _enqueue(run.pk))
    return run


def import_run_by_id(run_id: int) -> ImportRun | None:
    return ImportRun.objects.filter(pk=run_id).first()


def _discard_file(run: ImportRun) -> None:
    if run.stored_file and default_storage.exists(run.stored_file):
        default_storage.delete(run.stored_file)


def _finish_without_import(run: ImportRun, status: str, message: str) -> None:
    ImportRun.objects.filter(pk=run.pk, status__in=PENDING).update(status=status, message=message, finished_at=timezone.now())
    _discard_file(run)


def import_run_fail(*, run: ImportRun, message: str = GAVE_UP) -> None:
    _finish_without_import(run, ImportRun.Status.FAILED, message)


def _stored_data(run: ImportRun) -> bytes | None:
    if not run.stored_file or not default_storage.exists(run.stored_file):
        return None
    with default_storage.open(run.stored_file, "rb") as stored:
        return stored.read()


def import_run_execute(*, run_id: int) -> ImportRun | None:
    """Import a queued upload. Idempotent: a redelivered message, or a second worker given the
    same run, finds it finished, or waits on the row lock and then finds it finished. The rows are
    saved in one transaction, so an import cut off half way saved nothing and starts again."""
    run = ImportRun.objects.select_related("mapping__organisation", "run_by").filter(pk=run_id).first()
    if run is None or run.status not in PENDING:
        return run
    if run.attempts >= MAX_ATTEMPTS:
        import_run_fail(run=run)  # started that many times and never finished: its worker died each time
        return run
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING, attempts=F("attempts") + 1, updated_at=timezone.now())
    data = _stored_data(run)
    if data is None or run.mapping is None:
        _finish_without_import(run, ImportRun.Status.FAILED, FILE_GONE if data is None else MAPPING_GONE)
        return run
    try:
        dry_run = importing.check_file(data, run.mapping)  # again: the service may have changed since the dry run
    except FileProblem as problem:
        _finish_without_import(run, ImportRun.Status.REFUSED, str(problem))
        return run
    if not dry_run.valid_rows:
        _finish_without_import(run, ImportRun.Status.REFUSED, NOTHING_VALID)
        return run
    # The total is shown at once; the rows saved so far are kept in the cache, since the saving
    # transaction is seen by nobody else until it is committed.
    ImportRun.objects.filter(pk=run.pk).update(rows=len(dry_run.rows), updated_at=timezone.now())
    cache.set(progress_key(run.pk), 0, timeout=settings.REPORT_TIME_LIMIT_MAX * 2)
    with transaction.atomic():
        locked = ImportRun.objects.select_for_update().get(pk=run.pk)
        if locked.status != ImportRun.Status.RUNNING:
            return locked  # another delivery finished it meanwhile
        locked.mapping, locked.run_by = run.mapping, run.run_by
        importing.import_checked(
            dry_run=dry_run, mapping=run.mapping, run=locked,
            progress=lambda done: cache.set(progress_key(run.pk), done, timeout=settings.REPORT_TIME_LIMIT_MAX * 2),
        )
    cache.delete(progress_key(run.pk))
    _discard_file(locked)
    return locked


def import_runs_requeue_stuck() -> int:
    """Queue again the uploaded imports whose message was lost (Redis restarted) or whose worker
    died, as report jobs are; give up those started too often."""
    now = timezone.now()
    lost_queued = ImportRun.objects.filter(status=ImportRun.Status.QUEUED, updated_at__lt=now - settings.REPORT_REQUEUE_AFTER)
    # A running import is only abandoned once the broker would have redelivered it too.
    abandoned_after = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] + settings.REPORT_TIME_LIMIT_MAX
    abandoned = ImportRun.objects.filter(status=ImportRun.Status.RUNNING, updated_at__lt=now - timedelta(seconds=abandoned_after))
    for run in abandoned.filter(attempts__gte=MAX_ATTEMPTS):
        import_run_fail(run=run)
    run_ids = list(lost_queued.values_list("pk", flat=True)) + list(abandoned.filter(attempts__lt=MAX_ATTEMPTS).values_list("pk", flat=True))
    ImportRun.objects.filter(pk__in=run_ids).update(status=ImportRun.Status.QUEUED, updated_at=now)
    for run_id in run_ids:
        logger.info("Re-queued case system import run %s", run_id)
        _enqueue(run_id)
    return len(run_ids)


def exports_send_now(*, actor) -> bool:
    """Queue the export of every waiting plan and review now, as the nightly run would. False
    when the export is off (no folder or bucket prefix is set)."""
    if not drop.export_configured():
        return False
    for source in exports.sources():
        source.send_now()
    logger.info("case system export queued by user %s", actor.pk)
    return True


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
