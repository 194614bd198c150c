"""Surveys and focus groups in a programme's review: what people who use a service say about it.

A survey is shared with the programme's group (members answer signed in) and, if chosen, by a
link anyone can open without signing in. Results are counted in the database and shown only
when enough people have answered that no answer points at one person."""

import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from coproduction.core.names import NameField


def new_share_token() -> str:
    return secrets.token_urlsafe(24)


class Survey(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Being written"
        OPEN = "open", "Open for answers"
        CLOSED = "closed", "Closed"

    programme = models.ForeignKey("commissioning.Programme", on_delete=models.CASCADE, related_name="surveys")
    activity = models.OneToOneField("commissioning.Activity", on_delete=models.CASCADE, related_name="survey")
    # The service it asks about, if one (co-assessment brings its results together).
    contract = models.ForeignKey("monitoring.Contract", on_delete=models.SET_NULL, null=True, blank=True, related_name="surveys")
    title = NameField(max_length=200)
    intro = models.TextField(blank=True)
    anonymous = models.BooleanField(default=True, help_text="Nobody can see who gave which answers.")
    shared_by_link = models.BooleanField(default=False)
    share_token = models.CharField(max_length=64, unique=True, default=new_share_token)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["programme", "-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class SurveyQuestion(models.Model):
    class Kind(models.TextChoices):
        RADIOS = "radios", "Choose one answer"
        CHECKBOXES = "checkboxes", "Choose all that apply"
        SHORT_TEXT = "short_text", "A short answer in their own words"
        LONG_TEXT = "long_text", "A longer answer in their own words"
        SCALE = "scale", "A scale from 1 to 5"

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=1)
    kind = models.CharField(max_length=12, choices=Kind)
    text = models.CharField(max_length=300)
    hint = models.CharField(max_length=300, blank=True)
    options = ArrayField(models.CharField(max_length=200), default=list, blank=True)
    required = models.BooleanField(default=True)

    class Meta:
        ordering = ["survey", "position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def has_options(self) -> bool:
        return self.kind in (self.Kind.RADIOS, self.Kind.CHECKBOXES)

    @property
    def is_text(self) -> bool:
        return self.kind in (self.Kind.SHORT_TEXT, self.Kind.LONG_TEXT)


class SurveyResponse(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    # Only for a named survey answered signed in; empty when anonymous or answered by link.
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="survey_responses"
    )
    submitted_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["survey", "pk"]


class SurveyParticipation(models.Model):
    """That a member answered (so they answer once), kept apart from what they answered."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="survey_participations")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "user"], name="survey_answer_once")]


class SurveyAnswer(models.Model):
    """One answer to one question; a checkbox question has one row per option chosen."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    option = models.CharField(max_length=200, blank=True)
    number = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["question", "pk"]
        indexes = [models.Index(fields=["question", "option"], name="survey_answer_option_idx")]


class FocusGroup(models.Model):
    """A focus group held about a service: the themes people raised, and how many said so."""

    programme = models.ForeignKey("commissioning.Programme", on_delete=models.CASCADE, related_name="focus_groups")
    activity = models.OneToOneField("commissioning.Activity", on_delete=models.CASCADE, related_name="focus_group")
    contract = models.ForeignKey("monitoring.Contract", on_delete=models.SET_NULL, null=True, blank=True, related_name="focus_groups")
    people_count = models.PositiveIntegerField()

    class Meta:
        ordering = ["programme", "-pk"]

    def __str__(self) -> str:
        return self.activity.title


class FocusGroupTheme(models.Model):
    focus_group = models.ForeignKey(FocusGroup, on_delete=models.CASCADE, related_name="themes")
    theme = models.CharField(max_length=200)
    what_people_said = models.TextField(blank=True)
    people_count = models.PositiveIntegerField()
    suggestion = models.TextField(blank=True)

    class Meta:
        ordering = ["focus_group", "-people_count", "pk"]

    def __str__(self) -> str:
        return self.theme
