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


@shared_task(ignore_result=True)
def case_system_export() -> int:
    """New agreed plans and finished reviews, into the case system's folder or bucket, once each."""
    from . import case_export

    count = case_export.export_new()
    logger.info("plans and reviews sent to the case management system: %s", count)
    return count
