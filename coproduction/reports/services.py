import logging
import time
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from .kinds import REPORT_KINDS
from .models import ReportJob
from .pdf import pdf_from_html

logger = logging.getLogger(__name__)

# After this many starts a job is given up, so a report that kills its worker or is cut off
# every time cannot loop for ever.
MAX_ATTEMPTS = 3
# Between the soft limit (the job saves what it can and stops) and the hard one (it is killed).
TIME_LIMIT_GRACE = 10
# The progress recorded once the document's source is saved whole; kinds report less while gathering.
SOURCE_SAVED = 65
GAVE_UP = "This report could not be made. Try again, or ask for help if it keeps happening."
TOO_LONG = "This report took too long to make, even when tried again. Try again later, or ask for help if it keeps happening."


class ReportCannotBeMade(Exception):
    """Raised by a kind that cannot make its file on this server (a missing engine, say): the
    job ends with the message, which is shown to the requester, so say it in plain words."""


def _enqueue(job_id, time_limit: int | None) -> None:
    from .tasks import (
        report_job_render as report_job_render_task,  # tasks import services
    )

    # The job's own limit travels with its message, so a redelivered message keeps it too.
    hard = time_limit or settings.REPORT_TIME_LIMIT
    report_job_render_task.apply_async(args=[str(job_id)], soft_time_limit=hard - TIME_LIMIT_GRACE, time_limit=hard)


@transaction.atomic
def report_job_request(*, kind: str, requested_by, subject, subject_user=None, request=None, options: dict | None = None) -> ReportJob:
    """Create a job and queue it once the row is committed, so a worker always finds it."""
    job = ReportJob(
        kind=kind,
        requested_by=requested_by,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=str(subject.pk),
        options=options or {},
    )
    job.measured_rows, job.time_limit = REPORT_KINDS[kind].time_limit.measure(job)
    job.save(force_insert=True)
    audit_record(
        actor=requested_by,
        action=AuditEvent.Action.EXPORT,
        obj=subject,
        subject=subject_user,
        request=request,
        detail=f"report requested: {kind}",
    )
    transaction.on_commit(lambda: _enqueue(job.pk, job.time_limit))
    return job


def _soft_deadline(job: ReportJob):
    return job.started_at + timedelta(seconds=(job.time_limit or settings.REPORT_TIME_LIMIT) - TIME_LIMIT_GRACE)


def _set_progress(job: ReportJob, value: int, *, within_limit: bool = True) -> None:
    """Record progress and, before another step, stop the job if it is past its limit: a worker
    pool that cannot interrupt a task (solo, threads) still keeps to the limit, step by step."""
    now = timezone.now()
    ReportJob.objects.filter(pk=job.pk).update(progress=value, updated_at=now)
    if within_limit and now >= _soft_deadline(job):
        raise SoftTimeLimitExceeded()


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


def _saved_work(job: ReportJob) -> bytes | None:
    storage = job.file.storage
    if not storage.exists(job.work_name):
        return None
    with storage.open(job.work_name, "rb") as saved:
        return saved.read()


def _save_work(job: ReportJob, source: bytes) -> None:
    storage = job.file.storage
    if storage.exists(job.work_name):
        storage.delete(job.work_name)
    storage.save(job.work_name, ContentFile(source))


def report_job_discard_work(*, job: ReportJob) -> None:
    """Delete what a job saved for its retries, once it is made, stopped or given up."""
    if job.file.storage.exists(job.work_name):
        job.file.storage.delete(job.work_name)


def _gather(job: ReportJob, kind, *, resume: bool) -> bytes:
    """The document's source: the print template rendered (HTML), or a spreadsheet's or ZIP's
    bytes. Kept until the job ends, so a retry after a cut-off starts from here, not from zero."""
    source = _saved_work(job) if resume else None
    if source is not None:
        return source
    context = kind.build_context(job, lambda value: _set_progress(job, value))
    if kind.render_file is not None:
        source = kind.render_file(context)
    else:
        source = render_to_string(kind.template, context).encode()
    _save_work(job, source)
    return source


