"""Reading the recognition and expenses ledger. Totals are SQL aggregates, so each page runs a
fixed number of queries whatever the number of claims.

Years are UK financial years, 1 April to 31 March: councils' budgets, and the benefit and tax
rules people need to check payments against, run on that year."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from commissioning.models import Activity, Programme

from ..models.ledger import (
    Claim,
    ClaimCategory,
    ClaimExport,
    ClaimKind,
    ClaimStatus,
    RecognitionRate,
)

ZERO = Value(Decimal("0"), output_field=DecimalField(max_digits=12, decimal_places=2))
COMMITTED = Q(status__in=[ClaimStatus.APPROVED, ClaimStatus.PAID])
COMMITTED_PATH = Q(activities__claims__status__in=[ClaimStatus.APPROVED, ClaimStatus.PAID])


@dataclass(frozen=True)
class FinancialYear:
    start: date  # 1 April
    end: date  # 31 March

    @property
    def label(self) -> str:
        return f"April {self.start.year} to March {self.end.year}"

    @property
    def key(self) -> str:
        return str(self.start.year)

    def previous(self) -> "FinancialYear":
        return financial_year_starting(self.start.year - 1)

    def next(self) -> "FinancialYear":
        return financial_year_starting(self.start.year + 1)


def financial_year_starting(year: int) -> FinancialYear:
    return FinancialYear(date(year, 4, 1), date(year + 1, 3, 31))


def financial_year(day: date | None = None) -> FinancialYear:
    day = day or timezone.localdate()
    return financial_year_starting(day.year if day.month >= 4 else day.year - 1)


def financial_year_from(value: str | None) -> FinancialYear:
    """The year named in a link (?year=2026 for April 2026 to March 2027), else this year."""
    if value and value.isdigit() and 2000 <= int(value) <= 2100:
        return financial_year_starting(int(value))
    return financial_year()


def _sums(prefix: str = "") -> dict:
    """Totals by kind and state, for annotate() or aggregate(). prefix: the path to the claims."""
    amount, status, kind = f"{prefix}amount", f"{prefix}status", f"{prefix}kind"
    committed = Q(**{f"{status}__in": [ClaimStatus.APPROVED, ClaimStatus.PAID]})
    return {
        "recognition": Coalesce(Sum(amount, filter=committed & Q(**{kind: ClaimKind.RECOGNITION})), ZERO),
        "expenses": Coalesce(Sum(amount, filter=committed & Q(**{kind: ClaimKind.EXPENSE})), ZERO),
        "paid": Coalesce(Sum(amount, filter=Q(**{status: ClaimStatus.PAID})), ZERO),
        "waiting": Coalesce(Sum(amount, filter=Q(**{f"{status}__in": [ClaimStatus.SUBMITTED, ClaimStatus.QUERIED]})), ZERO),
        "claim_count": Count(f"{prefix}pk" if prefix else "pk"),
    }


def claim_totals(activity_ids: Iterable[int]) -> dict[int, dict]:
    """For each activity: approved or paid recognition and expenses, what is paid, what waits
    for approval, and the number of claims. One query; activities without claims get zeros."""
    activity_ids = list(activity_ids)
    rows = (
        Claim.objects.filter(activity_id__in=activity_ids)
        .order_by()
        .values("activity_id")
        .annotate(**_sums())
    )
    empty = {"recognition": Decimal("0"), "expenses": Decimal("0"), "paid": Decimal("0"), "waiting": Decimal("0"), "claim_count": 0}
    found = {row.pop("activity_id"): row for row in rows}
    return {pk: found.get(pk, dict(empty)) for pk in activity_ids}


# A person's own ledger

def claims_of(*, user, year: FinancialYear) -> QuerySet[Claim]:
    """The person's claims for activities in the year (by the activity's date, or when the claim
    was made if the activity has no date)."""
    return (
        Claim.objects.filter(claimant=user)
        .filter(
            Q(activity__happened_on__range=(year.start, year.end))
            | Q(activity__happened_on__isnull=True, created_at__date__range=(year.start, year.end))
        )
        .select_related("activity__programme", "rate")
        .order_by("-activity__happened_on", "-created_at", "-pk")
    )


def person_totals(*, user, year: FinancialYear) -> dict:
    totals = claims_of(user=user, year=year).order_by().aggregate(**_sums())
    totals["total"] = totals["recognition"] + totals["expenses"]
    return totals


def claimable_activities(*, user, today: date | None = None) -> QuerySet[Activity]:
    """Activities the person took part in (as a group member) that have happened, newest first.

    Not cut at the claim deadline: the service refuses a claim that is too late and says why,
    which tells the person more than an activity missing from the list."""
    today = today or timezone.localdate()
    return (
        Activity.objects.filter(participants__user=user, happened_on__lte=today)
        .select_related("programme")
        .distinct()
        .order_by("-happened_on", "title")
    )


def own_claim_or_404(*, user, claim_id: int) -> Claim:
    claim = Claim.objects.select_related("activity__programme", "rate").filter(pk=claim_id, claimant=user).first()
    if claim is None:
        raise Http404
    return claim


# Organisers

def programme_claims(*, programme: Programme, status: str | None = None) -> QuerySet[Claim]:
    claims = Claim.objects.filter(activity__programme=programme)
    if status in ClaimStatus.values:
        claims = claims.filter(status=status)
    return claims.select_related("claimant", "activity", "entered_by", "rate").order_by("status", "-created_at", "-pk")


def programme_status_counts(*, programme: Programme) -> dict[str, int]:
    rows = Claim.objects.filter(activity__programme=programme).order_by().values("status").annotate(n=Count("pk"))
    counts = {status: 0 for status in ClaimStatus.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def programme_claim_or_404(*, programme: Programme, claim_id: int) -> Claim:
    claim = (
        Claim.objects.select_related("claimant", "activity", "entered_by", "rate")
        .filter(pk=claim_id, activity__programme=programme)
        .first()
    )
    if claim is None:
        raise Http404
    return claim


def programme_activities(*, programme: Programme) -> QuerySet[Activity]:
    return Activity.objects.filter(programme=programme).order_by("-happened_on", "title")


def programme_people(*, programme: Programme):
    """Who an organiser may enter a claim for: the programme's group members, past and present."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(programme_memberships__programme=programme).distinct().order_by("full_name", "pk")


