"""Periodic work for the asset map (scheduled in CELERY_BEAT_SCHEDULE)."""

import logging

from celery import shared_task

from . import services

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def assets_mark_stale() -> int:
    """Mark published assets nobody has checked for a year (ASSET_STALE_AFTER_DAYS) as "needs checking"."""
    count = services.assets_mark_stale()
    logger.info("assets marked as needing a check: %s", count)
    return count
