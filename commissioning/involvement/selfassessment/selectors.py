"""Reading the self-assessment rounds and self-checks: each page a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from commissioning.models import GroupMember, LadderRung, MemberRole
from coproduction.accounts.models import Role

from ..models.selfassessment import (
    AssessmentRound,
    SelfCheck,
    SelfCheckAnswer,
    StepRating,
)
from ..spectrum import (
    PRACTICE_ANSWERS,
    PRACTICE_BY_KEY,
    PRACTICE_STEPS,
    RATING_ORDER,
    STAGE_NAMES,
    STEPS,
    TO_WORK_ON,
    ladder_for,
    next_steps,
    practice_stage,
    records_for_steps,
)


@dataclass
class RoundResult:
    assessment_round: AssessmentRound
    ratings: dict  # step key -> rating
    evidence: dict  # step key -> evidence
    rung: LadderRung
    stage: str
    previous: "RoundResult | None" = None
    changes: dict = field(default_factory=dict)  # step key -> "up" | "down" | "same" | "new"

    @property
    def stage_name(self) -> str:
        return STAGE_NAMES[self.stage]

    @property
    def movement(self) -> int | None:
        return None if self.previous is None else int(self.rung) - int(self.previous.rung)


def _result(assessment_round: AssessmentRound) -> RoundResult:
    ratings = {r.step_key: r.rating for r in assessment_round.ratings.all()}
    evidence = {r.step_key: r.evidence for r in assessment_round.ratings.all()}
    return RoundResult(assessment_round, ratings, evidence, ladder_for(ratings), practice_stage(ratings))


def _with_ratings(rounds: QuerySet[AssessmentRound]) -> QuerySet[AssessmentRound]:
    return rounds.prefetch_related(Prefetch("ratings", queryset=StepRating.objects.order_by("pk")))


def _compare(result: RoundResult, previous: RoundResult | None) -> RoundResult:
    result.previous = previous
    if previous is not None:
        for key, rating in result.ratings.items():
            before = previous.ratings.get(key)
            if before is None:
                result.changes[key] = "new"
            else:
                diff = RATING_ORDER[rating] - RATING_ORDER[before]
                result.changes[key] = "up" if diff > 0 else "down" if diff < 0 else "same"
    return result


def rounds_with_results(rounds: list[AssessmentRound] | None = None) -> list[RoundResult]:
    """Every round (newest first) with its ladder position and its movement since the round before."""
    rounds = rounds if rounds is not None else list(_with_ratings(AssessmentRound.objects.order_by("-assessed_on", "-pk")))
    results = [_result(r) for r in rounds]
    for index, result in enumerate(results):
        _compare(result, results[index + 1] if index + 1 < len(results) else None)
    return results


def rounds_page(object_list: list[AssessmentRound]) -> list[RoundResult]:
    """Results for one page of rounds, each compared with the round just before it (which may be
    on the next page: one more query, whatever the page size)."""
    rounds = list(object_list)
    if not rounds:
        return []
    last = rounds[-1]
    before = _with_ratings(
        AssessmentRound.objects.filter(Q(assessed_on__lt=last.assessed_on) | Q(assessed_on=last.assessed_on, pk__lt=last.pk))
        .order_by("-assessed_on", "-pk")
    )[:1]
    extra = [_result(r) for r in before]
    results = [_result(r) for r in rounds] + extra
    for index, result in enumerate(results[: len(rounds)]):
        _compare(result, results[index + 1] if index + 1 < len(results) else None)
    return results[: len(rounds)]


def rounds_for(user) -> QuerySet[AssessmentRound]:
    """Rounds the user may read: every round for commissioners and heads of service, else those they assessed."""
    rounds = AssessmentRound.objects.order_by("-assessed_on", "-pk")
    if not (user.has_role(Role.COMMISSIONER) or user.has_role(Role.HEAD_OF_SERVICE)):
        rounds = rounds.filter(assessors=user)
    return _with_ratings(rounds)


def round_or_404(round_id: int) -> AssessmentRound:
    found = (
        AssessmentRound.objects.select_related("created_by")
        .prefetch_related(Prefetch("assessors", queryset=get_user_model().objects.order_by("full_name", "pk")))
        .prefetch_related(Prefetch("ratings", queryset=StepRating.objects.order_by("pk")))
        .filter(pk=round_id)
        .first()
    )
    if found is None:
        raise Http404
    found.assessor_ids = {user.pk for user in found.assessors.all()}
    return found


def round_result(assessment_round: AssessmentRound) -> RoundResult:
    """The round with the round before it, to show what moved."""
    before = _with_ratings(
        AssessmentRound.objects.filter(
            Q(assessed_on__lt=assessment_round.assessed_on) | Q(assessed_on=assessment_round.assessed_on, pk__lt=assessment_round.pk)
        ).order_by("-assessed_on", "-pk")
    )[:1]
    previous = [_result(r) for r in before]
    return _compare(_result(assessment_round), previous[0] if previous else None)


def latest_round() -> AssessmentRound | None:
    return _with_ratings(AssessmentRound.objects.order_by("-assessed_on", "-pk")).first()


def assessor_choices():
    """People who can be chosen as assessors: the council's commissioners, and people with lived
    experience and carers in a programme's co-production group."""
    lived = GroupMember.objects.filter(member_role__in=[MemberRole.LIVED_EXPERIENCE, MemberRole.CARER], left_on__isnull=True)
    return (
        get_user_model().objects.filter(Q(roles__contains=[Role.COMMISSIONER.value]) | Q(pk__in=lived.values("user_id")))
        .filter(is_active=True)
        .order_by("full_name", "pk")
    )


