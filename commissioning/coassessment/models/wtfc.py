"""Working Together for Change: what people said in their reviews is working, not working and
important for the future, pulled without names into an exercise, clustered into themes by a
co-production group, counted, and turned into commissioning priorities.

The exercise keeps its own copy of each statement with no link back to the review, the person
or the date: only a key that means something inside this exercise alone, so distinct people
can be counted. People who said no to their reviews being used are never pulled."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coproduction.core.names import NameField

# Fewer people than this and a count (or a whole exercise) could point at someone.
MIN_PEOPLE = 5


class StatementKind(models.TextChoices):
    WORKING = "working", "What is working"
    NOT_WORKING = "not_working", "What is not working"
    IMPORTANT_FUTURE = "important_future", "What is important for the future"


class WtfcExercise(models.Model):
    programme = models.ForeignKey("commissioning.Programme", on_delete=models.CASCADE, related_name="wtfc_exercises")
    activity = models.OneToOneField("commissioning.Activity", on_delete=models.CASCADE, related_name="wtfc_exercise")
    title = NameField(max_length=200)
    # Which reviews were used: the teams and the period. Kept so the group knows what it looked at.
    teams = models.ManyToManyField("accounts.Team", related_name="+")
    reviews_from = models.DateField()
    reviews_to = models.DateField()
    people_count = models.PositiveIntegerField(default=0)
    statement_count = models.PositiveIntegerField(default=0)
    # Statements of each kind, counted when they are copied (they never change after).
    working = models.PositiveIntegerField(default=0)
    not_working = models.PositiveIntegerField(default=0)
    important_future = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class WtfcTheme(models.Model):
    """A cluster the group made, with its "I" statement in people's own voice."""

    exercise = models.ForeignKey(WtfcExercise, on_delete=models.CASCADE, related_name="themes")
    name = NameField(max_length=120)
    i_statement = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Kept by wtfc_statement_move as statements go in and out, so ranking the themes reads a
    # dozen rows rather than counting every statement: statements in all and of each kind, and
    # the distinct people they came from.
    statement_total = models.PositiveIntegerField(default=0)
    working = models.PositiveIntegerField(default=0)
    not_working = models.PositiveIntegerField(default=0)
    important_future = models.PositiveIntegerField(default=0)
    people = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["exercise", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["exercise", "name"], name="wtfc_theme_unique_name")]

    def __str__(self) -> str:
        return self.name


class WtfcStatement(models.Model):
    """One statement, copied and scrubbed of names. No review, person or date is kept."""

    exercise = models.ForeignKey(WtfcExercise, on_delete=models.CASCADE, related_name="statements")
    kind = models.CharField(max_length=20, choices=StatementKind)
    perspective = models.CharField(max_length=20)
    text = models.TextField()
    # A number from 1 to the exercise's people count, shuffled: the same within the exercise for
    # the same person, meaningless outside it.
    person_key = models.PositiveIntegerField()
    # The practitioner's tag from the review, as a hint for the group.
    suggested_theme = models.CharField(max_length=100, blank=True)
    theme = models.ForeignKey(WtfcTheme, on_delete=models.SET_NULL, null=True, blank=True, related_name="statements")

    class Meta:
        # Shuffled order, not the order of the reviews: pk order would give away nothing either,
        # as statements are inserted in random order.
        ordering = ["pk"]
        indexes = [
            # A page of one theme's statements (or those in no theme), in order, of every kind or one.
            models.Index(fields=["exercise", "theme", "id"], name="wtfc_statement_board_idx"),
            models.Index(fields=["exercise", "theme", "kind", "id"], name="wtfc_statement_kind_idx"),
            # Whether a person has another statement in a theme, as a statement moves.
            models.Index(fields=["theme", "person_key"], name="wtfc_statement_person_idx"),
        ]


class WtfcPriority(models.Model):
    """A theme the group turned into a commissioning priority, with how many people raised it."""

    theme = models.OneToOneField(WtfcTheme, on_delete=models.CASCADE, related_name="priority_link")
    priority = models.OneToOneField("priorities.Priority", on_delete=models.CASCADE, related_name="wtfc_link")
    people_count = models.PositiveIntegerField()
    statement_count = models.PositiveIntegerField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-people_count", "pk"]
        verbose_name_plural = "WTfC priorities"

    def __str__(self) -> str:
        return f"{self.priority} ({self.people_count} people)"

    @property
    def people_shown(self) -> str:
        # The theme came from an exercise of at least MIN_PEOPLE people, so its count is shown.
        return str(self.people_count)
