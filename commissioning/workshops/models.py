"""Design workshops, focus groups, community conversations and prototyping sessions in a
programme: where and when, what is offered so everyone can take part, who is invited and
what they need, who came, and what came out of it. Each owns the programme's Activity record,
so the stage page and the decisions log see it like any other co-production."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from commissioning.models import Activity, ActivityKind, GroupMember, Programme
from coproduction.core.names import NameField


def clock(value) -> str:
    """10am, 2:30pm, midday: the GOV.UK style for times."""
    if value.hour == 12 and value.minute == 0:
        return "midday"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


class WorkshopKind(models.TextChoices):
    # The same values as ActivityKind, so the activity's kind always matches.
    WORKSHOP = ActivityKind.WORKSHOP.value, "Design workshop"
    FOCUS_GROUP = ActivityKind.FOCUS_GROUP.value, "Focus group"
    COMMUNITY_CONVERSATION = ActivityKind.COMMUNITY_CONVERSATION.value, "Community conversation"
    PROTOTYPING = ActivityKind.PROTOTYPING.value, "Prototyping session"


class Access(models.TextChoices):
    """What an event offers so people can take part, and what a person asks for."""

    STEP_FREE = "step_free", "Step-free access"
    HEARING_LOOP = "hearing_loop", "Hearing loop"
    BSL = "bsl", "British Sign Language (BSL) interpreter"
    QUIET_SPACE = "quiet_space", "A quiet space"
    EASY_READ = "easy_read", "Easy Read materials"
    LARGE_PRINT = "large_print", "Large print"
    BREAKS = "breaks", "Breaks"
    REFRESHMENTS = "refreshments", "Food and drinks"
    TRAVEL_PAID = "travel_paid", "Travel paid for"
    SUPPORT_WORKER = "support_worker", "A support worker or personal assistant (PA) can come too"


class Workshop(models.Model):
    class Format(models.TextChoices):
        FACE_TO_FACE = "face_to_face", "Face to face"
        ONLINE = "online", "Online"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="workshops")
    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="workshop")
    kind = models.CharField(max_length=30, choices=WorkshopKind, default=WorkshopKind.WORKSHOP)
    title = NameField(max_length=200)
    purpose = models.TextField()
    date = models.DateField()
    starts_at = models.TimeField()
    ends_at = models.TimeField()
    format = models.CharField(max_length=20, choices=Format, default=Format.FACE_TO_FACE)
    place = models.TextField(blank=True)
    # Going to where people are: a community centre, a day centre, a place of worship...
    why_this_place = models.TextField(blank=True)
    # A meeting link or phone number: only invited people and organisers see it.
    joining_instructions = models.TextField(blank=True)
    arrangements = ArrayField(models.CharField(max_length=30, choices=Access), default=list, blank=True)
    other_arrangements = models.TextField(blank=True)
    capacity = models.PositiveIntegerField(null=True, blank=True)
    notes = models.TextField(blank=True)
    attendance_recorded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "date", "starts_at"]
        indexes = [models.Index(fields=["programme", "date", "starts_at"], name="workshop_programme_date_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")), name="workshop_ends_after_start"),
            models.CheckConstraint(
                condition=~models.Q(format="online") | ~models.Q(joining_instructions=""), name="online_workshop_says_how_to_join"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_online(self) -> bool:
        return self.format == self.Format.ONLINE

    @property
    def times(self) -> str:
        return f"{clock(self.starts_at)} to {clock(self.ends_at)}"

    def arrangement_labels(self) -> list[str]:
        return [Access(value).label for value in self.arrangements]

    def replies_open(self, today=None) -> bool:
        """People can reply, and change their reply, up to and on the day."""
        return self.date >= (today or timezone.localdate())

    def has_happened(self, today=None) -> bool:
        return self.date <= (today or timezone.localdate())


class Invitation(models.Model):
    """A group member invited to a workshop, their reply and what they need to take part.
    Their access needs are seen by them and the organisers only; organisers' reads are audited."""

    class Reply(models.TextChoices):
        COMING = "coming", "Yes, I'm coming"
        MAYBE = "maybe", "Maybe"
        NOT_COMING = "not_coming", "No, I can't come"

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="invitations")
    member = models.ForeignKey(GroupMember, on_delete=models.PROTECT, related_name="workshop_invitations")
    sent_on = models.DateField(default=timezone.localdate)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reply = models.CharField(max_length=20, choices=Reply, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    access_needs = ArrayField(models.CharField(max_length=30, choices=Access), default=list, blank=True)
    anything_else = models.TextField(blank=True)
    attended = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["workshop", "member"], name="one_invitation_per_member")]
        indexes = [models.Index(fields=["member", "workshop"], name="invitation_member_idx")]

    def __str__(self) -> str:
        return f"Invitation {self.pk}"

    @property
    def has_access_needs(self) -> bool:
        return bool(self.access_needs or self.anything_else)

    def access_need_labels(self) -> list[str]:
        return [Access(value).label for value in self.access_needs]


class GuestInvitation(models.Model):
    """Someone without an account invited to a workshop or meeting by name: a council officer
    sends or prints the invitation and reaches them the way written here. Their name, how to
    reach them and what they need are personal data: organisers only, reads audited, kept until
    the retention schedule removes them after the event."""

    class SentHow(models.TextChoices):
        POST = "post", "By post (printed)"
        IN_PERSON = "in_person", "Handed over in person (printed)"
        EMAIL = "email", "By email"
        PHONE = "phone", "Read out on the phone"

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="guest_invitations")
    name = NameField(max_length=200)
    how_to_reach = models.TextField(help_text="A postal address, phone number or email address, or who passes on messages.")
    sent_how = models.CharField(max_length=20, choices=SentHow)
    sent_on = models.DateField(default=timezone.localdate)
    access_needs = ArrayField(models.CharField(max_length=30, choices=Access), default=list, blank=True)
    anything_else = models.TextField(blank=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["workshop", "name", "pk"]

    def __str__(self) -> str:
        return f"Guest invitation {self.pk}"

    @property
    def has_access_needs(self) -> bool:
        return bool(self.access_needs or self.anything_else)

    def access_need_labels(self) -> list[str]:
        return [Access(value).label for value in self.access_needs]


class Idea(models.Model):
    """Something that came out of a workshop, in whose words when that is known."""

    class Whose(models.TextChoices):
        NOT_SAID = "", "Not recorded"
        MEMBER = "member", "A group member"
        SOMEONE = "someone", "Someone at the event"

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="ideas")
    text = models.TextField()
    whose = models.CharField(max_length=10, choices=Whose, blank=True)
    said_by = models.ForeignKey(GroupMember, on_delete=models.PROTECT, null=True, blank=True, related_name="workshop_ideas")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["recorded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(whose="member", said_by__isnull=False) | (~models.Q(whose="member") & models.Q(said_by__isnull=True)),
                name="idea_member_named_only_when_member",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def whose_words(self) -> str:
        if self.said_by_id:
            return f"In {self.said_by.user.display_name}'s words"
        if self.whose == self.Whose.SOMEONE:
            return "In the words of someone at the event"
        return ""
