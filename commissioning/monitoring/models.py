"""Joint delivery and monitoring, and quality checking by people who use services.

A contract links a programme's outcomes-framework indicators to the provider delivering the
service. Commissioners, the provider and user and community representatives meet to monitor
it together; the provider sends figures each quarter; and trained quality assessors (people who
use services, paid for their time) visit the service and report against a quality framework
that people co-designed. Meetings and visits each own the programme's Activity record, so the
stage pages, the recognition ledger and the reach figures count them like any other
co-production."""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone

from commissioning.meetings import MeetingPaperRecord, MeetingPlaceRecord, MeetingRecord
from commissioning.models import Activity, Programme
from coproduction.accounts.models import Organisation
from coproduction.core.names import NameField


class Contract(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="contracts")
    provider = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="contracts",
        limit_choices_to={"kind": Organisation.Kind.PROVIDER},
    )
    service_name = NameField(max_length=200)
    description = models.TextField(blank=True, help_text="What the service does, in plain English.")
    starts_on = models.DateField()
    ends_on = models.DateField()
    value = models.DecimalField(max_digits=12, decimal_places=2, help_text="The total value of the contract in pounds.")
    # The programme's outcomes-framework indicators the provider reports against.
    indicators = models.ManyToManyField("priorities.Indicator", blank=True, related_name="contracts")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "service_name", "pk"]
        indexes = [models.Index(fields=["provider", "programme"], name="contract_provider_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="contract_ends_after_start"),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="contract_value_not_negative"),
        ]

    def __str__(self) -> str:
        return self.service_name


# --- Monitoring meetings -----------------------------------------------------------------


class MonitoringMeeting(MeetingRecord):
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="meetings")
    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="monitoring_meeting")

    class Meta:
        ordering = ["contract", "-date", "-starts_at"]
        indexes = [models.Index(fields=["contract", "date"], name="monitoring_meeting_date_idx")]


class MeetingMember(MeetingPlaceRecord):
    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        COMMISSIONER = "commissioner", "Commissioner"
        PROVIDER = "provider", "Provider"
        USER_REPRESENTATIVE = "user_representative", "Representative of people who use the service"
        CARER_REPRESENTATIVE = "carer_representative", "Carer representative"
        COMMUNITY_REPRESENTATIVE = "community_representative", "Community representative"

    REPRESENTATIVE_ROLES = (Role.USER_REPRESENTATIVE, Role.CARER_REPRESENTATIVE, Role.COMMUNITY_REPRESENTATIVE)

    meeting = models.ForeignKey(MonitoringMeeting, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="monitoring_meeting_memberships")
    role = models.CharField(max_length=30, choices=Role)

    class Meta:
        ordering = ["meeting", "role", "user__full_name"]
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="one_place_per_monitoring_meeting")]
        indexes = [models.Index(fields=["user", "meeting"], name="meeting_member_user_idx")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    @property
    def is_representative(self) -> bool:
        return self.role in self.REPRESENTATIVE_ROLES

    @property
    def papers_format_label(self) -> str:
        from commissioning.involvement.models import DocumentFormat

        return DocumentFormat(self.papers_format).label.lower() if self.papers_format in DocumentFormat.values else ""


def paper_file_path(paper: "MeetingPaper", filename: str) -> str:
    # A random name: an uploaded file's own name may say who it is about.
    return f"monitoring/papers/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class MeetingPaper(MeetingPaperRecord):
    """A paper for a meeting: written on the platform (so it can go out in large print or Easy
    Read) or an uploaded PDF or Word document."""

    meeting = models.ForeignKey(MonitoringMeeting, on_delete=models.CASCADE, related_name="papers")
    file = models.FileField(upload_to=paper_file_path, blank=True)
    file_type = models.CharField(max_length=10, blank=True)  # the checked extension: "pdf" or "docx"
    file_size = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text="") | ~models.Q(file=""), name="paper_has_text_or_file"),
        ]


class IndicatorReport(models.Model):
    """One indicator discussed at a meeting: the provider's figure and what the user and
    community representatives make of it."""

    meeting = models.ForeignKey(MonitoringMeeting, on_delete=models.CASCADE, related_name="indicator_reports")
    indicator = models.ForeignKey("priorities.Indicator", on_delete=models.PROTECT, related_name="monitoring_reports")
    figure = models.CharField(max_length=200, help_text="The figure as reported, for example “42” or “8 out of 10 people”.")
    what_people_said = models.TextField(blank=True)
    representatives_view = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["meeting", "indicator__position", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "indicator"], name="one_report_per_indicator_per_meeting")]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.figure}"


# --- Monitoring returns ------------------------------------------------------------------