def spend_by_activity(*, programme: Programme, year: FinancialYear | None = None) -> QuerySet[Activity]:
    """Each activity of the programme with its totals (approved and paid count as spend)."""
    activities = Activity.objects.filter(programme=programme)
    if year is not None:
        activities = activities.filter(happened_on__range=(year.start, year.end))
    return (
        activities.annotate(**_sums("claims__"))
        .filter(claim_count__gt=0)
        .order_by("-happened_on", "title", "pk")
    )


def spend_total(*, programme: Programme | None = None, year: FinancialYear | None = None) -> dict:
    claims = Claim.objects.all()
    if programme is not None:
        claims = claims.filter(activity__programme=programme)
    if year is not None:
        claims = claims.filter(activity__happened_on__range=(year.start, year.end))
    totals = claims.order_by().aggregate(**_sums())
    totals["total"] = totals["recognition"] + totals["expenses"]
    return totals


def spend_by_programme(*, year: FinancialYear) -> QuerySet[Programme]:
    in_year = Q(activities__happened_on__range=(year.start, year.end))
    sums = {
        name: Coalesce(Sum("activities__claims__amount", filter=in_year & condition), ZERO)
        for name, condition in {
            "recognition": COMMITTED_PATH & Q(activities__claims__kind=ClaimKind.RECOGNITION),
            "expenses": COMMITTED_PATH & Q(activities__claims__kind=ClaimKind.EXPENSE),
            "waiting": Q(activities__claims__status__in=[ClaimStatus.SUBMITTED, ClaimStatus.QUERIED]),
        }.items()
    }
    return (
        Programme.objects.annotate(**sums, claim_count=Count("activities__claims", filter=in_year))
        .filter(claim_count__gt=0)
        .order_by("title", "pk")
    )


def spend_by_category(*, programme: Programme | None = None, year: FinancialYear) -> list[dict]:
    claims = Claim.objects.filter(COMMITTED, activity__happened_on__range=(year.start, year.end))
    if programme is not None:
        claims = claims.filter(activity__programme=programme)
    rows = list(claims.order_by().values("category").annotate(total=Sum("amount"), n=Count("pk")).order_by("-total", "category"))
    labels = dict(ClaimCategory.choices)
    return [{**row, "label": labels.get(row["category"], row["category"])} for row in rows]


# Payment files

def to_export_summary() -> dict:
    return Claim.objects.filter(status=ClaimStatus.APPROVED, export__isnull=True).order_by().aggregate(
        n=Count("pk"), total=Coalesce(Sum("amount"), ZERO)
    )


def exports() -> QuerySet[ClaimExport]:
    return ClaimExport.objects.select_related("exported_by").order_by("-exported_at", "-pk")


def export_or_404(export_id: int) -> ClaimExport:
    export = ClaimExport.objects.filter(pk=export_id).first()
    if export is None:
        raise Http404
    return export


def export_rows(export: ClaimExport) -> QuerySet[Claim]:
    """What finance must pay: claims in the file with money attached."""
    return (
        export.claims.filter(amount__gt=0)
        .select_related("claimant", "activity__programme", "decided_by")
        .order_by("claimant__full_name", "claimant_id", "pk")
    )


def current_rates() -> QuerySet[RecognitionRate]:
    return RecognitionRate.objects.filter(is_current=True).order_by("name", "pk")


def all_rates() -> QuerySet[RecognitionRate]:
    return RecognitionRate.objects.select_related("set_by").order_by("-is_current", "name", "pk")
