from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from coproduction.accounts.models import Team


class CommunicationNeed(models.TextChoices):
    EASY_READ = "easy_read", "Easy Read"
    LARGE_PRINT = "large_print", "Large print"
    BSL = "bsl", "British Sign Language (BSL)"
    INTERPRETER = "interpreter", "An interpreter for another language"
    HEARING_LOOP = "hearing_loop", "A hearing loop"
    SUPPORT_PERSON = "support_person", "Someone I trust with me"


class Person(models.Model):
    """Someone who draws on care and support. They may or may not have an account."""

    class Capacity(models.TextChoices):
        HAS = "has", "Has capacity to make care-planning decisions"
        LACKS = "lacks", "Lacks capacity to make care-planning decisions"
        NOT_ASSESSED = "not_assessed", "Not assessed"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="person_record"
    )
    full_name = models.CharField(max_length=200)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    pronouns = models.CharField(max_length=50, blank=True)
    communication_needs = ArrayField(
        models.CharField(max_length=20, choices=CommunicationNeed), default=list, blank=True
    )
    interpreter_language = models.CharField(max_length=100, blank=True)
    best_time_and_place = models.TextField(blank=True)
    communication_notes = models.TextField(blank=True)
    capacity = models.CharField(max_length=20, choices=Capacity, default=Capacity.NOT_ASSESSED)
    capacity_assessed_on = models.DateField(null=True, blank=True)
    capacity_assessed_by = models.CharField(max_length=200, blank=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="people")
    # The person said no to what they say in reviews being used, without their name, to help
    # commissioners change services (Working Together for Change). Nothing of theirs is pulled.
    review_statements_opt_out = models.BooleanField(default=False)
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="caseload"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["full_name", "id"]
        indexes = [
            models.Index(fields=["team", "full_name", "id"], name="person_team_name_idx"),
            models.Index(fields=["practitioner", "full_name", "id"], name="person_worker_name_idx"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name

    def communication_need_labels(self) -> list[str]:
        return [CommunicationNeed(need).label for need in self.communication_needs]


class Representative(models.Model):
    """A carer, family member, friend or advocate who may see a person's plan, and why."""

    class Relationship(models.TextChoices):
        CARER = "carer", "Carer"
        FAMILY = "family", "Family member"
        FRIEND = "friend", "Friend"
        ADVOCATE = "advocate", "Advocate"
        OTHER = "other", "Other"

    class Basis(models.TextChoices):
        CONSENT = "consent", "The person has agreed to them seeing their plan"
        BEST_INTERESTS = "best_interests", "The person lacks capacity: involved in their best interests"
        LEGAL_AUTHORITY = "legal_authority", "Lasting power of attorney or a court-appointed deputy"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="representatives")
    # The account they sign in with, if they have one: only then can they see the plan themselves.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="representing"
    )
    name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=20, choices=Relationship)
    basis = models.CharField(max_length=20, choices=Basis)
    basis_notes = models.TextField(blank=True)
    recorded_on = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="representatives_recorded"
    )
    withdrawn_on = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["user"], name="rep_active_user_idx", condition=models.Q(withdrawn_on__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_relationship_display()})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None


def empty_content() -> dict:
    return {"sections": {}}


class CarePlan(models.Model):
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
    agreed_at = models.DateTimeField(null=True, blank=True)
    agreed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
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


class ReviewTheme(models.Model):
    """A council-maintained list of themes for review statements, which commissioning
    aggregates later (Working Together for Change)."""

    name = models.CharField(max_length=100, unique=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Review(models.Model):
    """A co-produced review of an agreed plan."""

    class Decision(models.TextChoices):
        CONTINUE = "continue", "Continue with the plan as it is"
        CHANGE = "change", "Change the plan (starts a new draft)"
        CLOSE = "close", "Close the plan: support is no longer needed"

    plan = models.ForeignKey(CarePlan, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField()
    decision = models.CharField(max_length=20, choices=Decision, blank=True)
    decision_notes = models.TextField(blank=True)
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
