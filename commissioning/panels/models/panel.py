"""A procurement panel and its preparation.

A panel scores the bids for one tender: a specification of the programme with a published
version. It owns the programme's Activity (kind "procurement panel"), so stage pages, the
recognition ledger and reach figures treat it like any other activity. Its members are equal
scorers whatever their role. Before seeing any bid, each member declares their conflicts of
interest (or that they have none); a conflict with a bidder keeps them from scoring that bidder.
Members with lived experience get a briefing pack well ahead, and everyone drafts the questions
for bidders together; the chair marks the agreed set."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coproduction.core.names import NameField

__all__ = [
    "Panel",
    "PanelMember",
    "Bidder",
    "ConsortiumMember",
    "Conflict",
    "BriefingPack",
    "ShortlistCheck",
    "PanelQuestion",
    "QuestionComment",
]


class Panel(models.Model):
    class Status(models.TextChoices):
        PREPARING = "preparing", "Preparing"
        SCORING = "scoring", "Scoring"
        MODERATING = "moderating", "Moderating"
        AWARDED = "awarded", "Awarded"

    programme = models.ForeignKey("commissioning.Programme", on_delete=models.CASCADE, related_name="panels")
    specification = models.ForeignKey("specifications.Specification", on_delete=models.PROTECT, related_name="panels")
    # The published version bids answer: its criteria and weights are what the panel scores.
    version = models.ForeignKey(
        "specifications.SpecificationVersion", on_delete=models.PROTECT, related_name="panels"
    )
    activity = models.OneToOneField("commissioning.Activity", on_delete=models.CASCADE, related_name="panel")
    title = NameField(max_length=200)
    purpose = models.TextField(help_text="What the panel is for, in plain English.")
    timetable = models.TextField(blank=True, help_text="Key dates: briefing, reading bids, scoring, interviews, moderation.")
    # Optional Easy Read wording, given to members who asked for Easy Read.
    purpose_easy_read = models.TextField(blank=True)
    timetable_easy_read = models.TextField(blank=True)
    scoring_easy_read = models.TextField(blank=True)
    score_max = models.PositiveSmallIntegerField(default=5)
    # Moderates the bidders the chair declared a conflict with: named by the chair.
    deputy = models.ForeignKey("PanelMember", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.CharField(max_length=12, choices=Status, default=Status.PREPARING)
    awarded_at = models.DateTimeField(null=True, blank=True)
    award_decision = models.ForeignKey(
        "commissioning.Decision", on_delete=models.SET_NULL, null=True, blank=True, related_name="panels"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score_max__gte=1) & models.Q(score_max__lte=100), name="panel_score_max_in_range"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_awarded(self) -> bool:
        return self.status == self.Status.AWARDED


class PanelMember(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        COMMISSIONER = "commissioner", "Commissioner"
        PROCUREMENT_OFFICER = "procurement_officer", "Procurement officer"
        LIVED_EXPERIENCE = "lived_experience", "Person who uses or may use the service"
        CARER = "carer", "Carer"

    # Roles whose membership tells something about the person's own care.
    LIVED_EXPERIENCE_ROLES = (Role.LIVED_EXPERIENCE, Role.CARER)

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="panel_memberships")
    role = models.CharField(max_length=20, choices=Role)
    # Set when the member has declared, even if they declared no conflicts.
    conflicts_declared_at = models.DateTimeField(null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "user"], name="one_membership_per_panel"),
            models.UniqueConstraint(fields=["panel"], condition=models.Q(role="chair"), name="one_chair_per_panel"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} on {self.panel}"

    @property
    def is_chair(self) -> bool:
        return self.role == self.Role.CHAIR

    @property
    def has_declared(self) -> bool:
        return self.conflicts_declared_at is not None

    @property
    def has_lived_experience(self) -> bool:
        return self.role in self.LIVED_EXPERIENCE_ROLES


class Bidder(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="bidders")
    name = NameField(max_length=200)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="panel_bids"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["panel", "name"], name="one_bidder_name_per_panel")]

    def __str__(self) -> str:
        return self.name


class ConsortiumMember(models.Model):
    """A provider in a consortium bidding as one bidder: the lead provider and each member, with
    what each brings. Panel scoring treats the consortium as one bidder with its members listed;
    each member declares their interests in every consortium member, and an interest in any one
    of them keeps the panel member from scoring the whole consortium."""

    bidder = models.ForeignKey(Bidder, on_delete=models.CASCADE, related_name="consortium_members")
    name = NameField(max_length=200)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="consortium_memberships"
    )
    is_lead = models.BooleanField(default=False)
    brings = models.TextField(help_text="What this provider brings to the consortium, in plain English.")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-is_lead", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["bidder", "name"], name="one_consortium_member_name_per_bidder"),
            models.UniqueConstraint(fields=["bidder"], condition=models.Q(is_lead=True), name="one_lead_per_consortium"),
        ]

    def __str__(self) -> str:
        return f"{self.name}{' (lead provider)' if self.is_lead else ''}"


class Conflict(models.Model):
    """A member's declared interest in a bidder. It keeps them from scoring that bidder."""

    member = models.ForeignKey(PanelMember, on_delete=models.CASCADE, related_name="conflicts")
    bidder = models.ForeignKey(Bidder, on_delete=models.CASCADE, related_name="conflicts")
    # For a consortium: the members of it the interest is in (any one is enough to stop scoring).
    consortium_members = models.ManyToManyField(ConsortiumMember, blank=True, related_name="conflicts")
    details = models.TextField()
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["declared_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["member", "bidder"], name="one_conflict_per_member_bidder")]

    def __str__(self) -> str:
        return f"Conflict with {self.bidder}"


class ShortlistCheck(models.Model):
    """Whether a bid meets one of the specification's shortlisting questions, and why, as the
    panel found at shortlisting. A bidder who fails any is not shortlisted: the panel does not
    score them, and they get a letter with the reasons."""

    bidder = models.ForeignKey(Bidder, on_delete=models.CASCADE, related_name="shortlist_checks")
    question = models.ForeignKey("specifications.ShortlistQuestion", on_delete=models.PROTECT, related_name="checks")
    passed = models.BooleanField()
    reason = models.TextField()
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    checked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["question__position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["bidder", "question"], name="one_shortlist_check_per_bidder_question"),
            models.CheckConstraint(condition=~models.Q(reason=""), name="shortlist_check_has_reason"),
        ]

    def __str__(self) -> str:
        return f"Shortlisting of {self.bidder}"


# The formats of commissioning.involvement's DocumentFormat, named here so a pack reads well
# even if a format is later withdrawn.
FORMAT_LABELS = {"standard": "Standard print", "large_print": "Large print", "easy_read": "Easy Read"}


class BriefingPack(models.Model):
    """When a member was sent their briefing pack, in which format, and when they first opened it."""

    member = models.OneToOneField(PanelMember, on_delete=models.CASCADE, related_name="briefing")
    document_format = models.CharField(max_length=20, default="standard")
    sent_at = models.DateTimeField(default=timezone.now)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    first_opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["sent_at", "pk"]

    def __str__(self) -> str:
        return f"Briefing pack for {self.member}"

    @property
    def format_label(self) -> str:
        return FORMAT_LABELS.get(self.document_format, self.document_format)


class PanelQuestion(models.Model):
    """A question for bidders drafted by the panel. A rewording points at the question it rewords."""

    class Kind(models.TextChoices):
        WRITTEN = "written", "Written answer"
        INTERVIEW = "interview", "Asked at interview"

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="questions")
    criterion = models.ForeignKey(
        "specifications.EvaluationCriterion", on_delete=models.PROTECT, related_name="panel_questions"
    )
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.WRITTEN)
    text = models.TextField()
    rewords = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="rewordings")
    agreed = models.BooleanField(default=False)
    agreed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    agreed_at = models.DateTimeField(null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="proposed_panel_questions"
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class QuestionComment(models.Model):
    question = models.ForeignKey(PanelQuestion, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="panel_question_comments")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment on {self.question}"
