from django.conf import settings
from django.db import models
from django.utils import timezone

from coproduction.core.names import NameField
from coproduction.people.models import Person


def empty_content() -> dict:
    return {"sections": {}}


class AgreedHow(models.TextChoices):
    ON_SCREEN = "on_screen", "on screen, in their own account"
    PAPER = "paper", "on paper"
    VERBAL = "verbal", "verbally"
    INTERPRETER = "interpreter", "through an interpreter"
    ADVOCATE = "advocate", "with an advocate"
    BEST_INTERESTS = "best_interests", "as a best-interests decision"


class Agreement(models.Model):
    """Who agreed something (a plan, or a review's outcome), how and when: the same for both, so
    the person agrees a review's outcome the same way as their plan."""

    agreed_at = models.DateTimeField(null=True, blank=True)  # when the agreement was recorded
    # Whose account recorded it: the person's own (on screen), a representative's, or the practitioner's.
    agreed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    agreed_how = models.CharField(max_length=20, choices=AgreedHow, blank=True)
    agreed_by_name = NameField(max_length=200, blank=True)  # who agreed, as the agreed version shows it
    agreed_on = models.DateField(null=True, blank=True)  # when they agreed (on paper, say, before it was recorded)
    agreement_notes = models.TextField(blank=True)  # what they would still like to change, or how it was given
    best_interests_consulted = models.TextField(blank=True)  # for a best-interests decision: who was consulted

    class Meta:
        abstract = True


class CarePlan(Agreement):
    """One version of a person's plan. A draft changes; an agreed version never does:
    changing it starts a new draft copied from it."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        AGREED = "agreed", "Agreed"
        SUPERSEDED = "superseded", "Replaced by a later version"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="plans")
    version = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT)
    based_on = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # {"sections": {key: {"status": ..., "fields": {name: value | {"text", "whose"}}, "lists": {name: [item]}}}}
    content = models.JSONField(default=empty_content)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    review_due = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["person", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["person", "version"], name="plan_unique_version"),
            # At most one draft at a time, so two people never edit diverging drafts.
            models.UniqueConstraint(fields=["person"], condition=models.Q(status="draft"), name="plan_one_draft"),
        ]
        indexes = [models.Index(fields=["status", "review_due"], name="plan_review_due_idx")]

    def __str__(self) -> str:
        return f"Plan version {self.version} ({self.get_status_display()})"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    def section_data(self, key: str) -> dict:
        return self.content.get("sections", {}).get(key, {})


class PlanComment(models.Model):
    """The person's (or anyone allowed to see the plan) comment on a section, as written."""

    plan = models.ForeignKey(CarePlan, on_delete=models.CASCADE, related_name="comments")
    section = models.CharField(max_length=30)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="plan_comments")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]


class PlanResponse(models.Model):
    """The person (or their representative) saying "I do not agree yet", and why: the team sees it,
    and the plan stays a draft. With a review: about that review's outcome."""

    plan = models.ForeignKey(CarePlan, on_delete=models.CASCADE, related_name="responses")
    review = models.ForeignKey("Review", on_delete=models.CASCADE, null=True, blank=True, related_name="responses")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_name = NameField(max_length=200)
    reason = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]


class PlanLook(models.Model):
    """When a member of the team last looked at a plan: what the person or their representative
    changed after that is highlighted for them."""

    plan = models.ForeignKey(CarePlan, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    looked_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "user"], name="plan_look_unique")]


