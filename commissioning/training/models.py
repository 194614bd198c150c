"""Training co-delivered by people who use services: courses for provider organisations, council
staff induction and practitioners, their sessions, the co-trainers paid through the involvement
ledger, and which organisations (or, for induction, which staff) booked and came."""

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from coproduction.core.names import NameField


class Audience(models.TextChoices):
    PROVIDERS = "providers", "Local provider organisations"
    INDUCTION = "induction", "Council staff induction"
    PRACTITIONERS = "practitioners", "Practitioners"


class TrainingCourse(models.Model):
    programme = models.ForeignKey("commissioning.Programme", on_delete=models.CASCADE, related_name="training_courses")
    title = NameField(max_length=200)
    topic = models.TextField(help_text="What the training is about, in plain English.")
    audience = models.CharField(max_length=20, choices=Audience)
    # The tender this training prepares providers for: it should be held before the tender goes out.
    specification = models.ForeignKey(
        "specifications.Specification", on_delete=models.SET_NULL, null=True, blank=True, related_name="training_courses"
    )
    tender_due_on = models.DateField(null=True, blank=True)
    attendance_required = models.BooleanField(default=False)
    # The "Making it real" statements the course is built around, by number (the checklist's
    # statements, named through coproduction.core.practice_statements, never imported).
    statement_numbers = ArrayField(models.PositiveSmallIntegerField(), default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title


class TrainingSession(models.Model):
    class Format(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        ONLINE = "online", "Online"

    course = models.ForeignKey(TrainingCourse, on_delete=models.CASCADE, related_name="sessions")
    # Co-trainers claim their time and preparation against this activity in the ledger.
    activity = models.OneToOneField("commissioning.Activity", on_delete=models.CASCADE, related_name="training_session")
    date = models.DateField()
    times = models.CharField(max_length=100)
    format = models.CharField(max_length=10, choices=Format)
    place = models.CharField(max_length=300)
    accessibility = models.TextField(blank=True)
    materials = models.TextField(blank=True)
    feedback_survey = models.ForeignKey(
        "coassessment.Survey", on_delete=models.SET_NULL, null=True, blank=True, related_name="training_sessions"
    )
    attendance_recorded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.course.title}, {self.date:%-d %B %Y}"


class CoTrainer(models.Model):
    """A person who uses services co-delivering a session, paid at the council's trainer rate."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="co_trainers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_co_trainings")
    delivery_hours = models.DecimalField(max_digits=5, decimal_places=2)
    preparation_hours = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="one_place_per_co_trainer")]


class Booking(models.Model):
    """A place booked by an organisation, or by a member of staff for their induction."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="bookings")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="training_bookings")
    attendee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="training_bookings")
    places = models.PositiveSmallIntegerField(default=1)
    attended = models.BooleanField(null=True)
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    booked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | models.Q(attendee__isnull=False), name="booking_names_someone"
            ),
            models.UniqueConstraint(fields=["session", "organisation"], name="one_booking_per_organisation"),
            models.UniqueConstraint(fields=["session", "attendee"], name="one_booking_per_attendee"),
        ]

    def __str__(self) -> str:
        return self.organisation.name if self.organisation_id else self.attendee.display_name


def material_file_path(material: "SessionMaterial", filename: str) -> str:
    # A random name: an uploaded file's own name may say who it is about.
    return f"training/materials/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class SessionMaterial(models.Model):
    """A handout or slides for a session, a PDF or Word document checked before it is kept."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="session_materials")
    title = NameField(max_length=200)
    file = models.FileField(upload_to=material_file_path)
    file_type = models.CharField(max_length=10)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title
