"""Retention runs, records already anonymised, and erasure requests.

A run is the nightly (or a manual) pass over the retention schedule: it keeps counts per
record type, never names. A record anonymised in place stays in its table for the council's
statistics; `AnonymisedRecord` says it is done, so a later run leaves it alone."""

from django.conf import settings
from django.db import models
from django.utils import timezone

__all__ = ["RetentionRun", "AnonymisedRecord", "ErasureRequest"]


class RetentionRun(models.Model):
    class Trigger(models.TextChoices):
        SCHEDULE = "schedule", "The nightly run"
        COMMAND = "command", "Run by hand on the server"
        ERASURE = "erasure", "An erasure request"

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    dry_run = models.BooleanField(default=False)
    trigger = models.CharField(max_length=20, choices=Trigger, default=Trigger.SCHEDULE)
    # {record type: number anonymised or deleted}: counts only, never who.
    counts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"Retention run {self.pk}"

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class AnonymisedRecord(models.Model):
    """A record whose personal details were removed, kept for counts. Marks it done."""

    record_type = models.CharField(max_length=40)
    record_id = models.BigIntegerField()
    run = models.ForeignKey(RetentionRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    done_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["record_type", "record_id"], name="anonymised_record_unique")]


class ErasureRequest(models.Model):
    """Someone asked for their personal data to be erased (UK GDPR Article 17). Erasure does
    not apply where the council must keep the data (Article 17(3)); the ground is recorded."""

    class Ground(models.TextChoices):
        NONE = "none", "None of these applies: erase what we hold"
        LEGAL_OBLIGATION = "legal_obligation", (
            "A legal obligation: the council must keep the care record (open, or within its retention period)"
        )
        PUBLIC_TASK = "public_task", "A task in the public interest or official authority (the council's social care duties)"
        PUBLIC_HEALTH = "public_health", "Public health, or health and social care provision"
        LEGAL_CLAIMS = "legal_claims", "Needed to make or defend a legal claim"

    class Status(models.TextChoices):
        AWAITING = "awaiting", "Waiting for confirmation"
        ERASED = "erased", "Erased"
        REFUSED = "refused", "Refused: the council must keep the record"

    # Whose data: their care record, or (for someone with no care record, such as a resident who
    # took part in commissioning) their account.
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="erasure_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="erasure_requests"
    )
    received_on = models.DateField()
    reason = models.TextField(max_length=2000)
    ground = models.CharField(max_length=30, choices=Ground)
    status = models.CharField(max_length=20, choices=Status, default=Status.AWAITING)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    done_at = models.DateTimeField(null=True, blank=True)
    run = models.ForeignKey(RetentionRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # What was done, as counts per record type.
    counts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | models.Q(user__isnull=False), name="erasure_about_someone"
            ),
        ]

    def __str__(self) -> str:
        return f"Erasure request {self.pk}"

    @property
    def about(self) -> str:
        """How the pages name what is erased: numbers only, as on the person's record."""
        return f"care record {self.person_id}" if self.person_id else f"account {self.user_id}"
