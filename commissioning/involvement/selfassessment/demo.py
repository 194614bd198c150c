"""Demo data for the Spectrum of Practice self-assessment (two rounds, spring and autumn) and
Tom's "doing with, not doing to" self-check. Idempotent."""

import datetime

from django.db import transaction

from commissioning.demo import DAY_OPPORTUNITIES
from commissioning.models import Programme
from coproduction.accounts.models import User

from ..models import AssessmentRound, SelfCheck, SelfCheckAnswer, StepRating
from ..spectrum import ESTABLISHED, NOT_STARTED, STARTED

AL, ROSA, PRIYA, TOM = "person@demo.example", "assessor@demo.example", "commissioner@demo.example", "practitioner@demo.example"
SPRING = {
    "find_assets": (STARTED, "We asked colleagues in libraries and public health what they had mapped."),
    "focus_groups": (ESTABLISHED, "Conversations at three day centres in April, with people, carers and staff."),
    "outcomes_framework": (STARTED, "A first draft, written by officers: not yet with people."),
    "quality_characteristics": (NOT_STARTED, ""),
    "providers_together": (NOT_STARTED, ""),
    "procurement_panels": (STARTED, "Al and Maureen agreed to join the next panel."),
    "peer_researchers": (STARTED, "Two people recruited; training booked."),
    "working_together_for_change": (NOT_STARTED, ""),
    "co_delivered_training": (NOT_STARTED, ""),
    "whole_process": (NOT_STARTED, ""),
    "quality_assessors": (NOT_STARTED, ""),
    "networks": (NOT_STARTED, ""),
}
AUTUMN = {
    "find_assets": (ESTABLISHED, "Asset map walks with residents; the map is published."),
    "focus_groups": (ESTABLISHED, "Lunch club and allotment conversations, as well as the day centres."),
    "outcomes_framework": (ESTABLISHED, "The group agreed the outcomes on 23 July."),
    "quality_characteristics": (ESTABLISHED, "In the specification, written with the group."),
    "providers_together": (ESTABLISHED, "Provider forum meets monthly; two providers bidding together."),
    "procurement_panels": (ESTABLISHED, "Al and Maureen wrote questions and scored as equals."),
    "peer_researchers": (ESTABLISHED, "Rosa and Al trained; interviews before the specification."),
    "working_together_for_change": (STARTED, "Review extracts gathered; theming day booked."),
    "co_delivered_training": (NOT_STARTED, ""),
    "whole_process": (STARTED, "People shortlisted, sat on the procurement panel and interviewed for our new social worker; not yet in monitoring."),
    "quality_assessors": (NOT_STARTED, ""),
    "networks": (NOT_STARTED, ""),
}
TOM_ANSWERS = {
    "explain": "always", "involve": "mostly", "time_place": "mostly", "communication": "always", "rapport": "sometimes",
    "strengths": "mostly", "own_solutions": "mostly", "time_to_share": "sometimes", "equal_weight": "mostly", "agree_together": "always",
}



def _round(title, day, ratings, by, assessors, others) -> None:
    if AssessmentRound.objects.filter(title=title).exists():
        return
    assessment_round = AssessmentRound.objects.create(title=title, assessed_on=day, other_assessors=others, created_by=by)
    assessment_round.assessors.set(assessors)
    StepRating.objects.bulk_create(
        StepRating(assessment_round=assessment_round, step_key=key, rating=rating, evidence=evidence)
        for key, (rating, evidence) in ratings.items()
    )


def _self_assessment(users: dict) -> None:
    priya = users[PRIYA]
    people = [users[email] for email in (PRIYA, AL, ROSA) if email in users]
    _round("Spring 2026 review", datetime.date(2026, 4, 14), SPRING, priya, people, "Member of the carers' forum")
    _round("Autumn 2026 review", datetime.date(2026, 10, 20), AUTUMN, priya, people,
           "Member of the carers' forum\nChair of the provider forum")


def _self_check(users: dict) -> None:
    tom = users.get(TOM)
    if tom is None or SelfCheck.objects.filter(practitioner=tom).exists():
        return
    membership = tom.team_memberships.select_related("team").first()
    check = SelfCheck.objects.create(
        practitioner=tom, team=membership.team if membership else None, completed_on=datetime.date(2026, 11, 2),
        will_change="Book longer first visits, so there is time to get to know people before the forms. "
                    "Send the notes of a review to the person to check before I write them up.",
    )
    SelfCheckAnswer.objects.bulk_create(SelfCheckAnswer(self_check=check, step_key=key, answer=answer) for key, answer in TOM_ANSWERS.items())


@transaction.atomic
def seed_selfassessment_demo() -> None:
    users = {user.email: user for user in User.objects.filter(email__in=[AL, ROSA, PRIYA, TOM])}
    if PRIYA not in users or not Programme.objects.filter(title=DAY_OPPORTUNITIES).exists():
        return
    _self_assessment(users)
    _self_check(users)
