"""The recognition and expenses ledger. Every involvement (any commissioning Activity: a panel,
a workshop, a monitoring meeting, a quality visit, a peer research interview, training
co-delivered) can carry recognition (the council's rate, a voucher, accreditation, training)
and expenses (travel, childcare, a personal assistant's or carer's time). These are ordinary
costs of good engagement, so they are recorded like any other cost and exported for payment."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coproduction.core.money import money_text
from coproduction.core.names import NameField

__all__ = ["ClaimKind", "ClaimCategory", "ClaimStatus", "RecognitionRate", "ClaimExport", "Claim"]


class ClaimKind(models.TextChoices):
    RECOGNITION = "recognition", "Recognition for time given"
    EXPENSE = "expense", "Expenses"


class ClaimCategory(models.TextChoices):
    PAYMENT = "payment", "Payment at the council's rate"
    VOUCHER = "voucher", "Voucher"
    ACCREDITATION = "accreditation", "Accreditation or a reference for a CV"
    TRAINING = "training", "Training"
    TRAVEL = "travel", "Travel"
    CHILDCARE = "childcare", "Childcare"
    PERSONAL_ASSISTANT = "personal_assistant", "A personal assistant's or carer's time"
    OTHER = "other", "Other"


# Which kind each category belongs to: the ledger shows recognition and expenses apart because
# expenses do not affect benefits and payments or vouchers may.
CATEGORY_KIND: dict[str, str] = {
    ClaimCategory.PAYMENT: ClaimKind.RECOGNITION,
    ClaimCategory.VOUCHER: ClaimKind.RECOGNITION,
    ClaimCategory.ACCREDITATION: ClaimKind.RECOGNITION,
    ClaimCategory.TRAINING: ClaimKind.RECOGNITION,
    ClaimCategory.TRAVEL: ClaimKind.EXPENSE,
    ClaimCategory.CHILDCARE: ClaimKind.EXPENSE,
    ClaimCategory.PERSONAL_ASSISTANT: ClaimKind.EXPENSE,
}


class ClaimStatus(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for approval"
    APPROVED = "approved", "Approved"
    QUERIED = "queried", "Queried"
    PAID = "paid", "Sent for payment"


class RecognitionRate(models.Model):
    """A rate the council pays for time given, set by a commissioner (for example £20 an hour
    for a panel member). Rates change: a retired rate stays on the claims that used it."""

    class Unit(models.TextChoices):
        HOUR = "hour", "an hour"
        SESSION = "session", "a session"
        DAY = "day", "a day"

    name = NameField(max_length=120, help_text="For example, “Procurement panel member”.")
    unit = models.CharField(max_length=10, choices=Unit, default=Unit.HOUR)
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    is_current = models.BooleanField(default=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-is_current", "name"]
        constraints = [models.CheckConstraint(condition=models.Q(amount__gte=0), name="rate_not_negative")]

    def __str__(self) -> str:
        return f"{self.name}: {money_text(self.amount)} {self.get_unit_display()}"


class ClaimExport(models.Model):
    """One batch of approved claims sent to the finance system as a CSV file."""

    exported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    exported_at = models.DateTimeField(default=timezone.now)
    claim_count = models.PositiveIntegerField(default=0)
    total = models.DecimalField(max_digits=12, decimal_places=2, default=0)

    class Meta:
        ordering = ["-exported_at", "-pk"]

    def __str__(self) -> str:
        return f"Payment file {self.pk}"


class Claim(models.Model):
    claimant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="involvement_claims")
    activity = models.ForeignKey("commissioning.Activity", on_delete=models.PROTECT, related_name="claims")
    kind = models.CharField(max_length=12, choices=ClaimKind)
    category = models.CharField(max_length=20, choices=ClaimCategory)
    # Zero is allowed: accreditation, training or a reference carry recognition without money.
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    rate = models.ForeignKey(RecognitionRate, on_delete=models.PROTECT, null=True, blank=True, related_name="claims")
    units = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=ClaimStatus, default=ClaimStatus.SUBMITTED)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    query_reason = models.TextField(blank=True)
    export = models.ForeignKey(ClaimExport, on_delete=models.PROTECT, null=True, blank=True, related_name="claims")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="claim_amount_not_negative"),
            models.UniqueConstraint(fields=["claimant", "activity", "category"], name="one_claim_per_category"),
        ]
        indexes = [
            models.Index(fields=["claimant", "created_at"]),
            models.Index(fields=["status"], condition=models.Q(status="approved", export__isnull=True), name="claim_to_export_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} for {self.activity}"

    @property
    def is_money(self) -> bool:
        return self.amount > 0

    @property
    def may_affect_benefits(self) -> bool:
        # Expenses do not count as earnings; payments and vouchers may.
        return self.kind == ClaimKind.RECOGNITION and self.amount > 0
