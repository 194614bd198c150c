"""Periodic work for commissioning (scheduled in CELERY_BEAT_SCHEDULE)."""

import logging

from celery import shared_task

from coproduction.reports.tasks import DURABLE_JOB_OPTIONS

logger = logging.getLogger(__name__)


@shared_task(**DURABLE_JOB_OPTIONS)
def day_before_reminders(self) -> int:
    """Remind people about the workshops and monitoring meetings they are going to tomorrow.
    No arguments: the day is read when it runs, and a retry or a second run sends nothing twice."""
    from .reminders import day_before_reminders_send

    sent = day_before_reminders_send()
    logger.info("day-before reminders made: %s", sent)
    return sent
