"""Lived experience at the boards that take decisions: the commissioning board, the Health and
Wellbeing Board and any other the council adds. A board has members of several kinds (people
with lived experience of care and support, elected members, officers); its meetings send
papers to every member in the format they asked for, each paper opening with a plain-English
summary, ahead of time; who attended is recorded, and each decision the meeting takes goes
into the decisions log of the programme it is about, so a board can show how many of its
decisions had members with lived experience in the room."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from commissioning.models import Decision
from coproduction.core.names import NameField


class Board(models.Model):
    class Kind(models.TextChoices):
        COMMISSIONING = "commissioning", "Commissioning board"
        HEALTH_AND_WELLBEING = "health_and_wellbeing", "Health and Wellbeing Board"
        OTHER = "other", "Other decision-making board"

    name = NameField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind)
    purpose = models.TextField(help_text="In plain English: what the board decides.")
    # Papers go out this many days before a meeting (local government: five clear days).
    papers_days_ahead = models.PositiveSmallIntegerField(default=7, validators=[MinValueValidator(1), MaxValueValidator(28)])
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class BoardMember(models.Model):
    class Kind(models.TextChoices):
        LIVED_EXPERIENCE = "lived_experience", "Member with lived experience (uses care and support, or a carer)"
        ELECTED_MEMBER = "elected_member", "Elected member (councillor)"
        OFFICER = "officer", "Officer (council, NHS or partner organisation)"
        OTHER = "other", "Other member"

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="board_memberships")
    kind = models.CharField(max_length=30, choices=Kind)
    joined_on = models.DateField(default=timezone.localdate)
    left_on = models.DateField(null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["board", "kind", "user__full_name", "pk"]
        constraints = [models.UniqueConstraint(fields=["board", "user"], name="one_place_per_board")]
        indexes = [models.Index(fields=["user", "board"], condition=models.Q(left_on__isnull=True), name="current_board_member_idx")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_kind_display()})"

    @property
    def short_kind(self) -> str:
        return SHORT_KINDS[self.kind]


SHORT_KINDS = {
    BoardMember.Kind.LIVED_EXPERIENCE: "Lived experience",
    BoardMember.Kind.ELECTED_MEMBER: "Elected member",
    BoardMember.Kind.OFFICER: "Officer",
    BoardMember.Kind.OTHER: "Other member",
}


class BoardMeeting(models.Model):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    place = models.TextField(help_text="Where it is, or how to join online.")
    agenda = models.TextField(blank=True)
    papers_sent_at = models.DateTimeField(null=True, blank=True)
    attendance_recorded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["board", "-date", "-pk"]
        indexes = [models.Index(fields=["board", "date"], name="board_meeting_date_idx")]

    def __str__(self) -> str:
        return f"{self.board.name}, {self.date:%-d %B %Y}"

    @property
    def papers_due_by(self):
        return self.date - timedelta(days=self.board.papers_days_ahead)

    @property
    def papers_days_before(self) -> int | None:
        """How many days before the meeting the papers went out (None: not sent)."""
        if self.papers_sent_at is None:
            return None
        return (self.date - timezone.localtime(self.papers_sent_at).date()).days

    @property
    def papers_on_time(self) -> bool:
        days = self.papers_days_before
        return days is not None and days >= self.board.papers_days_ahead


class BoardPaper(models.Model):
    """A paper for a board meeting, written on the platform so it can go out in large print or
    Easy Read, always with a plain-English summary at the top."""

    meeting = models.ForeignKey(BoardMeeting, on_delete=models.CASCADE, related_name="papers")
    title = NameField(max_length=200)
    summary = models.TextField(help_text="What the paper says and what the board is asked to decide, in plain English.")
    text = models.TextField()
    easy_read_text = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=1)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["meeting", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class MeetingAttendee(models.Model):
    """A board member at one meeting: the format their papers went in, and whether they came."""

    meeting = models.ForeignKey(BoardMeeting, on_delete=models.CASCADE, related_name="attendees")
    member = models.ForeignKey(BoardMember, on_delete=models.CASCADE, related_name="meetings")
    papers_format = models.CharField(max_length=20, blank=True)  # the DocumentFormat the papers were sent in
    papers_sent_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(null=True, blank=True)  # None until attendance is recorded

    class Meta:
        ordering = ["meeting", "member__kind", "member__user__full_name", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="one_attendee_row_per_board_member")]
        indexes = [models.Index(fields=["meeting", "attended"], name="board_attendee_idx")]

    def __str__(self) -> str:
        return str(self.member)

    @property
    def papers_format_label(self) -> str:
        from commissioning.involvement.models import DocumentFormat

        return DocumentFormat(self.papers_format).label if self.papers_format in DocumentFormat.values else ""


class BoardDecision(models.Model):
    """A decision a board meeting took, kept in the decisions log of the programme it is about."""

    meeting = models.ForeignKey(BoardMeeting, on_delete=models.PROTECT, related_name="decisions")
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="board_decisions")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["meeting", "pk"]
        constraints = [models.UniqueConstraint(fields=["decision"], name="one_board_meeting_per_decision")]

    def __str__(self) -> str:
        return f"{self.meeting.board.name}, meeting on {self.meeting.date:%-d %B %Y}"
