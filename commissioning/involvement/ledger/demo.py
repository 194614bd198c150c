"""Demo data for the recognition ledger, the Spectrum of Practice self-assessment and a
practitioner's self-check. Al, Maureen and Rosa have claims on the demo programmes' activities:
some sent for payment, some approved, one queried, some waiting. Idempotent."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from commissioning.demo import DAY_OPPORTUNITIES
from commissioning.models import Activity, Programme
from coproduction.accounts.models import User

from ..models import (
    AssessmentRound,
    Claim,
    ClaimExport,
    RecognitionRate,
    SelfCheck,
    SelfCheckAnswer,
    StepRating,
)
from ..models.ledger import CATEGORY_KIND, ClaimKind, ClaimStatus
from ..selfassessment.spectrum import ESTABLISHED, NOT_STARTED, STARTED

AL, MAUREEN, ROSA, PRIYA, TOM = (
    "person@demo.example", "carer@demo.example", "assessor@demo.example", "commissioner@demo.example", "practitioner@demo.example",
)
RATES = [
    ("Co-production group member", "hour", "20.00"),
    ("Peer researcher", "session", "40.00"),
    ("Procurement panel member", "hour", "25.00"),
]
# (activity title, claimant, category, amount, rate name or None, units, details, status, query)
CLAIMS = [
    ("Conversations at three day centres", AL, "travel", "6.80", None, None, "Bus there and back", ClaimStatus.PAID, ""),
    ("Conversations at three day centres", MAUREEN, "personal_assistant", "36.00", None, None,
     "Replacement care for Al's brother for three hours", ClaimStatus.PAID, ""),
    ("Peer research interviews", AL, "payment", "40.00", "Co-production group member", "2", "Two hours of interviews", ClaimStatus.PAID, ""),
    ("Agreeing our priorities", AL, "payment", "30.00", "Co-production group member", "1.5", "", ClaimStatus.APPROVED, ""),
    ("Agreeing our priorities", AL, "travel", "6.80", None, None, "Bus there and back", ClaimStatus.APPROVED, ""),
    ("Agreeing our priorities", MAUREEN, "personal_assistant", "45.00", None, None, "Replacement care, half a day", ClaimStatus.APPROVED, ""),
    ("Where the money goes: business case meeting", AL, "voucher", "25.00", None, None, "Supermarket voucher", ClaimStatus.SUBMITTED, ""),
    ("Where the money goes: business case meeting", MAUREEN, "travel", "18.40", None, None, "Taxi home", ClaimStatus.QUERIED,
     "Was the taxi for both of you? If so we will pay it in full: please add that to the details."),
    ("Listening at the Thursday lunch club", ROSA, "payment", "60.00", "Co-production group member", "3", "", ClaimStatus.APPROVED, ""),
    ("Listening at the Thursday lunch club", ROSA, "accreditation", "0", None, None,
     "Level 2 peer research certificate, with a reference for Rosa's CV", ClaimStatus.APPROVED, ""),
    ("Interviews at the Brook Lane allotment", ROSA, "payment", "40.00", "Peer researcher", "1", "", ClaimStatus.SUBMITTED, ""),
    ("Interviews at the Brook Lane allotment", ROSA, "travel", "4.20", None, None, "Bus", ClaimStatus.SUBMITTED, ""),
]

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
    "whole_process": (STARTED, "People shortlisted and sat on the panel; not yet in monitoring."),
    "quality_assessors": (NOT_STARTED, ""),
    "networks": (NOT_STARTED, ""),
}
TOM_ANSWERS = {
    "explain": "always", "involve": "mostly", "time_place": "mostly", "communication": "always", "rapport": "sometimes",
    "strengths": "mostly", "own_solutions": "mostly", "time_to_share": "sometimes", "equal_weight": "mostly", "agree_together": "always",
}


def _aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


def _ledger(users: dict) -> None:
    priya = users[PRIYA]
    rates = {}
    for name, unit, amount in RATES:
        rates[name], _ = RecognitionRate.objects.get_or_create(name=name, defaults={"unit": unit, "amount": Decimal(amount), "set_by": priya})
    if Claim.objects.filter(claimant__email__in=[AL, MAUREEN, ROSA]).exists():
        return
    activities = {activity.title: activity for activity in Activity.objects.filter(title__in={row[0] for row in CLAIMS})}
    made = []
    for title, email, category, amount, rate, units, details, status, query in CLAIMS:
        activity, claimant = activities.get(title), users.get(email)
        if activity is None or claimant is None:
            continue
        when = _aware(activity.happened_on + datetime.timedelta(days=2))
        decided = status != ClaimStatus.SUBMITTED
        made.append(Claim.objects.create(
            claimant=claimant, activity=activity, kind=CATEGORY_KIND.get(category, ClaimKind.EXPENSE), category=category,
            amount=Decimal(amount), rate=rates.get(rate), units=Decimal(units) if units else None, description=details,
            status=status, entered_by=claimant if email != MAUREEN else priya, query_reason=query,
            decided_by=priya if decided else None, decided_at=when + datetime.timedelta(days=5) if decided else None, created_at=when,
        ))
    paid = [claim for claim in made if claim.status == ClaimStatus.PAID]
    if paid:
        export = ClaimExport.objects.create(exported_by=priya, exported_at=_aware(datetime.date(2026, 6, 30)),
                                            claim_count=len(paid), total=sum(claim.amount for claim in paid))
        Claim.objects.filter(pk__in=[claim.pk for claim in paid]).update(export=export)


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
def seed_ledger_demo() -> None:
    users = {user.email: user for user in User.objects.filter(email__in=[AL, MAUREEN, ROSA, PRIYA, TOM])}
    if PRIYA not in users or not Programme.objects.filter(title=DAY_OPPORTUNITIES).exists():
        return
    _ledger(users)
    _self_assessment(users)
    _self_check(users)
