"""Demo data for the recognition ledger. Al, Maureen and Rosa have claims on the demo programmes'
activities: some sent for payment, some approved, one queried, some waiting. Idempotent."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from commissioning.demo import DAY_OPPORTUNITIES
from commissioning.models import Activity, Programme
from coproduction.accounts.models import User

from ..models import Claim, ClaimExport, RecognitionRate
from ..models.ledger import CATEGORY_KIND, ClaimKind, ClaimStatus

AL, MAUREEN, ROSA, PRIYA = "person@demo.example", "carer@demo.example", "assessor@demo.example", "commissioner@demo.example"
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


@transaction.atomic
def seed_ledger_demo() -> None:
    users = {user.email: user for user in User.objects.filter(email__in=[AL, MAUREEN, ROSA, PRIYA])}
    if PRIYA not in users or not Programme.objects.filter(title=DAY_OPPORTUNITIES).exists():
        return
    _ledger(users)
