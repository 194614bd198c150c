"""Reaching beyond the usual voices: who took part, in what kind of activity, and (in aggregate)
their equality profile as it was when they took part; the local population figures the council
compares it with; and the peer researchers it recruits and trains."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from commissioning.models import ActivityKind

from .profile import EQUALITY_QUESTIONS, EqualityAnswers

__all__ = ["ActivityMode", "KIND_MODES", "LocalPopulationFigure", "Participation", "PeerResearcher", "mode_for_kind"]


class ActivityMode(models.TextChoices):
    """How an activity reaches people (seed 002: not only meetings)."""

    MEETING = "meeting", "Meetings, events and panels"
    ONLINE = "online", "Online or by phone"
    OUTREACH = "outreach", "Going to where people are"
    REVIEW = "review", "Using reviews and what people already told us"


# Each kind of activity reaches people in one main way. Kinds not named here are meetings.
KIND_MODES = {
    ActivityKind.COMMUNITY_CONVERSATION: ActivityMode.OUTREACH,
    ActivityKind.PEER_RESEARCH: ActivityMode.OUTREACH,
    ActivityKind.QUALITY_VISIT: ActivityMode.OUTREACH,
    ActivityKind.ASSET_MAPPING: ActivityMode.OUTREACH,
    ActivityKind.SURVEY: ActivityMode.ONLINE,
    ActivityKind.WORKING_TOGETHER_FOR_CHANGE: ActivityMode.REVIEW,
    ActivityKind.CO_ASSESSMENT: ActivityMode.REVIEW,
}


def mode_for_kind(kind: str) -> str:
    return KIND_MODES.get(kind, ActivityMode.MEETING).value


class Participation(EqualityAnswers):
    """A snapshot taken when someone is added to an activity's participants: the equality answers
    in their profile at that moment, so later changes to the profile do not rewrite history.
    Removed again if they are taken off the activity (it was recorded by mistake)."""

    activity = models.ForeignKey("commissioning.Activity", on_delete=models.CASCADE, related_name="participation_snapshots")
    programme = models.ForeignKey("commissioning.Programme", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="involvement_participations")
    mode = models.CharField(max_length=20, choices=ActivityMode)
    # The day they took part: the activity's date, or the day they were added if it had none.
    took_part_on = models.DateField(default=timezone.localdate)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-took_part_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["activity", "user"], name="one_snapshot_per_participant")]
        indexes = [
            models.Index(fields=["programme", "took_part_on"], name="participation_programme_idx"),
            models.Index(fields=["user", "took_part_on"], name="participation_user_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} took part in {self.activity}"


class LocalPopulationFigure(models.Model):
    """How many residents gave each answer (for example from the 2021 Census), entered by the
    council, to compare the people taking part with the area."""

    QUESTION_CHOICES = [(field, short) for field, _question, short, _choices in EQUALITY_QUESTIONS]

    question = models.CharField(max_length=30, choices=QUESTION_CHOICES)
    answer = models.CharField(max_length=30)
    people = models.PositiveIntegerField()
    source = models.CharField(max_length=200, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["question", "answer"]
        constraints = [models.UniqueConstraint(fields=["question", "answer"], name="one_population_figure_per_answer")]

    def __str__(self) -> str:
        return f"{self.get_question_display()}: {self.answer}"


class PeerResearcher(models.Model):
    """Someone recruited and trained to interview their peers for a programme. Their interviews
    are the programme's peer research activities they take part in."""

    programme = models.ForeignKey("commissioning.Programme", on_delete=models.CASCADE, related_name="peer_researchers")
    member = models.ForeignKey("commissioning.GroupMember", on_delete=models.PROTECT, related_name="+")
    recruited_on = models.DateField(default=timezone.localdate)
    trained_on = models.DateField(null=True, blank=True)
    training_notes = models.TextField(blank=True, max_length=2000)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "member__user__full_name", "pk"]
        constraints = [models.UniqueConstraint(fields=["programme", "member"], name="one_peer_researcher_per_member")]

    def __str__(self) -> str:
        return f"{self.member.user} (peer researcher)"
