"""Background work for information governance. Arguments are ids only, never personal data."""

from celery import shared_task

from coproduction.reports.tasks import DURABLE_JOB_OPTIONS

# A run over a large backlog takes longer than a report: each batch commits on its own, and
# a redelivered task waits on the run lock, so stopping or repeating it is safe.
RETENTION_TASK_OPTIONS = {**DURABLE_JOB_OPTIONS, "soft_time_limit": 50 * 60, "time_limit": 55 * 60}


@shared_task(**RETENTION_TASK_OPTIONS)
def retention_nightly(self) -> int | None:
    """Anonymise or delete what the retention schedule makes due tonight."""
    from .models import RetentionRun
    from .retention.services import retention_apply

    run = retention_apply(trigger=RetentionRun.Trigger.SCHEDULE)
    return run.pk if run else None
