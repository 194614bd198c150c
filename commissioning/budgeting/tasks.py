import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError

from coproduction.reports.tasks import DURABLE_JOB_OPTIONS

from .models import Count

logger = logging.getLogger(__name__)


@shared_task(**DURABLE_JOB_OPTIONS)
def round_count_run(self, count_id: int) -> None:
    # Only the count's id crosses Redis: ballots never leave the database.
    from . import services

    count = Count.objects.filter(pk=count_id).first()
    if count is None:
        return  # the round was deleted
    try:
        services.count_run(count=count)
    except SoftTimeLimitExceeded:
        services.count_fail(count=count, message="The count took too long. Ask for help.")
    except (OperationalError, InterfaceError):
        raise  # the database is away: retried with backoff
    except Exception:
        logger.exception("Budgeting count %s failed", count_id)
        services.count_fail(count=count, message="Something went wrong working out the results. Ask for help.")


@shared_task
def round_counts_requeue_stuck() -> int:
    """For the beat schedule: counts whose message was lost are queued again."""
    from . import selectors, services

    return sum(services.count_requeue_if_stuck(count=count) for count in selectors.counts_unfinished())