def report_job_render(*, job: ReportJob) -> ReportJob:
    """Make the job's PDF. Idempotent: a redelivered message redoes the same file."""
    if job.status == ReportJob.Status.DONE and job.file or job.status == ReportJob.Status.VOIDED:
        report_job_discard_work(job=job)
        return job
    if job.attempts >= MAX_ATTEMPTS:
        # Started that many times already and never finished: its worker died each time.
        report_job_fail(job=job, message=GAVE_UP)
        return job
    started = time.perf_counter()
    # Only work saved whole counts: a job cut off while saving it gathers again.
    resume = job.progress >= SOURCE_SAVED
    job.status, job.started_at, job.progress = ReportJob.Status.RUNNING, timezone.now(), 5
    job.attempts = F("attempts") + 1
    job.save(update_fields=["status", "started_at", "progress", "attempts", "updated_at"])
    job.refresh_from_db(fields=["attempts"])

    kind = REPORT_KINDS[job.kind]
    try:
        source = _gather(job, kind, resume=resume)
    except ReportCannotBeMade as reason:
        report_job_fail(job=job, message=str(reason))
        job.refresh_from_db()
        return job
    _set_progress(job, SOURCE_SAVED)
    if kind.render_file is not None:
        content, pages = source, None
    else:
        content, pages = pdf_from_html(html=source.decode(), identifier=job.pk.bytes)
    _set_progress(job, 95, within_limit=False)  # made: late or not, it is kept

    if not _requester_may_have(job):
        # Access ended while it was being made, by a way that did not stop it: never kept.
        report_jobs_void_lost_access(user_id=job.requested_by_id)
        report_job_discard_work(job=job)
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
    report_job_discard_work(job=job)
    return job


def report_job_fail(*, job: ReportJob, message: str) -> None:
    ReportJob.objects.filter(pk=job.pk).update(
        status=ReportJob.Status.FAILED, error=message, finished_at=timezone.now(), updated_at=timezone.now()
    )
    report_job_discard_work(job=job)


def report_job_cut_off(*, job: ReportJob) -> bool:
    """A job stopped at its time limit: queued again with twice the time, to carry on from the
    work it saved, unless it has had all its attempts. True if it was queued again."""
    job.refresh_from_db(fields=["status", "attempts", "time_limit"])
    if job.status != ReportJob.Status.RUNNING:
        return False  # stopped meanwhile: nothing to retry
    if job.attempts >= MAX_ATTEMPTS:
        report_job_fail(job=job, message=TOO_LONG)
        return False
    limit = min(2 * (job.time_limit or settings.REPORT_TIME_LIMIT), settings.REPORT_TIME_LIMIT_MAX)
    ReportJob.objects.filter(pk=job.pk, status=ReportJob.Status.RUNNING).update(
        status=ReportJob.Status.QUEUED, time_limit=limit, updated_at=timezone.now(),
    )
    logger.info("Report job %s was cut off at its time limit; queued again", job.pk)
    _enqueue(job.pk, limit)
    return True


def report_jobs_requeue_stuck() -> int:
    """Queue again the jobs whose message was lost (Redis restarted) or whose worker died."""
    now = timezone.now()
    lost_queued = ReportJob.objects.filter(
        status=ReportJob.Status.QUEUED, updated_at__lt=now - settings.REPORT_REQUEUE_AFTER
    )
    # A running job is only abandoned once the broker would have redelivered it too.
    abandoned_after = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] + settings.REPORT_TIME_LIMIT_MAX
    abandoned = ReportJob.objects.filter(
        status=ReportJob.Status.RUNNING, updated_at__lt=now - timezone.timedelta(seconds=abandoned_after)
    )
    abandoned.filter(attempts__gte=MAX_ATTEMPTS).update(
        status=ReportJob.Status.FAILED,
        error=GAVE_UP,
        finished_at=now,
        updated_at=now,
    )
    jobs = list(lost_queued.values_list("pk", "time_limit")) + list(
        abandoned.filter(attempts__lt=MAX_ATTEMPTS).values_list("pk", "time_limit")
    )
    ReportJob.objects.filter(pk__in=[job_id for job_id, _ in jobs]).update(status=ReportJob.Status.QUEUED, updated_at=now)
    for job_id, time_limit in jobs:
        logger.info("Re-queued report job %s", job_id)
        _enqueue(job_id, time_limit)
    return len(jobs)
