"""The commissioning team's Spectrum of Practice self-assessment, in rounds over time, and a
practitioner's private "doing with, not doing to" self-check. The steps themselves are data
in commissioning/involvement/spectrum.py; rows store the step's key."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coproduction.core.names import NameField

from ..spectrum import PRACTICE_ANSWERS, RATING_CHOICES

__all__ = ["AssessmentRound", "StepRating", "SelfCheck", "SelfCheckAnswer"]


class AssessmentRound(models.Model):
    """One sitting of the self-assessment. People with lived experience assess alongside staff:
    those with accounts are chosen as assessors; others are recorded by name or role."""

    title = NameField(max_length=200, help_text="For example, “Spring 2026 review”.")
    assessed_on = models.DateField(default=timezone.localdate)
    assessors = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="assessment_rounds")
    other_assessors = models.TextField(
        blank=True, help_text="People without an account who took part: a name or role on each line."
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-assessed_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def other_assessor_list(self) -> list[str]:
        return [line.strip() for line in self.other_assessors.splitlines() if line.strip()]


class StepRating(models.Model):
    assessment_round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="ratings")
    step_key = models.CharField(max_length=40)
    rating = models.CharField(max_length=20, choices=RATING_CHOICES)
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["assessment_round", "pk"]
        constraints = [models.UniqueConstraint(fields=["assessment_round", "step_key"], name="one_rating_per_step")]

    def __str__(self) -> str:
        return f"{self.step_key}: {self.get_rating_display()}"


class SelfCheck(models.Model):
    """A practitioner's check of their own practice. Private: their team manager sees only team
    totals, never one practitioner's answers."""

    practitioner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="self_checks")
    # The team at the time, so the team totals do not move when someone changes team.
    team = models.ForeignKey("accounts.Team", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    completed_on = models.DateField(default=timezone.localdate)
    will_change = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-completed_on", "-pk"]

    def __str__(self) -> str:
        return f"Self-check of {self.completed_on:%-d %B %Y}"

    def answers_text(self) -> str:
        """Every answer in plain words, for the person's own data download."""
        from ..spectrum import PRACTICE_ANSWER_NAMES, PRACTICE_BY_KEY

        return "; ".join(
            f"{PRACTICE_BY_KEY[a.step_key].text} {PRACTICE_ANSWER_NAMES.get(a.answer, a.answer)}"
            for a in self.answers.all() if a.step_key in PRACTICE_BY_KEY
        )


class SelfCheckAnswer(models.Model):
    self_check = models.ForeignKey(SelfCheck, on_delete=models.CASCADE, related_name="answers")
    step_key = models.CharField(max_length=40)
    answer = models.CharField(max_length=10, choices=PRACTICE_ANSWERS)

    class Meta:
        ordering = ["self_check", "pk"]
        constraints = [models.UniqueConstraint(fields=["self_check", "step_key"], name="one_answer_per_practice_step")]

    def __str__(self) -> str:
        return f"{self.step_key}: {self.get_answer_display()}"
