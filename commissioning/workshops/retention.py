"""Invitations to people without an account on the retention schedule: their name, how to
reach them and what they need are removed once the event is long past."""

from datetime import date

from django.db.models import QuerySet

from coproduction.governance.retention.selectors import cutoff_date, register_record_type

from .models import GuestInvitation


def due_guest_invitations(*, today: date | None = None) -> QuerySet:
    return GuestInvitation.objects.filter(workshop__date__lt=cutoff_date("guest_invitations", today=today)).order_by("pk")


def delete_guest_invitations(ids: list[int], run) -> None:
    GuestInvitation.objects.filter(pk__in=ids).delete()


def _label(record) -> str:
    return f"Guest invitation {record.pk} to event {record.workshop_id}, sent {record.sent_on:%-d %B %Y}"


register_record_type(
    "guest_invitations", due=due_guest_invitations, act=delete_guest_invitations, label=_label,
    only=["id", "workshop_id", "sent_on"],
)
