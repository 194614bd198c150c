"""Co-assessment of a service: a group including people who use the service looks at everything
known about it (monitoring figures, quality-visit findings, surveys, focus groups, complaints)
and agrees whether change is needed and what it looks like. The outcome goes in the decisions
log, revising the strategy or procurement decision it changes."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class CoAssessment(models.Model):
    class ChangeNeeded(models.TextChoices):
        NO = "no", "No change needed: carry on as now"
        SOME = "some", "Some change needed"
        MAJOR = "major", "Major change needed: rethink the service or the contract"

    programme = models.ForeignKey("commissioning.Programme", on_delete=models.CASCADE, related_name="co_assessments")
    contract = models.ForeignKey("monitoring.Contract", on_delete=models.CASCADE, related_name="co_assessments")
    # The group that assessed it are the activity's participants (with their member roles).
    activity = models.OneToOneField("commissioning.Activity", on_delete=models.CASCADE, related_name="co_assessment")
    looking_at_from = models.DateField()
    looking_at_to = models.DateField()
    findings = models.TextField(blank=True)
    change_needed = models.CharField(max_length=10, choices=ChangeNeeded, blank=True)
    what_change = models.TextField(blank=True)
    decision = models.OneToOneField(
        "commissioning.Decision", on_delete=models.SET_NULL, null=True, blank=True, related_name="co_assessment"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(looking_at_to__gte=models.F("looking_at_from")), name="coassessment_period_order"),
        ]

    def __str__(self) -> str:
        return self.activity.title

    @property
    def is_decided(self) -> bool:
        return self.decision_id is not None
