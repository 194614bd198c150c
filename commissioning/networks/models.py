"""Networks of people and organisations working closely together towards the same aim:
providers, commissioners (also from health, housing and beyond), people who use services and
carers. A network has a shared aim, a short agreed way of working (versioned: members agree
each version), members, meetings (agenda, papers in each member's format, minutes agreed by
all), open discussion threads and a library all members can see.

A peer support network is a network of people who use services or carers, run by its own
members: its members moderate their own threads, and the council only enables it, seeing how
many members it has but never what they say. It can list itself on the asset map.

A network can record an alliance: member providers bound to shared outcomes from the outcomes
framework, sharing risk and reward, for a term, delivering one or more contracts."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from commissioning.meetings import MeetingPaperRecord, MeetingPlaceRecord, MeetingRecord
from coproduction.core.names import NameField


class Network(models.Model):
    class Kind(models.TextChoices):
        NETWORK = "network", "A network of organisations and people"
        PEER_SUPPORT = "peer_support", "A peer support network run by people who use services or carers"

    name = NameField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.NETWORK)
    aim = models.TextField(help_text="The aim the members share, in plain English.")
    # Set while a peer support network is listed on the asset map (the asset it is listed as).
    listed_asset = models.ForeignKey("assets.Asset", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # The commissioning programme that supports the network, if any: its meetings are activities
    # there, so members are recognised and paid back through its involvement ledger.
    programme = models.ForeignKey(
        "commissioning.Programme", on_delete=models.SET_NULL, null=True, blank=True, related_name="networks"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_peer_support(self) -> bool:
        return self.kind == self.Kind.PEER_SUPPORT


class NetworkMember(models.Model):
    """A person or an organisation in a network."""

    class Kind(models.TextChoices):
        PROVIDER = "provider", "Provider"
        COMMISSIONER = "commissioner", "Commissioner"
        HEALTH = "health", "Health"
        HOUSING = "housing", "Housing"
        VOLUNTARY = "voluntary", "Voluntary and community sector"
        PERSON = "person", "Person who uses services"
        CARER = "carer", "Carer"
        OTHER = "other", "Other"

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                             related_name="network_memberships")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="network_memberships")
    kind = models.CharField(max_length=20, choices=Kind)
    # In a peer support network, members who moderate its threads (chosen by its members).
    is_moderator = models.BooleanField(default=False)
    joined_on = models.DateField(default=timezone.localdate)
    left_on = models.DateField(null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["network", "kind", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(user__isnull=True) ^ models.Q(organisation__isnull=True),
                                   name="network_member_is_person_or_organisation"),
            models.UniqueConstraint(fields=["network", "user"], name="one_place_per_network_person"),
            models.UniqueConstraint(fields=["network", "organisation"], name="one_place_per_network_organisation"),
        ]
        indexes = [models.Index(fields=["user", "network"], condition=models.Q(left_on__isnull=True), name="current_network_member_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.user.display_name if self.user_id else self.organisation.name


class WayOfWorking(models.Model):
    """One version of the short document members agree to. A new version asks everyone again."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="ways_of_working")
    version = models.PositiveSmallIntegerField()
    text = models.TextField()
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["network", "-version"]
        constraints = [models.UniqueConstraint(fields=["network", "version"], name="one_way_of_working_per_version")]

    def __str__(self) -> str:
        return f"{self.network.name}: way of working, version {self.version}"


class WayOfWorkingAgreement(models.Model):
    way_of_working = models.ForeignKey(WayOfWorking, on_delete=models.CASCADE, related_name="agreements")
    member = models.ForeignKey(NetworkMember, on_delete=models.CASCADE, related_name="agreements")
    agreed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    agreed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["way_of_working", "agreed_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["way_of_working", "member"], name="one_agreement_per_member_version")]

    def __str__(self) -> str:
        return f"{self.member} agreed version {self.way_of_working.version}"


class Thread(models.Model):
    """An open discussion among the network's members."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="threads")
    title = NameField(max_length=200)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="network_threads")
    started_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["network", "-last_post_at", "-pk"]
        indexes = [models.Index(fields=["network", "last_post_at"], name="network_thread_recent_idx")]

    def __str__(self) -> str:
        return self.title


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="network_posts")
    text = models.TextField()
    posted_at = models.DateTimeField(default=timezone.now)
    # A moderator hid it: the words stay out of sight of everyone but the author.
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["thread", "posted_at", "pk"]

    def __str__(self) -> str:
        # Never the discussion's title: a peer support network's words stay with its members.
        return f"Message {self.pk} in discussion {self.thread_id}"


class LibraryItem(models.Model):
    """Information shared with every member: a link or a short text."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="library")
    title = NameField(max_length=200)
    summary = models.TextField(help_text="What it is and why it matters, in plain English.")
    link = models.URLField(blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["network", "-added_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class NetworkMeeting(MeetingRecord):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="meetings")
    # Set when the network has a programme: who came takes part in it, and claims go against it.
    activity = models.OneToOneField(
        "commissioning.Activity", on_delete=models.SET_NULL, null=True, blank=True, related_name="network_meeting"
    )

    class Meta:
        ordering = ["network", "-date", "-starts_at"]
        indexes = [models.Index(fields=["network", "date"], name="network_meeting_date_idx")]


class NetworkMeetingPaper(MeetingPaperRecord):
    meeting = models.ForeignKey(NetworkMeeting, on_delete=models.CASCADE, related_name="papers")

    class Meta:
        ordering = ["meeting", "position", "pk"]
        constraints = [models.CheckConstraint(condition=~models.Q(text=""), name="network_paper_has_text")]


class NetworkMeetingPlace(MeetingPlaceRecord):
    """A member (a person) at one network meeting."""

    meeting = models.ForeignKey(NetworkMeeting, on_delete=models.CASCADE, related_name="places")
    member = models.ForeignKey(NetworkMember, on_delete=models.CASCADE, related_name="meeting_places")

    class Meta:
        ordering = ["meeting", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="one_place_per_network_meeting")]

    def __str__(self) -> str:
        return str(self.member)

    @property
    def papers_format_label(self) -> str:
        from commissioning.involvement.models import DocumentFormat

        return DocumentFormat(self.papers_format).label.lower() if self.papers_format in DocumentFormat.values else ""


class Alliance(models.Model):
    """An alliance agreement: providers bound to shared outcomes, sharing risk and reward."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="alliances")
    name = NameField(max_length=200)
    starts_on = models.DateField()
    ends_on = models.DateField()
    outcomes = models.ManyToManyField("priorities.Outcome", related_name="alliances")
    contracts = models.ManyToManyField("monitoring.Contract", blank=True, related_name="alliances")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["network", "-starts_on", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="alliance_ends_after_start")]

    def __str__(self) -> str:
        return self.name


class AllianceShare(models.Model):
    """A member provider's share of the alliance's risk and reward, in per cent."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="shares")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="alliance_shares")
    risk_share = models.DecimalField(max_digits=5, decimal_places=2, validators=[MinValueValidator(0), MaxValueValidator(100)])
    reward_share = models.DecimalField(max_digits=5, decimal_places=2, validators=[MinValueValidator(0), MaxValueValidator(100)])

    class Meta:
        ordering = ["alliance", "organisation__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["alliance", "organisation"], name="one_share_per_alliance_provider")]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.alliance}"

    @property
    def risk_percent(self) -> str:
        return _percent(self.risk_share)

    @property
    def reward_percent(self) -> str:
        return _percent(self.reward_share)


def _percent(value) -> str:
    """55.50 as "55.5%", 60.00 as "60%"."""
    return f"{value.normalize():f}%"
