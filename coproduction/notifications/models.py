from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from .topics import Topic


class Channel(models.TextChoices):
    """How a person hears about a message, beyond their Messages list in the service."""

    EMAIL = "email", "Email"
    TEXT = "text", "Text message"
    LETTER = "letter", "Letter"
    SERVICE = "service", "Only in my Messages in this service"
    NONE = "none", "Not at all"


class Preference(models.Model):
    """How and about what one person hears. No row means the default: every topic, by email."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference")
    channel = models.CharField(max_length=10, choices=Channel, default=Channel.EMAIL)
    # Topics the person switched off; a topic added later is on until they switch it off.
    topics_off = ArrayField(models.CharField(max_length=30, choices=Topic), default=list, blank=True)
    mobile_number = models.CharField("UK mobile number", max_length=20, blank=True)
    address = models.TextField("Postal address", blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Who last changed it: the person, or a practitioner on their behalf.
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"Preferences ({self.get_channel_display()})"

    def wants(self, topic: str) -> bool:
        return self.channel != Channel.NONE and topic not in self.topics_off


class Message(models.Model):
    """One thing the service told one person: always in their Messages list."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_messages")
    topic = models.CharField(max_length=30, choices=Topic)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    link = models.CharField(max_length=500, blank=True)
    # Names the event, so the same event never makes a second message for the same person.
    key = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="notification_message_unique_key")]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_recipient_idx"),
            models.Index(fields=["recipient"], name="notification_unread_idx", condition=models.Q(read_at__isnull=True)),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


# What the sent-log records as the template of an email the service writes itself.
SERVICE_EMAIL = "service email"


class Delivery(models.Model):
    """The sent-log: one attempt to get a message to a person outside the service.

    Written (queued) before its task is queued, and claimed by the task with a conditional
    update, so a retried or duplicated task never sends twice.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to send"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        NOT_SENT = "not_sent", "Not sent"
        # The worker stopped mid-send: it may or may not have gone. Never sent again on its
        # own, so nobody gets it twice; an administrator checks and may send it again.
        CHECK = "check", "Check: may not have been sent"

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=10, choices=Channel)
    # "email" for the service's own email, or the GOV.UK Notify template id used.
    template = models.CharField(max_length=100, blank=True)
    via = models.CharField(max_length=20, blank=True)  # "smtp" or "notify"
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    provider_reference = models.CharField(max_length=100, blank=True)
    # Plain words for an administrator: never personal data or a traceback.
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "deliveries"
        indexes = [
            models.Index(fields=["status", "-created_at"], name="notification_delivery_idx"),
            # The sweep looks for unfinished deliveries only.
            models.Index(
                fields=["status", "updated_at"],
                name="notification_unfinished_idx",
                condition=models.Q(status__in=["queued", "sending"]),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} ({self.get_status_display()})"

    @property
    def template_description(self) -> str:
        """What was used to write it, in words an administrator recognises."""
        if self.template == SERVICE_EMAIL:
            return "The service's own email, sent through the council's email server"
        if self.template:
            return f"GOV.UK Notify {self.get_channel_display().lower()} template {self.template}"
        return f"None: no service is set up to send a {self.get_channel_display().lower()}"
