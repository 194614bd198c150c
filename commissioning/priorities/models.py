"""Priorities and desired outcomes (the Plan phase): members propose, comment on and support
them; the group agrees a ranked shortlist, recorded in the decisions log. Agreed outcomes make
up the outcomes framework (outcome, indicators, how measured, who measures) that monitoring
uses later. Evidence for the business case (local data, stories, anecdotes) hangs off the
programme, a story only with its teller's consent and gone from every page once withdrawn."""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone

from commissioning.models import Activity, Decision, Programme
from coproduction.core.names import NameField


class Priority(models.Model):
    """A priority or a desired outcome proposed by a member, in plain English."""

    class Kind(models.TextChoices):
        PRIORITY = "priority", "Priority"
        OUTCOME = "outcome", "Desired outcome"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="priorities")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.PRIORITY)
    title = NameField(max_length=200)
    description = models.TextField(help_text="Why it matters, in plain English.")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="proposed_priorities")
    proposed_at = models.DateTimeField(default=timezone.now)
    informed_by = models.ManyToManyField(Activity, blank=True, related_name="priorities")

    class Meta:
        ordering = ["programme", "-proposed_at", "-pk"]
        verbose_name_plural = "priorities"
        indexes = [models.Index(fields=["programme", "-proposed_at"])]

    def __str__(self) -> str:
        return self.title


class PriorityComment(models.Model):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="priority_comments")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["priority", "created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment on {self.priority}"


class Support(models.Model):
    """A member backing a priority. One per member per priority; withdrawing deletes it."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="supports")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="priority_supports")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["priority", "member"], name="one_support_per_member")]

    def __str__(self) -> str:
        return f"Support for {self.priority}"


class Shortlist(models.Model):
    """The ranked shortlist the group agreed, as recorded by a commissioner. Agreeing again makes
    a new shortlist whose decision revises the earlier one; nothing is edited."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="priority_shortlists")
    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="priority_shortlist")
    activity = models.OneToOneField(Activity, on_delete=models.PROTECT, related_name="priority_shortlist")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "-recorded_at", "-pk"]
        get_latest_by = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"Shortlist for {self.programme}"


class ShortlistEntry(models.Model):
    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="entries")
    priority = models.ForeignKey(Priority, on_delete=models.PROTECT, related_name="shortlist_entries")
    rank = models.PositiveSmallIntegerField()
    # How many members supported it when the shortlist was agreed: the evidence at the time.
    supporters = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["shortlist", "rank"]
        verbose_name_plural = "shortlist entries"
        constraints = [
            models.UniqueConstraint(fields=["shortlist", "rank"], name="one_priority_per_rank"),
            models.UniqueConstraint(fields=["shortlist", "priority"], name="one_rank_per_priority"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.priority}"


class Outcome(models.Model):
    """One outcome in the programme's outcomes framework, in people's own words."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="outcomes")
    title = NameField(max_length=300, help_text="In people's own words, for example “I have things to do that I enjoy, near where I live”.")
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=1)
    from_priority = models.ForeignKey(Priority, on_delete=models.SET_NULL, null=True, blank=True, related_name="framework_outcomes")
    informed_by = models.ManyToManyField(Activity, blank=True, related_name="outcomes")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "position", "pk"]
        indexes = [models.Index(fields=["programme", "position"])]

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    """How the group will know an outcome is happening. Monitoring attaches figures to these,
    so an indicator is retired rather than deleted, and keeps its place in the order."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="indicators")
    name = NameField(max_length=300)
    how_measured = models.TextField()
    who_measures = models.CharField(max_length=300)
    data_source = models.CharField(max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    retired_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["outcome", "position", "pk"]

    def __str__(self) -> str:
        return self.name


class OutcomeComment(models.Model):
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="outcome_comments")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["outcome", "created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment on {self.outcome}"


def evidence_file_path(evidence: "Evidence", filename: str) -> str:
    # A random name: the uploaded file's own name may say who it is about.
    return f"priorities/evidence/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class EvidenceQuerySet(models.QuerySet):
    def current(self) -> "EvidenceQuerySet":
        """Everything a page may show: a withdrawn story (or removed evidence) never appears."""
        return self.filter(withdrawn_at__isnull=True)


class Evidence(models.Model):
    """Evidence for the business case. A story is kept only with its teller's recorded consent."""

    class Kind(models.TextChoices):
        LOCAL_DATA = "local_data", "Local data"
        STORY = "story", "A story"
        ANECDOTAL = "anecdotal", "Anecdotal evidence"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=12, choices=Kind)
    title = NameField(max_length=200)
    text = models.TextField()
    source = models.CharField(max_length=300, blank=True)
    link = models.URLField(max_length=500, blank=True)
    file = models.FileField(upload_to=evidence_file_path, blank=True)
    file_type = models.CharField(max_length=10, blank=True)  # the checked extension, e.g. "pdf"
    priorities = models.ManyToManyField(Priority, blank=True, related_name="evidence")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="recorded_evidence")
    recorded_at = models.DateTimeField(default=timezone.now)
    # A story: who told it (anonymous is fine), and the consent they gave.
    told_by = models.CharField(max_length=200, blank=True)
    teller = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="told_stories",
        help_text="The teller, when it is the member's own story: they can then withdraw it themselves.",
    )
    consent_given = models.BooleanField(default=False)
    consent_given_on = models.DateField(null=True, blank=True)
    consent_how = models.CharField(max_length=300, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "-recorded_at", "-pk"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="story") | models.Q(consent_given=True, consent_given_on__isnull=False) | models.Q(withdrawn_at__isnull=False),
                name="story_has_consent",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_story(self) -> bool:
        return self.kind == self.Kind.STORY
