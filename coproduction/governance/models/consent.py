"""Consents a person has given or withdrawn.

The register is append-only: giving and withdrawing are separate rows, never edited, so it
shows what was agreed, to which wording, when and who recorded it. Whether a consent stands
now is the latest row for its `subject_key`."""

from django.conf import settings
from django.db import models
from django.utils import timezone

__all__ = ["Consent"]


class Consent(models.Model):
    class Purpose(models.TextChoices):
        REPRESENTATIVE_SEES_PLAN = "representative_plan", "A representative may see their plan"
        STORY_SHARED = "story_shared", "A story shared beyond the team"
        REVIEW_STATEMENTS = "review_statements", "What they say in reviews used for Working Together for Change"
        INVOLVEMENT_PROFILE = "involvement_profile", "Their involvement profile and equality answers held"
        EVIDENCE_STORY = "evidence_story", "Their story used as evidence in commissioning"

    class Event(models.TextChoices):
        GIVEN = "given", "Given"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class GivenBy(models.TextChoices):
        PERSON = "person", "The person themselves"
        REPRESENTATIVE = "representative", "Their representative, on their behalf"
        PRACTITIONER = "practitioner", "The practitioner (their own story)"
        ACCOUNT_HOLDER = "account_holder", "The account holder"

    purpose = models.CharField(max_length=30, choices=Purpose)
    event = models.CharField(max_length=10, choices=Event)
    # One consent across its history: "representative:12", "story:5", "review_statements:person:3", ...
    subject_key = models.CharField(max_length=60)
    # Whose consent it is: a person with a record, or (for a practitioner's story or an
    # involvement profile of someone without a record) the account holder.
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="consents")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="consents_as_subject"
    )
    # What it is about, where there is a record: the history outlives a deleted story.
    representative = models.ForeignKey(
        "people.Representative", on_delete=models.SET_NULL, null=True, blank=True, related_name="consents"
    )
    story = models.ForeignKey("checklist.SharedStory", on_delete=models.SET_NULL, null=True, blank=True, related_name="consents")
    evidence = models.ForeignKey(
        "priorities.Evidence", on_delete=models.SET_NULL, null=True, blank=True, related_name="consents"
    )
    given_by = models.CharField(max_length=20, choices=GivenBy, blank=True)
    wording_version = models.CharField(max_length=60)
    wording = models.TextField(blank=True)  # the exact words shown, copied so a later edit never rewrites history
    notes = models.TextField(blank=True, max_length=2000)  # how it was given, or why it was withdrawn
    # Empty only for consents recorded before the register, where nobody can now say who.
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | models.Q(user__isnull=False), name="consent_has_subject"
            ),
        ]
        indexes = [
            models.Index(fields=["person", "-recorded_at"], name="consent_person_idx"),
            models.Index(fields=["user", "-recorded_at"], name="consent_user_idx"),
            models.Index(fields=["subject_key", "-id"], name="consent_key_idx"),
        ]

    def __str__(self) -> str:
        return f"Consent {self.get_event_display().lower()}: {self.get_purpose_display()}"