def step_table(result: RoundResult) -> list[dict]:
    """Each step's rating and evidence, with the records on the platform that show it happening."""
    records = records_for_steps()
    return [
        {"step": step, "rating": result.ratings.get(step.key), "evidence": result.evidence.get(step.key, ""),
         "change": result.changes.get(step.key), "before": result.previous.ratings.get(step.key) if result.previous else None,
         "records": records.get(step.key, [])}
        for step in STEPS
    ]


def suggestions(result: RoundResult, limit: int = 4):
    return next_steps(result.ratings, limit=limit)


# The practitioner's self-check

def own_self_checks(user) -> QuerySet[SelfCheck]:
    return SelfCheck.objects.filter(practitioner=user).prefetch_related(
        Prefetch("answers", queryset=SelfCheckAnswer.objects.order_by("pk"))
    ).order_by("-completed_on", "-pk")


def own_self_check_or_404(user, check_id: int) -> SelfCheck:
    check = own_self_checks(user).filter(pk=check_id).first()
    if check is None:
        raise Http404
    return check


def answers_table(check: SelfCheck) -> list[dict]:
    answers = {a.step_key: a for a in check.answers.all()}
    return [
        {"step": step, "answer": answers[step.key].get_answer_display() if step.key in answers else "",
         "to_work_on": step.key in answers and answers[step.key].answer in TO_WORK_ON}
        for step in PRACTICE_STEPS
    ]


def min_group() -> int:
    return settings.CHECKLIST_MIN_GROUP_SIZE


def team_totals(team_ids, since=None) -> dict:
    """For the teams: how many practitioners did a self-check (latest each), and per statement
    how many answered each way. Empty when fewer than the minimum group size answered, so nobody
    can be singled out. Two queries."""
    checks = SelfCheck.objects.filter(team_id__in=list(team_ids))
    if since is not None:
        checks = checks.filter(completed_on__gte=since)
    latest = checks.order_by("practitioner_id", "-completed_on", "-pk").distinct("practitioner_id").values("pk")
    people = SelfCheck.objects.filter(pk__in=latest).count()
    if people < min_group():
        return {"people": people, "rows": [], "suppressed": True}
    counts = defaultdict(dict)
    for row in SelfCheckAnswer.objects.filter(self_check_id__in=latest).order_by().values("step_key", "answer").annotate(n=Count("pk")):
        counts[row["step_key"]][row["answer"]] = row["n"]
    rows = [
        {"step": PRACTICE_BY_KEY[key], "cells": [counts[key].get(value, 0) for value, _ in PRACTICE_ANSWERS]}
        for key in PRACTICE_BY_KEY
    ]
    return {"people": people, "rows": rows, "suppressed": False}
