"""Commissioning with local people: a programme moves through plan, do and review in named
stages, with a co-production group that shares the decisions. Every co-production activity
(workshop, participatory budgeting round, focus group...) is recorded against a stage, and
every decision names who took it, on what evidence and which activities informed it.

The sub-apps (priorities, budgeting, workshops, specifications, panels, monitoring, assets,
involvement) hang their records off Programme, Stage and Activity."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coproduction.core.names import NameField


class Phase(models.TextChoices):
    PLAN = "plan", "Plan"
    DO = "do", "Do"
    REVIEW = "review", "Review"


# Every new programme starts with these stages; the lead changes them to suit the programme.
DEFAULT_STAGES: list[tuple[str, str, str]] = [
    (Phase.PLAN, "Find out what matters locally", "Stories, local data, asset maps and focus groups with people who use services and carers."),
    (Phase.PLAN, "Agree priorities and outcomes", "The group proposes, discusses and ranks priorities, and agrees the outcomes framework."),
    (Phase.PLAN, "Decide where the money goes", "Participatory budgeting and the business case."),
    (Phase.PLAN, "Design the service together", "Design workshops, prototyping and the co-written specification."),
    (Phase.DO, "Choose who provides it", "Procurement panels with people who use services as equal scorers."),
    (Phase.DO, "Deliver and monitor together", "Joint monitoring meetings and quality visits by people who use services."),
    (Phase.REVIEW, "Co-assess the service", "People who use the service assess its impact with commissioners and providers."),
    (Phase.REVIEW, "Agree what changes", "Decide together whether change is needed and what it looks like."),
]


class Programme(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", "Public: anyone can read the summary"
        MEMBERS = "members", "Members only: the co-production group and commissioners"

    title = NameField(max_length=200)
    summary = models.TextField(help_text="In plain English: what the programme is for and who it is for.")
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.MEMBERS)
    lead = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="led_programmes")
    current_stage = models.ForeignKey("Stage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC


class Stage(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="stages")
    phase = models.CharField(max_length=10, choices=Phase)
    name = NameField(max_length=120)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["programme", "position"]
        indexes = [models.Index(fields=["programme", "position"])]

    def __str__(self) -> str:
        return self.name


class KeyDate(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="key_dates")
    label = models.CharField(max_length=200)
    date = models.DateField()
    stage = models.ForeignKey(Stage, on_delete=models.SET_NULL, null=True, blank=True, related_name="key_dates")

    class Meta:
        ordering = ["programme", "date"]

    def __str__(self) -> str:
        return self.label


class MemberRole(models.TextChoices):
    LIVED_EXPERIENCE = "lived_experience", "Person with lived experience"
    CARER = "carer", "Carer"
    PROVIDER = "provider", "Provider"
    COMMUNITY_ORGANISATION = "community_organisation", "Community organisation"
    COMMISSIONER = "commissioner", "Commissioner"
    ELECTED_MEMBER = "elected_member", "Elected member"
    OTHER_PROFESSIONAL = "other_professional", "Other professional"


class GroupMember(models.Model):
    """A place in a programme's co-production group. Leaving keeps the row (and the history of
    what the member took part in); only current members see members-only pages."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="programme_memberships")
    member_role = models.CharField(max_length=30, choices=MemberRole)
    joined_on = models.DateField(default=timezone.localdate)
    left_on = models.DateField(null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["programme", "member_role", "user__full_name"]
        constraints = [models.UniqueConstraint(fields=["programme", "user"], name="one_membership_per_programme")]
        indexes = [models.Index(fields=["user", "programme"], condition=models.Q(left_on__isnull=True), name="current_member_idx")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_member_role_display()})"

    @property
    def is_current(self) -> bool:
        return self.left_on is None


class ActivityKind(models.TextChoices):
    WORKSHOP = "workshop", "Design workshop"
    FOCUS_GROUP = "focus_group", "Focus group"
    COMMUNITY_CONVERSATION = "community_conversation", "Community conversation"
    PROTOTYPING = "prototyping", "Prototyping session"
    PARTICIPATORY_BUDGETING = "participatory_budgeting", "Participatory budgeting"
    PRIORITY_SETTING = "priority_setting", "Agreeing priorities"
    SPECIFICATION = "specification", "Writing the specification"
    MEETING = "meeting", "Group or board meeting"
    SURVEY = "survey", "Survey"
    PEER_RESEARCH = "peer_research", "Peer research interviews"
    PROCUREMENT_PANEL = "procurement_panel", "Procurement panel"
    RECRUITMENT_PANEL = "recruitment_panel", "Recruitment interview panel"
    MONITORING_MEETING = "monitoring_meeting", "Monitoring meeting"
    QUALITY_VISIT = "quality_visit", "Quality visit"
    ASSET_MAPPING = "asset_mapping", "Asset mapping walk or group"
    TRAINING = "training", "Training co-delivered"
    CO_ASSESSMENT = "co_assessment", "Co-assessment of a service"
    WORKING_TOGETHER_FOR_CHANGE = "working_together_for_change", "Working Together for Change"
    OTHER = "other", "Other"


