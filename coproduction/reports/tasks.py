import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_process_init
from django.conf import settings
from django.db import InterfaceError, OperationalError

from .models import ReportJob

logger = logging.getLogger(__name__)


@worker_process_init.connect
def load_pdf_engine(**kwargs) -> None:
    # WeasyPrint opens Pango's libraries when first imported (a second or two): a worker process
    # pays that as it starts, not inside the first report it makes and that report's time limit.
    import weasyprint  # noqa: F401


# Long work that must never be lost: delivered again if its worker dies, retried with backoff
# while the database is away, and stopped inside the broker's visibility timeout, so a running
# job is never delivered twice. Other apps' background jobs use the same options. A report job's
# message carries its own limits, sized by its kind (services._enqueue), in place of these.
DURABLE_JOB_OPTIONS = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": True,
    "max_retries": 5,
    "soft_time_limit": settings.REPORT_TIME_LIMIT - 10,
    "time_limit": settings.REPORT_TIME_LIMIT,
}


@shared_task(**DURABLE_JOB_OPTIONS)
def report_job_render(self, job_id: str) -> None:
    # Only the id crosses Redis: no personal data in the broker or its logs.
    from . import notices, services

    job = ReportJob.objects.filter(pk=job_id).first()
    if job is None:
        return  # deleted under retention
    try:
        services.report_job_render(job=job)
    except SoftTimeLimitExceeded:
        if services.report_job_cut_off(job=job):
            return  # queued again, to carry on from the work it saved
    except (OperationalError, InterfaceError):
        raise  # the database is away: retried with backoff
    except Exception:
        logger.exception("Report job %s failed", job_id)
        services.report_job_fail(
            job=job, message="Something went wrong making this report. Try again, or ask for help."
        )
    notices.report_job_finished(job=job)  # the requester, if they have left the page


@shared_task
def report_jobs_requeue_stuck() -> int:
    from . import services

    return services.report_jobs_requeue_stuck()