class ReviewTheme(models.Model):
    """A council-maintained list of themes for review statements, which commissioning
    aggregates later (Working Together for Change)."""

    name = NameField(max_length=100, unique=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Review(Agreement):
    """A co-produced review of an agreed plan. Once finished, the person agrees its outcome (or
    says they do not agree yet) the same way as their plan."""

    class Decision(models.TextChoices):
        CONTINUE = "continue", "Continue with the plan as it is"
        CHANGE = "change", "Change the plan (starts a new draft)"
        CLOSE = "close", "Close the plan: support is no longer needed"

    plan = models.ForeignKey(CarePlan, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField()
    took_part = models.TextField(blank=True)  # who took part, as the practitioner wrote it
    decision = models.CharField(max_length=20, choices=Decision, blank=True)
    decision_notes = models.TextField(blank=True)
    next_review = models.DateField(null=True, blank=True)  # the date this review's decision set, if any
    finished_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Review on {self.held_on:%d %B %Y}"


class ReviewItem(models.Model):
    """One statement: working, not working, or important for the future. Kept apart (not one
    blob) so commissioners can later theme them across many reviews, anonymised."""

    class Kind(models.TextChoices):
        WORKING = "working", "What is working"
        NOT_WORKING = "not_working", "What is not working"
        IMPORTANT_FUTURE = "important_future", "What is important for the future"

    class Perspective(models.TextChoices):
        PERSON = "person", "The person"
        REPRESENTATIVE = "representative", "A carer, family member or advocate"
        PRACTITIONER = "practitioner", "The practitioner"
        OTHER = "other", "Someone else who supports them"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=20, choices=Kind)
    perspective = models.CharField(max_length=20, choices=Perspective)
    text = models.TextField()
    theme = models.ForeignKey(ReviewTheme, on_delete=models.PROTECT, null=True, blank=True, related_name="items")

    class Meta:
        ordering = ["kind", "id"]
        indexes = [models.Index(fields=["kind", "theme"], name="review_item_theme_idx")]


class PreparedStatement(models.Model):
    """Before a review, the person (or their representative) writes down what is working, what
    is not, and what matters for the future. When the review starts, each becomes one of its
    statements, in their words ("Getting ready for my review")."""

    plan = models.ForeignKey(CarePlan, on_delete=models.CASCADE, related_name="prepared_statements")
    kind = models.CharField(max_length=20, choices=ReviewItem.Kind)
    perspective = models.CharField(max_length=20, choices=ReviewItem.Perspective)
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    # The review it was brought to, and the statement it became there: none until the review starts.
    review = models.ForeignKey(Review, on_delete=models.SET_NULL, null=True, blank=True, related_name="prepared")
    item = models.OneToOneField(ReviewItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="prepared_from")

    class Meta:
        ordering = ["kind", "id"]


class OutcomeProgress(models.Model):
    class Progress(models.TextChoices):
        ACHIEVED = "achieved", "Achieved"
        PROGRESSING = "progressing", "Getting there"
        NOT_YET = "not_yet", "Not yet"
        NOT_WANTED = "not_wanted", "No longer wanted"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="progress")
    outcome = models.TextField()  # copied from the plan, as it was worded then
    progress = models.CharField(max_length=20, choices=Progress)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]


class CaseSystemExport(models.Model):
    """An agreed plan or a finished review sent back to the case management system: each one
    once. The row is written in the same transaction as the files, so a second run finds it."""

    plan = models.OneToOneField(CarePlan, on_delete=models.PROTECT, null=True, blank=True, related_name="case_system_export")
    review = models.OneToOneField(Review, on_delete=models.PROTECT, null=True, blank=True, related_name="case_system_export")
    file_name = models.CharField(max_length=255)  # the JSON document; its PDF has the same name with .pdf
    exported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-exported_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(plan__isnull=False, review__isnull=True) | models.Q(plan__isnull=True, review__isnull=False),
                name="case_export_plan_or_review",
            ),
        ]

    def __str__(self) -> str:
        return self.file_name


class Conversation(models.Model):
    """A conversation about what matters, before or alongside the plan: what matters to the
    person, what they are good at and enjoy, the people and places in their life, and what is
    working already. Written with them, in their words, and shown beside the plan's sections
    while they are written."""

    QUESTIONS = {
        "what_matters": "What matters to me",
        "good_at": "What I am good at and enjoy",
        "people_places": "The people and places in my life",
        "working": "What is working already",
    }

    class Whose(models.TextChoices):
        PERSON = "person", "In their own words"
        WITH_PRACTITIONER = "with_practitioner", "In their own words, written with the practitioner"
        REPRESENTATIVE = "representative", "Written by a carer, family member or advocate"

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="conversation")
    what_matters = models.TextField(blank=True)
    good_at = models.TextField(blank=True)
    people_places = models.TextField(blank=True)
    working = models.TextField(blank=True)
    whose = models.CharField(max_length=20, choices=Whose)  # whose words, as last written
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return "A conversation about what matters"

    def answers(self) -> list[tuple[str, str, str]]:
        """(question name, question, answer) for each question answered, in order."""
        return [(name, label, getattr(self, name)) for name, label in self.QUESTIONS.items() if getattr(self, name).strip()]