class LadderRung(models.IntegerChoices):
    """TLAP's ladder of co-production, bottom to top. All but coercion have a place."""

    COERCION = 1, "Coercion"
    EDUCATING = 2, "Educating"
    INFORMING = 3, "Informing"
    CONSULTING = 4, "Consulting"
    ENGAGING = 5, "Engaging"
    CO_DESIGNING = 6, "Co-designing"
    CO_PRODUCING = 7, "Co-producing"


class Activity(models.Model):
    """Co-production that happened (or is planned) in a stage, and who took part. Workshops,
    budgeting rounds and the like each own one, so the stage page and the decisions log can
    point at any of them the same way."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="activities")
    stage = models.ForeignKey(Stage, on_delete=models.SET_NULL, null=True, blank=True, related_name="activities")
    kind = models.CharField(max_length=30, choices=ActivityKind)
    title = NameField(max_length=200)
    happened_on = models.DateField(null=True, blank=True, help_text="Leave empty while it is still planned.")
    summary = models.TextField(blank=True)
    ladder_rung = models.PositiveSmallIntegerField(choices=LadderRung, default=LadderRung.CO_PRODUCING)
    participants = models.ManyToManyField(GroupMember, blank=True, related_name="activities")
    # People who took part without being group members (residents at a PB vote, a focus group).
    others_taking_part = models.PositiveIntegerField(default=0)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "-happened_on", "title"]
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return self.title


class DeliveryStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    STOPPED = "stopped", "Stopped"


class Decision(models.Model):
    """One entry in a programme's decisions log. A decision is never edited away: revising it
    records a new decision that points back at the one it replaces, with the reason."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="decisions")
    stage = models.ForeignKey(Stage, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions")
    title = NameField(max_length=200)
    decision = models.TextField()
    decided_on = models.DateField(default=timezone.localdate)
    decided_by = models.CharField(max_length=300, help_text="Who took the decision, for example “the co-production group, by consensus”.")
    evidence = models.TextField(blank=True)
    informed_by = models.ManyToManyField(Activity, blank=True, related_name="decisions")
    revises = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True, related_name="revised_by")
    revision_reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    # "You said, we did": what people asked for, and how far the council has got in doing it.
    # Delivery moves on without revising the decision itself.
    you_said = models.TextField(blank=True)
    delivery_status = models.CharField(max_length=12, choices=DeliveryStatus, default=DeliveryStatus.NOT_STARTED)
    delivery_percent = models.PositiveSmallIntegerField(null=True, blank=True)
    stopped_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["programme", "-decided_on", "-pk"]
        # A programme's log, newest first: its pages read the first few in this order, so a
        # programme with thousands of decisions reads only those.
        indexes = [models.Index(fields=["programme", "-decided_on", "-id"], name="decision_programme_newest_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(revises__isnull=True) | ~models.Q(revision_reason=""),
                name="revision_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(delivery_percent__isnull=True) | models.Q(delivery_percent__lte=100),
                name="delivery_percent_at_most_100",
            ),
            models.CheckConstraint(
                condition=~models.Q(delivery_status="stopped") | ~models.Q(stopped_reason=""),
                name="stopped_delivery_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class DeliveryUpdate(models.Model):
    """News of a decision being carried out, with the evidence: "the art club met for the first
    time on 3 May; 14 people came". Shown on the programme's "You said, we did" page."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="delivery_updates")
    happened_on = models.DateField(default=timezone.localdate)
    update = models.TextField()
    evidence = models.TextField(blank=True)
    status = models.CharField(max_length=12, choices=DeliveryStatus)  # the status it left the decision in
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["decision", "-happened_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.decision.title}: {self.happened_on}"


class DeliveryMilestone(models.Model):
    """A step on the way to carrying out a decision, with the date it is due and the date it was
    reached: "First club session, due 1 March; reached 3 March"."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="milestones")
    title = NameField(max_length=200)
    due_on = models.DateField()
    reached_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["decision", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title
