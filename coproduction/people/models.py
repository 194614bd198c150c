"""The record of each person who draws on care and support, and the carers, family members
and advocates who may act with them. The platform's own apps (accounts, audit, governance,
notifications, reports) need these, so they live here, below every feature that uses them."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from coproduction.accounts.models import Team
from coproduction.core.names import NameField

from .nhs_number import format_nhs_number


class CommunicationNeed(models.TextChoices):
    EASY_READ = "easy_read", "Easy Read"
    LARGE_PRINT = "large_print", "Large print"
    # The formats a copy of their plan can be made in (careplans: the plan in other formats).
    BRAILLE = "braille", "Braille"
    AUDIO = "audio", "Audio"
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
    full_name = NameField(max_length=200)
    preferred_name = NameField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    pronouns = models.CharField(max_length=50, blank=True)
    communication_needs = ArrayField(
        models.CharField(max_length=20, choices=CommunicationNeed), default=list, blank=True
    )
    interpreter_language = models.CharField(max_length=100, blank=True)
    best_time_and_place = models.TextField(blank=True)
    # Where they live, as a postcode only: local groups and places near them are found from it.
    postcode = models.CharField(max_length=8, blank=True)
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
    # The same person in the council's case management system (LAS, Mosaic, ...): its own id
    # for them, matched by the import, and their NHS number where the case system holds it.
    case_system_id = models.CharField("Case system ID", max_length=50, blank=True)
    nhs_number = models.CharField("NHS number", max_length=10, blank=True)
    # Set when the case system's extract stopped listing them: someone checks, nothing is deleted.
    missing_from_case_system_since = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "careplans_person"  # moved from careplans without touching the table
        ordering = ["full_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case_system_id"], condition=~models.Q(case_system_id=""), name="person_unique_case_system_id"
            ),
        ]
        indexes = [
            models.Index(fields=["team", "full_name", "id"], name="person_team_name_idx"),
            models.Index(fields=["practitioner", "full_name", "id"], name="person_worker_name_idx"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name

    @property
    def nhs_number_display(self) -> str:
        return format_nhs_number(self.nhs_number)

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
    name = NameField(max_length=200)
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
        db_table = "careplans_representative"
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["user"], name="rep_active_user_idx", condition=models.Q(withdrawn_on__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_relationship_display()})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None
