"""Bids and scoring on a procurement panel.

A bidder's response to each agreed question is typed in or uploaded (PDF or Word), stored under a
random name and only ever served through a view that checks panel membership and conflicts.
Each member scores each response alone, with a reason; a submitted score never changes, so the
first, independent judgement is always there to compare with. The chair then records one
moderated score per response with its rationale, beside (never instead of) the members' scores.
Price is one of the published criteria: a procurement officer enters each bid's price, apart from
the quality panel, and its score is worked out by the published formula, never typed. After the
award nothing is changed; anyone on the panel may add an annotation instead."""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone

__all__ = ["BidResponse", "Score", "ModeratedScore", "PriceScore", "AwardRecommendation", "Annotation", "bid_file_path"]


def bid_file_path(response: "BidResponse", filename: str) -> str:
    # A random name: nothing about the bidder or the file's own name ends up on disk.
    return f"panels/bids/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class BidResponse(models.Model):
    class FileType(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word document (DOCX)"

    bidder = models.ForeignKey("panels.Bidder", on_delete=models.CASCADE, related_name="responses")
    question = models.ForeignKey("panels.PanelQuestion", on_delete=models.PROTECT, related_name="responses")
    text = models.TextField(blank=True)
    # Private storage: MEDIA_ROOT is never served; panels:response_file checks who asks.
    file = models.FileField(upload_to=bid_file_path, blank=True)
    file_type = models.CharField(max_length=10, choices=FileType, blank=True)
    file_size = models.PositiveIntegerField(null=True, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["bidder__name", "question__position", "question_id"]
        constraints = [
            models.UniqueConstraint(fields=["bidder", "question"], name="one_response_per_bidder_question"),
            models.CheckConstraint(condition=~models.Q(text="") | ~models.Q(file=""), name="response_has_text_or_file"),
        ]

    def __str__(self) -> str:
        return f"{self.bidder}: {self.question}"


class Score(models.Model):
    """One member's own score for one response. Written once: never edited or overwritten."""

    response = models.ForeignKey(BidResponse, on_delete=models.PROTECT, related_name="scores")
    member = models.ForeignKey("panels.PanelMember", on_delete=models.PROTECT, related_name="scores")
    value = models.PositiveSmallIntegerField()
    reason = models.TextField()
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["response", "member"], name="one_score_per_member_response"),
            models.CheckConstraint(condition=~models.Q(reason=""), name="score_has_reason"),
        ]
        indexes = [models.Index(fields=["member", "response"], name="panel_score_member_idx")]

    def __str__(self) -> str:
        return f"Score {self.value} for {self.response}"


class ModeratedScore(models.Model):
    """The score the panel agreed at moderation, with why. The members' scores stay as they were."""

    response = models.OneToOneField(BidResponse, on_delete=models.PROTECT, related_name="moderated")
    value = models.PositiveSmallIntegerField()
    rationale = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [models.CheckConstraint(condition=~models.Q(rationale=""), name="moderated_score_has_rationale")]

    def __str__(self) -> str:
        return f"Moderated score {self.value} for {self.response}"


class PriceScore(models.Model):
    """A bid's price, entered by a procurement officer apart from the quality panel. Its score is
    computed from the prices (see EvaluationCriterion.PRICE_FORMULA). A price recorded before
    prices were entered as amounts may be empty: it then counts as not entered."""

    bidder = models.OneToOneField("panels.Bidder", on_delete=models.PROTECT, related_name="price_score")
    bid_price = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    notes = models.TextField(blank=True)
    entered_by = models.ForeignKey("panels.PanelMember", on_delete=models.PROTECT, related_name="price_scores")
    entered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(bid_price__isnull=True) | models.Q(bid_price__gt=0), name="bid_price_above_zero"
            ),
        ]

    def __str__(self) -> str:
        return f"Price score for {self.bidder}"


class AwardRecommendation(models.Model):
    """Which bidder the panel recommends and why; the decision itself is in the programme's log."""

    panel = models.OneToOneField("panels.Panel", on_delete=models.CASCADE, related_name="recommendation")
    bidder = models.ForeignKey("panels.Bidder", on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    decision = models.OneToOneField("commissioning.Decision", on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Award recommendation of {self.panel}"


class Annotation(models.Model):
    """A note added after the award, since scores then cannot change. About the panel or one response."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="annotations")
    response = models.ForeignKey(BidResponse, on_delete=models.PROTECT, null=True, blank=True, related_name="annotations")
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="panel_annotations")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Note on {self.panel}"