class MonitoringReturn(models.Model):
    """The provider's figures for one quarter. `period` is the first day of the quarter."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="returns")
    period = models.DateField()
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["contract", "-period"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "period"], name="one_return_per_quarter"),
            models.CheckConstraint(
                condition=models.Q(period__day=1) & models.Q(period__month__in=[1, 4, 7, 10]), name="return_period_is_quarter_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contract} {quarter_label(self.period)}"

    @property
    def label(self) -> str:
        return quarter_label(self.period)


def quarter_label(period) -> str:
    """April to June 2027: plain words rather than "Q1 2027/28", which councils number differently."""
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    return f"{months[period.month - 1]} to {months[period.month + 1]} {period.year}"


class ReturnFigure(models.Model):
    monitoring_return = models.ForeignKey(MonitoringReturn, on_delete=models.CASCADE, related_name="figures")
    indicator = models.ForeignKey("priorities.Indicator", on_delete=models.PROTECT, related_name="return_figures")
    value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    # What people said: the co-designed indicators are about what matters, not only counts.
    what_people_said = models.TextField(blank=True)

    class Meta:
        ordering = ["monitoring_return", "indicator__position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["monitoring_return", "indicator"], name="one_figure_per_indicator_per_return"),
            models.CheckConstraint(
                condition=models.Q(value__isnull=False) | ~models.Q(what_people_said=""), name="return_figure_has_content",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"


# --- Quality framework and visits --------------------------------------------------------


class QualityFramework(models.Model):
    """Quality characteristics co-designed with people who use services, for a programme's
    services. Visits keep the framework they were made against."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="quality_frameworks")
    title = NameField(max_length=200)
    how_it_was_made = models.TextField(help_text="Who designed it together, and how.")
    informed_by = models.ManyToManyField(Activity, blank=True, related_name="quality_frameworks")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class QualityCharacteristic(models.Model):
    framework = models.ForeignKey(QualityFramework, on_delete=models.CASCADE, related_name="characteristics")
    title = NameField(max_length=200)
    what_good_looks_like = models.TextField()
    what_to_look_for = models.TextField()
    position = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["framework", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class VisitMethod(models.TextChoices):
    ANNOUNCED = "announced_visit", "Announced visit"
    MYSTERY_SHOP = "mystery_shop", "Mystery shop"
    PEER_INTERVIEW = "peer_interview", "Peer interviews"


class QualityVisit(models.Model):
    class Status(models.TextChoices):
        ASSIGNED = "assigned", "Assigned"
        SUBMITTED = "submitted", "Report sent to commissioners"
        REVIEWED = "reviewed", "Reviewed by commissioners"

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="quality_visits")
    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="quality_visit")
    framework = models.ForeignKey(QualityFramework, on_delete=models.PROTECT, related_name="visits")
    method = models.CharField(max_length=20, choices=VisitMethod)
    planned_on = models.DateField()
    visited_on = models.DateField(null=True, blank=True)
    brief = models.TextField(blank=True, help_text="What the commissioners ask the assessors to look at.")
    assessors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="assigned_quality_visits")
    status = models.CharField(max_length=12, choices=Status, default=Status.ASSIGNED)
    summary = models.TextField(blank=True)  # the assessors' overall view, in their own words
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    review_notes = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    provider_response = models.TextField(blank=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    responded_at = models.DateTimeField(null=True, blank=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["contract", "-planned_on", "-pk"]
        indexes = [models.Index(fields=["contract", "status"], name="quality_visit_status_idx")]

    def __str__(self) -> str:
        return f"{self.get_method_display()}: {self.contract}"


class Rating(models.IntegerChoices):
    NOT_YET = 1, "Not yet"
    GETTING_THERE = 2, "Getting there"
    GOOD = 3, "Good"
    REALLY_GOOD = 4, "Really good"


class Finding(models.Model):
    visit = models.ForeignKey(QualityVisit, on_delete=models.CASCADE, related_name="findings")
    characteristic = models.ForeignKey(QualityCharacteristic, on_delete=models.PROTECT, related_name="findings")
    rating = models.PositiveSmallIntegerField(choices=Rating)
    evidence = models.TextField(help_text="What you saw and heard, in your own words.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["visit", "characteristic__position", "pk"]
        constraints = [models.UniqueConstraint(fields=["visit", "characteristic"], name="one_finding_per_characteristic")]

    def __str__(self) -> str:
        return f"{self.characteristic}: {self.get_rating_display()}"


# --- Actions (from meetings and from quality visits) ---------------------------------------


class Action(models.Model):
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="actions")
    meeting = models.ForeignKey(MonitoringMeeting, on_delete=models.CASCADE, null=True, blank=True, related_name="actions")
    quality_visit = models.ForeignKey(QualityVisit, on_delete=models.CASCADE, null=True, blank=True, related_name="actions")
    description = models.TextField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="monitoring_actions")
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["contract", "due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(meeting__isnull=True) ^ models.Q(quality_visit__isnull=True), name="action_from_meeting_or_visit",
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]


# --- Complaints and compliments (logged and scrutinised in the review part) ------------------


class Complaint(models.Model):
    """A complaint or compliment about a contracted service. Only what the complaints team needs
    for patterns: no names or personal details."""

    class Kind(models.TextChoices):
        COMPLAINT = "complaint", "Complaint"
        COMPLIMENT = "compliment", "Compliment"

    class Theme(models.TextChoices):
        COMMUNICATION = "communication", "Communication and information"
        DIGNITY = "dignity", "Dignity and respect"
        STAFF = "staff", "Staff attitude and skills"
        RELIABILITY = "reliability", "Reliability and timekeeping"
        ACTIVITIES = "activities", "Activities and things to do"
        CHOICE = "choice", "Choice and control"
        SAFETY = "safety", "Safety"
        ACCESS = "access", "Access and transport"
        COST = "cost", "Cost and charges"
        OTHER = "other", "Other"

    class Outcome(models.TextChoices):
        OPEN = "open", "Still being looked at"
        UPHELD = "upheld", "Upheld"
        PARTLY_UPHELD = "partly_upheld", "Partly upheld"
        NOT_UPHELD = "not_upheld", "Not upheld"
        RESOLVED = "resolved", "Resolved informally"
        THANKED = "thanked", "Passed on with thanks"

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="complaints")
    kind = models.CharField(max_length=12, choices=Kind)
    theme = models.CharField(max_length=20, choices=Theme)
    outcome = models.CharField(max_length=20, choices=Outcome, default=Outcome.OPEN)
    received_on = models.DateField()
    summary = models.TextField(blank=True, help_text="What it was about, without names or details that could identify anyone.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["contract", "-received_on", "-pk"]
        indexes = [models.Index(fields=["contract", "received_on"], name="complaint_contract_date_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_theme_display()}"
