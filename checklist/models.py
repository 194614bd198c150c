"""The co-production checklist: the TLAP care-and-support-planning statements, rated 1 to 5
by people (how planning felt) and by practitioners (their own practice), and what teams do
with the answers: survey rounds, goals and stories of good practice."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from coproduction.accounts.models import Team
from coproduction.core.names import NameField


class StatementSet(models.Model):
    """One published version of the statements. Never edited once published: a corrected
    wording is a new version, and every checklist keeps the version it was made against."""

    version = models.PositiveSmallIntegerField(unique=True)
    title = NameField(max_length=200)
    source = models.CharField(max_length=300)
    source_url = models.URLField(blank=True)
    # Whether the wording has been checked against the TLAP guide itself, not a copy of it.
    wording_checked = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"


class Statement(models.Model):
    class Part(models.TextChoices):
        PLANNING = "planning", "Care and support planning"
        REVIEW = "review", "Reviews"

    statement_set = models.ForeignKey(StatementSet, on_delete=models.PROTECT, related_name="statements")
    number = models.PositiveSmallIntegerField()
    part = models.CharField(max_length=10, choices=Part, default=Part.PLANNING)
    wording = models.TextField()
    plain_wording = models.TextField(help_text="Easy Read wording")

    class Meta:
        ordering = ["statement_set", "number"]
        constraints = [models.UniqueConstraint(fields=["statement_set", "number"], name="statement_unique_number")]

    def __str__(self) -> str:
        return f"Statement {self.number}"


SCORE_LABELS = {
    1: "Not at all",
    2: "A little",
    3: "Some of the time",
    4: "Mostly",
    5: "Always, completely",
}


class SurveyRound(models.Model):
    """A checklist survey for one team, or the whole council when team is empty."""

    title = NameField(max_length=200)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="survey_rounds")
    opens_on = models.DateField()
    closes_on = models.DateField()
    statement_set = models.ForeignKey(StatementSet, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opens_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes_on__gte=models.F("opens_on")), name="round_closes_after_opening"),
        ]

    def __str__(self) -> str:
        return self.title

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on


class Perspective(models.TextChoices):
    PERSON = "person", "The person's view"
    PRACTITIONER = "practitioner", "The practitioner's view of their own practice"


class Checklist(models.Model):
    """One completion of the checklist: a draft until submitted, read-only after."""

    class CompletedWith(models.TextChoices):
        SELF = "self", "Completed on their own"
        REPRESENTATIVE = "representative", "Completed by a representative on the person's behalf"
        PRACTITIONER = "practitioner", "Completed with the practitioner during a visit or review"

    statement_set = models.ForeignKey(StatementSet, on_delete=models.PROTECT, related_name="checklists")
    # Planning: the ten-statement checklist. Review: the person's two questions about a review.
    part = models.CharField(max_length=10, choices=Statement.Part, default=Statement.Part.PLANNING)
    review = models.ForeignKey("careplans.Review", on_delete=models.PROTECT, null=True, blank=True, related_name="checklists")
    perspective = models.CharField(max_length=20, choices=Perspective)
    # The person whose planning is rated; empty for a practitioner's reflection in general.
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="checklists")
    plan = models.ForeignKey("careplans.CarePlan", on_delete=models.PROTECT, null=True, blank=True, related_name="checklists")
    # Person's view: their practitioner at the time. Practitioner's view: who is reflecting.
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="checklists_about_practice"
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="checklists")
    survey_round = models.ForeignKey(SurveyRound, on_delete=models.PROTECT, null=True, blank=True, related_name="checklists")
    completed_with = models.CharField(max_length=20, choices=CompletedWith, default=CompletedWith.SELF)
    representative = models.ForeignKey(
        "people.Representative", on_delete=models.PROTECT, null=True, blank=True, related_name="checklists"
    )
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="checklists_entered")
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [
            models.Index(fields=["person", "perspective", "submitted_at"], name="checklist_person_idx"),
            models.Index(fields=["practitioner", "perspective", "submitted_at"], name="checklist_practitioner_idx"),
            models.Index(fields=["entered_by"], name="checklist_draft_idx", condition=models.Q(submitted_at__isnull=True)),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(perspective="practitioner") | models.Q(person__isnull=False), name="checklist_person_view_has_person"
            ),
        ]

    def __str__(self) -> str:
        return f"Checklist ({self.get_perspective_display()})"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Rating(models.Model):
    """One answer. Only answered statements have a row; a skipped one says why."""

    class Skipped(models.TextChoices):
        PREFER_NOT = "prefer_not", "Prefer not to say"
        NOT_APPLICABLE = "not_applicable", "Does not apply"

    checklist = models.ForeignKey(Checklist, on_delete=models.CASCADE, related_name="ratings")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="ratings")
    score = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)])
    skipped = models.CharField(max_length=20, choices=Skipped, blank=True)
    comment = models.TextField(blank=True)  # a story or comment, in their own words
    # Copied from the checklist when it is submitted (empty until then), so the dashboards
    # read one table through one covering index whatever the number of ratings.
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    perspective = models.CharField(max_length=20, choices=Perspective, blank=True)
    submitted_on = models.DateField(null=True, blank=True)
    plan = models.ForeignKey("careplans.CarePlan", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    practitioner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        # No default ordering: it would join the statements into every total the dashboards count.
        constraints = [
            models.UniqueConstraint(fields=["checklist", "statement"], name="rating_one_per_statement"),
            models.CheckConstraint(
                condition=(models.Q(score__gte=1, score__lte=5, skipped="") | models.Q(score__isnull=True) & ~models.Q(skipped="")),
                name="rating_score_or_reason",
            ),
        ]
        indexes = [
            models.Index(
                fields=["team", "submitted_on"],
                include=["statement", "perspective", "score"],
                name="rating_dashboard_idx",
                condition=models.Q(submitted_on__isnull=False),
            ),
            models.Index(
                fields=["practitioner", "submitted_on"],
                include=["statement", "perspective", "score"],
                name="rating_practitioner_idx",
                condition=models.Q(submitted_on__isnull=False),
            ),
            models.Index(
                fields=["plan", "statement"],
                include=["perspective", "score"],
                name="rating_plan_idx",
                condition=models.Q(submitted_on__isnull=False, plan__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"Rating for statement {self.statement_id}"

    @property
    def answer_label(self) -> str:
        if self.score:
            return f"{self.score} – {SCORE_LABELS[self.score]}"
        return self.get_skipped_display()


class SharedStory(models.Model):
    """A story a team chose as one of its top three for a statement. It stays within the
    team until the consent of whoever told it is recorded; only then is it shared."""

    class ConsentFrom(models.TextChoices):
        PERSON = "person", "The person who told it"
        REPRESENTATIVE = "representative", "Their representative, on their behalf"
        PRACTITIONER = "practitioner", "The practitioner who wrote it"

    rating = models.OneToOneField(Rating, on_delete=models.CASCADE, related_name="shared_story")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="stories")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="stories")
    chosen_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    chosen_at = models.DateTimeField(default=timezone.now)
    consent_from = models.CharField(max_length=20, choices=ConsentFrom, blank=True)
    consent_notes = models.TextField(blank=True)
    consent_recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-chosen_at"]
        indexes = [
            models.Index(fields=["team", "statement"], name="story_team_statement_idx"),
            models.Index(fields=["statement", "-shared_at"], name="story_shared_idx", condition=models.Q(shared_at__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"Story for statement {self.statement_id}"


class Goal(models.Model):
    """A goal agreed in supervision (with one practitioner) or by a team, against a statement."""

    class Status(models.TextChoices):
        OPEN = "open", "In progress"
        MET = "met", "Met"
        STOPPED = "stopped", "No longer pursued"

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="checklist_goals")
    practitioner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="checklist_goals")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="goals")
    target_score = models.DecimalField(max_digits=2, decimal_places=1, validators=[MinValueValidator(1), MaxValueValidator(5)])
    due_on = models.DateField()
    examples = models.TextField(help_text="What working towards this looks like, with examples")
    progress_notes = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.OPEN)
    agreed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    agreed_on = models.DateField(default=timezone.localdate)
    # The action of a practice group of managers this goal takes forward, if any.
    practice_action = models.ForeignKey("PracticeAction", on_delete=models.SET_NULL, null=True, blank=True, related_name="goals")

    class Meta:
        ordering = ["status", "due_on", "id"]
        indexes = [models.Index(fields=["team", "status", "due_on"], name="goal_team_idx")]

    def __str__(self) -> str:
        return f"Goal for statement {self.statement_id}"


class RatingTotal(models.Model):
    """Running totals of the answers per team, statement, whose view and quarter, added to in
    the same transaction as a checklist is sent. Dashboards add up these few thousand rows
    instead of every answer, so a council-wide view costs the same as a team's."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    perspective = models.CharField(max_length=20, choices=Perspective)
    quarter = models.DateField()  # the first day of the quarter
    answered = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    score_sum = models.PositiveIntegerField(default=0)
    n1 = models.PositiveIntegerField(default=0)
    n2 = models.PositiveIntegerField(default=0)
    n3 = models.PositiveIntegerField(default=0)
    n4 = models.PositiveIntegerField(default=0)
    n5 = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "statement", "perspective", "quarter"], name="rating_total_unique"),
        ]
        indexes = [models.Index(fields=["quarter", "team"], name="rating_total_quarter_idx")]


