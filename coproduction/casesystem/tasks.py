"""The nightly import of the case system's extract (scheduled in CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import services


@shared_task(ignore_result=True)
def scheduled_import() -> int:
    """Each new extract in the drop folder or bucket, imported once: safe to run again."""
    return len(services.scheduled_import())
