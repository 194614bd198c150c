"""Writing the recognition and expenses ledger. Every write checks its input here (not only in
the form), because panels and monitoring enter claims for their members through claim_enter
too. Bad input raises ValidationError with field names, and nothing is saved."""

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from commissioning.models import Activity
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record, audit_record_many

from ..models.ledger import (
    CATEGORY_KIND,
    Claim,
    ClaimCategory,
    ClaimExport,
    ClaimKind,
    ClaimStatus,
    RecognitionRate,
)
from . import notices

MAX_AMOUNT = Decimal("999999.99")
DUPLICATE_MESSAGE = "There is already a claim for {category} for this activity. Change that claim instead of making a new one"


def claim_deadline(activity: Activity) -> date | None:
    """The last day a claim for the activity may be made; None while it has not happened."""
    if activity.happened_on is None:
        return None
    return activity.happened_on + timedelta(days=settings.CLAIM_DEADLINE_DAYS)


def _money(value, field: str = "amount") -> Decimal:
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError({field: "Enter the amount in pounds and pence, like 12.50"}) from None
    if amount < 0:
        raise ValidationError({field: "The amount must be £0 or more"})
    if amount > MAX_AMOUNT:
        raise ValidationError({field: "The amount must be less than £1,000,000"})
    return amount


def _check(*, activity: Activity, kind: str, category: str, today: date | None = None) -> None:
    errors = {}
    if category not in ClaimCategory.values:
        errors["category"] = "Choose what the claim is for"
    elif kind not in ClaimKind.values or CATEGORY_KIND.get(category, kind) != kind:
        errors["category"] = "Choose recognition or expenses to match what the claim is for"
    deadline = claim_deadline(activity)
    today = today or timezone.localdate()
    if deadline is not None and today > deadline:
        errors["activity"] = (
            f"Claims for this activity had to be made by {deadline:%-d %B %Y}, "
            f"{settings.CLAIM_DEADLINE_DAYS} days after it happened"
        )
    if errors:
        raise ValidationError(errors)


def _duplicate(category: str) -> ValidationError:
    label = ClaimCategory(category).label.lower() if category in ClaimCategory.values else "this"
    return ValidationError({"category": DUPLICATE_MESSAGE.format(category=label)})


@transaction.atomic
def claim_enter(
    *,
    by,
    claimant,
    activity: Activity,
    kind: str | None = None,
    category: str,
    amount,
    description: str = "",
    rate: RecognitionRate | None = None,
    units=None,
    request=None,
) -> Claim:
    """A claim made by the person for an activity they took part in, or entered for them by the
    organiser. Kind follows from the category when not given."""
    kind = kind or CATEGORY_KIND.get(category, ClaimKind.EXPENSE)
    amount = _money(amount)
    _check(activity=activity, kind=kind, category=category)
    if units is not None:
        units = _money(units, "units")
    if Claim.objects.filter(claimant=claimant, activity=activity, category=category).exists():
        raise _duplicate(category)
    try:
        # A savepoint, so a claim made twice at the same moment fails cleanly, not half-saved.
        with transaction.atomic():
            claim = Claim.objects.create(
                claimant=claimant,
                activity=activity,
                kind=kind,
                category=category,
                amount=amount,
                rate=rate,
                units=units,
                description=description,
                entered_by=by,
            )
    except IntegrityError:
        raise _duplicate(category) from None
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=claim, subject=claimant, request=request)
    return claim


def _locked(claim: Claim) -> Claim:
    return Claim.objects.select_for_update().get(pk=claim.pk)


@transaction.atomic
def claim_update(
    *, claim: Claim, by, category: str, amount, description: str = "", rate=None, units=None, request=None
) -> Claim:
    """Change a claim that is waiting or queried. Changing a queried claim sends it back for approval."""
    locked = _locked(claim)
    if locked.status not in (ClaimStatus.SUBMITTED, ClaimStatus.QUERIED):
        raise ValidationError("This claim has been approved and can no longer be changed")
    kind = CATEGORY_KIND.get(category, locked.kind)
    amount = _money(amount)
    # The deadline is for new claims; answering a query on a claim made in time is allowed.
    _check(activity=locked.activity, kind=kind, category=category, today=locked.created_at.date())
    if (
        category != locked.category
        and Claim.objects.filter(claimant=locked.claimant, activity=locked.activity, category=category).exists()
    ):
        raise _duplicate(category)
    locked.kind, locked.category, locked.amount, locked.description = kind, category, amount, description
    locked.rate, locked.units = rate, (_money(units, "units") if units is not None else None)
    locked.status = ClaimStatus.SUBMITTED
    locked.save()
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, subject=locked.claimant, request=request)
    return locked


@transaction.atomic
def claim_approve(*, claim: Claim, by, request=None) -> Claim:
    locked = _locked(claim)
    if locked.status == ClaimStatus.PAID:
        raise ValidationError("This claim has already been sent for payment")
    locked.status, locked.decided_by, locked.decided_at, locked.query_reason = ClaimStatus.APPROVED, by, timezone.now(), ""
    locked.save(update_fields=["status", "decided_by", "decided_at", "query_reason", "updated_at"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, subject=locked.claimant, request=request, detail="approved")
    notices.claim_approved(claim=locked)
    return locked


@transaction.atomic
def claim_query(*, claim: Claim, by, reason: str, request=None) -> Claim:
    """Ask the person about a claim instead of approving it; they can change it and send it back."""
    if not reason.strip():
        raise ValidationError({"reason": "Enter what you need to know about the claim"})
    locked = _locked(claim)
    if locked.status == ClaimStatus.PAID:
        raise ValidationError("This claim has already been sent for payment")
    locked.status, locked.decided_by, locked.decided_at = ClaimStatus.QUERIED, by, timezone.now()
    locked.query_reason = reason.strip()
    locked.save(update_fields=["status", "decided_by", "decided_at", "query_reason", "updated_at"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, subject=locked.claimant, request=request, detail="queried")
    notices.claim_queried(claim=locked)
    return locked


@transaction.atomic
def claims_export(*, by, request=None) -> ClaimExport | None:
    """Put every approved claim not yet exported into one payment file and mark them sent for
    payment. Claims with no money (accreditation, a reference) are marked too, so the approved
    list empties, but the file holds only what finance must pay. None when there is nothing."""
    claims = list(
        Claim.objects.select_for_update().filter(status=ClaimStatus.APPROVED, export__isnull=True).order_by("pk")
    )
    if not claims:
        return None
    export = ClaimExport.objects.create(exported_by=by, claim_count=len(claims), total=sum(c.amount for c in claims))
    Claim.objects.filter(pk__in=[c.pk for c in claims]).update(
        status=ClaimStatus.PAID, export=export, updated_at=timezone.now()
    )
    audit_record_many(
        actor=by, action=AuditEvent.Action.EXPORT, objects=claims, subject_of=lambda c: c.claimant, request=request,
        detail="payment file",
    )
    return export


@transaction.atomic
def rate_create(*, by, name: str, unit: str, amount) -> RecognitionRate:
    amount = _money(amount)
    return RecognitionRate.objects.create(name=name, unit=unit, amount=amount, set_by=by)


@transaction.atomic
def rate_retire(*, rate: RecognitionRate, by) -> RecognitionRate:
    rate.is_current = False
    rate.save(update_fields=["is_current"])
    return rate


def export_total(export: ClaimExport) -> Decimal:
    return export.claims.aggregate(total=Sum("amount"))["total"] or Decimal("0")