class GapTotal(models.Model):
    """Per team, statement and quarter: how many people were rated from both sides in that
    quarter, and the sum over them of (practitioner's rating - person's rating)."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    quarter = models.DateField()
    plans = models.IntegerField(default=0)
    gap_sum = models.FloatField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "statement", "quarter"], name="gap_total_unique")]
        indexes = [models.Index(fields=["quarter", "team"], name="gap_total_quarter_idx")]


# Practice groups ---------------------------------------------------------------------------


class PracticeGroup(models.Model):
    """Team managers from several teams using the checklist together (the guidance's "practice
    group"): each shares their team's totals and examples for the statement the group is looking
    at, and the group agrees actions that the managers' own team goals can take forward."""

    name = NameField(max_length=200)
    purpose = models.TextField(blank=True)
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+", help_text="The statement the group is looking at now.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class PracticeGroupMember(models.Model):
    """A manager in the group, for one team they manage. Leaving keeps the row (and what the
    team shared); only current members see the group."""

    group = models.ForeignKey(PracticeGroup, on_delete=models.CASCADE, related_name="members")
    manager = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="practice_group_places")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    joined_on = models.DateField(default=timezone.localdate)
    left_on = models.DateField(null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["group", "team__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["group", "team"], name="one_place_per_team_in_practice_group")]
        indexes = [models.Index(fields=["manager", "group"], condition=models.Q(left_on__isnull=True), name="practice_member_current_idx")]

    def __str__(self) -> str:
        return f"{self.manager} ({self.team})"


class PracticeShare(models.Model):
    """A manager shares their team's totals for a statement with the group, and examples of
    practice. Only totals: the figures are read from the team's running totals when shown, and
    withheld for a group too small to keep people anonymous."""

    group = models.ForeignKey(PracticeGroup, on_delete=models.CASCADE, related_name="shares")
    member = models.ForeignKey(PracticeGroupMember, on_delete=models.CASCADE, related_name="shares")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    examples = models.TextField(help_text="What the team does well or finds hard for this statement, without naming anyone.")
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    shared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["group", "statement", "member__team__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["member", "statement"], name="one_share_per_team_and_statement")]

    def __str__(self) -> str:
        return f"Shared for statement {self.statement_id}"


class PracticeAction(models.Model):
    """An action the group agreed, about a statement."""

    group = models.ForeignKey(PracticeGroup, on_delete=models.CASCADE, related_name="actions")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    description = models.TextField()
    agreed_on = models.DateField(default=timezone.localdate)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["group", "-agreed_on", "-pk"]

    def __str__(self) -> str:
        return self.description if len(self.description) <= 80 else self.description[:79] + "\u2026"
