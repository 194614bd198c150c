from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class AuditEvent(models.Model):
    """One read or change of a personal record. Append-only: a database trigger
    refuses UPDATE and DELETE (see migration 0002), so not even a bug can rewrite history."""

    class Action(models.TextChoices):
        VIEW = "view", "Viewed"
        CREATE = "create", "Created"
        CHANGE = "change", "Changed"
        DELETE = "delete", "Deleted"
        EXPORT = "export", "Exported"
        DOWNLOAD = "download", "Downloaded"
        SEARCH = "search", "Searched"
        LOGIN = "login", "Signed in"
        LOGOUT = "logout", "Signed out"
        LOGIN_FAILED = "login_failed", "Sign-in failed"
        MFA = "mfa", "Two-factor set up or verified"

    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="audit_events_as_actor"
    )
    action = models.CharField(max_length=20, choices=Action)
    # The record read or changed, by type and primary key (never its contents).
    target_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    # Whose personal data it is, so a person can see who read their records.
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_events_as_subject",
    )
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    # A short fixed phrase such as a report kind; never free text typed by a user.
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["-at", "-id"], name="audit_at_idx"),  # exactly the list order
            models.Index(fields=["actor", "-at"], name="audit_actor_at_idx"),
            models.Index(fields=["subject", "-at"], name="audit_subject_at_idx"),
            models.Index(fields=["target_type", "target_id"], name="audit_target_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.at:%Y-%m-%d %H:%M}"

    @property
    def target_label(self) -> str:
        if self.target_type_id is None:
            return ""
        return f"{self.target_type.name} {self.target_id}"
