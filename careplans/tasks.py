"""Periodic work for care plans (scheduled in CELERY_BEAT_SCHEDULE)."""

import logging

from celery import shared_task

from . import notices

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def review_reminders_daily() -> int:
    """Reviews coming up and overdue, told once each: safe to run again, or late."""
    count = notices.review_reminders()
    logger.info("review reminder messages created: %s", count)
    return count
