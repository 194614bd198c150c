"""Background work for the case system: the nightly import of its extract (scheduled in
CELERY_BEAT_SCHEDULE), and uploaded extracts an administrator confirmed."""

import logging

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from coproduction.reports.tasks import DURABLE_JOB_OPTIONS

from . import services

logger = logging.getLogger(__name__)

# Durable as report jobs are, with the longest limit a job may have: still inside the broker's
# visibility timeout, so a running import is never delivered twice.
IMPORT_TASK_OPTIONS = {
    **DURABLE_JOB_OPTIONS, "soft_time_limit": settings.REPORT_TIME_LIMIT_MAX - 10, "time_limit": settings.REPORT_TIME_LIMIT_MAX,
}


@shared_task(ignore_result=True)
def scheduled_import() -> int:
    """Each new extract in the drop folder or bucket, imported once: safe to run again."""
    return len(services.scheduled_import())


@shared_task(**IMPORT_TASK_OPTIONS)
def import_run(self, run_id: int) -> None:
    # Only the run's id crosses Redis: the extract stays in private storage.
    try:
        services.import_run_execute(run_id=run_id)
    except (OperationalError, InterfaceError):
        raise  # the database is away: retried with backoff
    except Exception:
        logger.exception("Case system import run %s failed", run_id)
        run = services.import_run_by_id(run_id)
        if run is not None:
            services.import_run_fail(run=run)


@shared_task
def import_runs_requeue_stuck() -> int:
    return services.import_runs_requeue_stuck()
