import logging

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.db import InterfaceError, OperationalError

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    # The database away: try again later; the row is untouched or still claimable.
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    retry_jitter=True,
    max_retries=settings.NOTIFY_MAX_RETRIES,
    soft_time_limit=settings.NOTIFY_TIMEOUT * 2,
    time_limit=settings.NOTIFY_TIMEOUT * 2 + 10,
)
def deliver_message(self, delivery_id: int) -> str:
    """Send one message. Only the delivery id crosses the broker: no personal data."""
    from . import services

    outcome, error = services.delivery_send(delivery_id=delivery_id)
    if outcome == services.Outcome.RETRY:
        # Read at run time, so a council can change it without a new release of the workers.
        max_retries = settings.NOTIFY_MAX_RETRIES
        if self.request.retries >= max_retries:
            services.delivery_fail(delivery_id=delivery_id, error=f"Gave up after {self.request.retries + 1} tries: {error}")
            return services.Outcome.FAILED
        # Exponential backoff with full jitter, so many failed sends do not come back together.
        countdown = get_exponential_backoff_interval(
            factor=settings.NOTIFY_RETRY_BACKOFF, retries=self.request.retries,
            maximum=settings.NOTIFY_RETRY_BACKOFF_MAX, full_jitter=True,
        )
        raise self.retry(countdown=countdown, max_retries=max_retries)
    return outcome


@shared_task
def deliveries_requeue_stuck() -> int:
    from . import services

    return services.deliveries_requeue_stuck()
