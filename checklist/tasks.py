"""Checklist work in the background: survey invitations (the daily one is in CELERY_BEAT_SCHEDULE)."""

import logging

from celery import shared_task

from . import notices
from .models import SurveyRound

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def round_invitations_daily() -> int:
    """Rounds that open today (or opened while this did not run): each person told once."""
    count = notices.rounds_opened_daily()
    logger.info("checklist invitation messages created: %s", count)
    return count


@shared_task(ignore_result=True)
def round_invitations(round_id: int) -> int:
    """One round that opened today: everyone it asks, told once (safe to run again)."""
    survey_round = SurveyRound.objects.filter(pk=round_id).first()
    return notices.round_opened(survey_round=survey_round) if survey_round else 0
