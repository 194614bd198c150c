"""Writing the Spectrum of Practice self-assessment and the practitioner's self-check. A round
is saved whole (details, assessors and every rating) or not at all."""

from django.core.exceptions import ValidationError
from django.db import transaction

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from ..models.selfassessment import (
    AssessmentRound,
    SelfCheck,
    SelfCheckAnswer,
    StepRating,
)
from ..spectrum import PRACTICE_ANSWER_NAMES, PRACTICE_STEP_KEYS, RATING_NAMES, STEP_KEYS


def _check_ratings(ratings: dict) -> None:
    missing = [key for key in STEP_KEYS if key not in ratings]
    unknown = [key for key in ratings if key not in STEP_KEYS]
    if missing or unknown:
        raise ValidationError("Rate every step of the Spectrum of Practice")
    if any(rating not in RATING_NAMES for rating, _ in ratings.values()):
        raise ValidationError("Rate each step as not started, started or well established")


@transaction.atomic
def round_save(
    *, by, title: str, assessed_on, assessors, other_assessors: str, ratings: dict, assessment_round: AssessmentRound | None = None
) -> AssessmentRound:
    """Create a round, or change one. ratings: {step key: (rating, evidence)} for every step."""
    _check_ratings(ratings)
    if assessment_round is None:
        assessment_round = AssessmentRound(created_by=by)
    assessment_round.title, assessment_round.assessed_on = title, assessed_on
    assessment_round.other_assessors = other_assessors
    assessment_round.save()
    assessment_round.assessors.set(assessors)
    assessment_round.ratings.all().delete()
    StepRating.objects.bulk_create(
        StepRating(assessment_round=assessment_round, step_key=key, rating=rating, evidence=evidence)
        for key, (rating, evidence) in ratings.items()
    )
    return assessment_round


@transaction.atomic
def self_check_save(*, practitioner, answers: dict, will_change: str = "", team=None, request=None) -> SelfCheck:
    """answers: {practice step key: answer} for every step."""
    if sorted(answers) != sorted(PRACTICE_STEP_KEYS) or any(a not in PRACTICE_ANSWER_NAMES for a in answers.values()):
        raise ValidationError("Answer every statement")
    check = SelfCheck.objects.create(practitioner=practitioner, team=team, will_change=will_change)
    SelfCheckAnswer.objects.bulk_create(
        SelfCheckAnswer(self_check=check, step_key=key, answer=answer) for key, answer in answers.items()
    )
    audit_record(actor=practitioner, action=AuditEvent.Action.CREATE, obj=check, subject=practitioner, request=request)
    return check
