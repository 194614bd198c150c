import logging
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from .kinds import REPORT_KINDS
from .models import ReportJob
from .pdf import render_pdf

logger = logging.getLogger(__name__)

# After this many starts a job is given up, so a report that kills its worker
# cannot loop for ever.
MAX_ATTEMPTS = 3


def _enqueue(job_id) -> None:
    from .tasks import (
        report_job_render as report_job_render_task,  # tasks import services
    )

    report_job_render_task.delay(str(job_id))


@transaction.atomic
def report_job_request(*, kind: str, requested_by, subject, subject_user=None, request=None, options: dict | None = None) -> ReportJob:
    """Create a job and queue it once the row is committed, so a worker always finds it."""
    job = ReportJob.objects.create(
        kind=kind,
        requested_by=requested_by,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=str(subject.pk),
        options=options or {},
    )
    audit_record(
        actor=requested_by,
        action=AuditEvent.Action.EXPORT,
        obj=subject,
        subject=subject_user,
        request=request,
        detail=f"report requested: {kind}",
    )
    transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _set_progress(job: ReportJob, value: int) -> None:
    ReportJob.objects.filter(pk=job.pk).update(progress=value, updated_at=timezone.now())


PENDING = (ReportJob.Status.QUEUED, ReportJob.Status.RUNNING)


def _requester_may_have(job: ReportJob) -> bool:
    """The one rule for having a report, asked of the requester as they are now."""
    kind = REPORT_KINDS.get(job.kind)
    if kind is not None and kind.shared:
        return True
    # A fresh account row: facts the rules kept on an older copy may predate the change.
    requester = get_user_model().objects.get(pk=job.requested_by_id)
    return requester.has_perm("reports.view_reportjob", job)


@transaction.atomic
def report_jobs_void_lost_access(*, user_id) -> int:
    """Stop this person's unfinished reports about anything they may no longer see, so none of
    them is ever made. Called, in the same transaction, by whatever ends someone's access."""
    stopped = [job.pk for job in ReportJob.objects.filter(requested_by_id=user_id, status__in=PENDING) if not _requester_may_have(job)]
    now = timezone.now()
    return ReportJob.objects.filter(pk__in=stopped, status__in=PENDING).update(
        status=ReportJob.Status.VOIDED, finished_at=now, updated_at=now,
    )


def report_job_render(*, job: ReportJob) -> ReportJob:
    """Make the job's PDF. Idempotent: a redelivered message redoes the same file."""
    if job.status == ReportJob.Status.DONE and job.file or job.status == ReportJob.Status.VOIDED:
        return job
    started = time.perf_counter()
    job.status, job.started_at, job.progress = ReportJob.Status.RUNNING, timezone.now(), 5
    job.attempts = F("attempts") + 1
    job.save(update_fields=["status", "started_at", "progress", "attempts", "updated_at"])
    job.refresh_from_db(fields=["attempts"])

    kind = REPORT_KINDS[job.kind]
    context = kind.build_context(job, lambda value: _set_progress(job, value))
    _set_progress(job, 60)
    if kind.render_file is not None:
        content, pages = kind.render_file(context), None
    else:
        content, pages = render_pdf(template=kind.template, context=context, identifier=job.pk.bytes)
    _set_progress(job, 95)

    if not _requester_may_have(job):
        # Access ended while it was being made, by a way that did not stop it: never kept.
        report_jobs_void_lost_access(user_id=job.requested_by_id)
        job.refresh_from_db()
        return job
    name = f"reports/{job.pk}.{job.extension}"
    if job.file.storage.exists(name):
        job.file.storage.delete(name)
    job.file.save(name, ContentFile(content), save=False)
    job.status, job.progress, job.page_count = ReportJob.Status.DONE, 100, pages
    job.finished_at, job.error = timezone.now(), ""
    job.render_seconds = round(time.perf_counter() - started, 3)
    # Only a job still being made becomes ready: one stopped meanwhile keeps no file.
    kept = ReportJob.objects.filter(pk=job.pk, status=ReportJob.Status.RUNNING).update(
        file=job.file.name, status=job.status, progress=job.progress, page_count=pages, finished_at=job.finished_at,
        error="", render_seconds=job.render_seconds, updated_at=job.finished_at,
    )
    if not kept:
        job.file.storage.delete(name)
        job.refresh_from_db()
    return job


def report_job_fail(*, job: ReportJob, message: str) -> None:
    ReportJob.objects.filter(pk=job.pk).update(
        status=ReportJob.Status.FAILED, error=message, finished_at=timezone.now(), updated_at=timezone.now()
    )


def report_jobs_requeue_stuck() -> int:
    """Queue again the jobs whose message was lost (Redis restarted) or whose worker died."""
    now = timezone.now()
    lost_queued = ReportJob.objects.filter(
        status=ReportJob.Status.QUEUED, updated_at__lt=now - settings.REPORT_REQUEUE_AFTER
    )
    # A running job is only abandoned once the broker would have redelivered it too.
    abandoned_after = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] + settings.REPORT_TIME_LIMIT
    abandoned = ReportJob.objects.filter(
        status=ReportJob.Status.RUNNING, updated_at__lt=now - timezone.timedelta(seconds=abandoned_after)
    )
    abandoned.filter(attempts__gte=MAX_ATTEMPTS).update(
        status=ReportJob.Status.FAILED,
        error="This report could not be made. Try again, or ask for help if it keeps happening.",
        finished_at=now,
        updated_at=now,
    )
    job_ids = list(lost_queued.values_list("pk", flat=True)) + list(
        abandoned.filter(attempts__lt=MAX_ATTEMPTS).values_list("pk", flat=True)
    )
    ReportJob.objects.filter(pk__in=job_ids).update(status=ReportJob.Status.QUEUED, updated_at=now)
    for job_id in job_ids:
        logger.info("Re-queued report job %s", job_id)
        _enqueue(job_id)
    return len(job_ids)
