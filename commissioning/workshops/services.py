"""Writes for workshops. A workshop and its Activity are written together, so the stage page
always shows the same title, kind and who took part as the workshop page."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from commissioning.participants import activity_participants_set
from commissioning.models import Activity, GroupMember, Programme, Stage
from commissioning.services import stage_for_activity
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record, audit_record_many

from . import notices
from .models import GuestInvitation, Idea, Invitation, Workshop

WORKSHOP_FIELDS = [
    "kind", "title", "purpose", "date", "starts_at", "ends_at", "format", "place", "why_this_place",
    "joining_instructions", "arrangements", "other_arrangements", "capacity",
]


def _activity_summary(data: dict) -> str:
    return data["purpose"]


@transaction.atomic
def workshop_create(*, programme: Programme, data: dict, stage: Stage | None, by) -> Workshop:
    activity = Activity.objects.create(
        programme=programme,
        stage=stage or stage_for_activity(programme=programme, kind=data["kind"]),
        kind=data["kind"],
        title=data["title"],
        summary=_activity_summary(data),
        recorded_by=by,
    )
    return Workshop.objects.create(
        programme=programme, activity=activity, created_by=by, **{name: data[name] for name in WORKSHOP_FIELDS}
    )


@transaction.atomic
def workshop_update(*, workshop: Workshop, data: dict, stage: Stage | None, by) -> Workshop:
    for name in WORKSHOP_FIELDS:
        setattr(workshop, name, data[name])
    workshop.save()
    activity = workshop.activity
    activity.kind, activity.title, activity.summary = data["kind"], data["title"], _activity_summary(data)
    activity.stage = stage
    if workshop.attendance_recorded_at:
        activity.happened_on = workshop.date  # a corrected date moves the record of who took part with it
    activity.save(update_fields=["kind", "title", "summary", "stage", "happened_on"])
    return workshop


@transaction.atomic
def invitations_send(*, workshop: Workshop, members: Iterable[GroupMember], sent_on: date, by) -> list[Invitation]:
    """Record invitations sent to group members (by letter, email or in person)."""
    invitations = Invitation.objects.bulk_create(
        [Invitation(workshop=workshop, member=member, sent_on=sent_on, invited_by=by) for member in members],
        ignore_conflicts=True,  # a second click on "Invite" must not fail
    )
    notices.invitations_sent(workshop=workshop)
    return invitations


@transaction.atomic
def guest_invite(*, workshop: Workshop, data: dict, by, request: HttpRequest | None = None) -> GuestInvitation:
    """Invite someone without an account by name: the officer sends or prints the invitation."""
    if not workshop.replies_open():
        raise ValidationError({"name": "The event has happened, so nobody else can be invited."})
    if not (data.get("name") or "").strip():
        raise ValidationError({"name": "Enter the name of the person you are inviting"})
    if not (data.get("how_to_reach") or "").strip():
        raise ValidationError({"how_to_reach": "Enter how to reach them"})
    guest = GuestInvitation.objects.create(
        workshop=workshop, name=data["name"].strip(), how_to_reach=data["how_to_reach"].strip(), sent_how=data["sent_how"],
        sent_on=data.get("sent_on") or timezone.localdate(), access_needs=list(data.get("access_needs") or []),
        anything_else=(data.get("anything_else") or "").strip(), invited_by=by,
    )
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=guest, request=request, detail="guest invitation")
    return guest


def guest_invitations_audit_read(*, guests: Iterable[GuestInvitation], by, request: HttpRequest | None = None) -> int:
    """An organiser read guests' names, how to reach them and their needs: one INSERT a page."""
    return audit_record_many(actor=by, action=AuditEvent.Action.VIEW, objects=list(guests), request=request,
                             detail="guest invitation")


@transaction.atomic
def invitation_reply(
    *, invitation: Invitation, reply: str, access_needs: list[str], anything_else: str, by, request: HttpRequest | None = None
) -> Invitation:
    if not invitation.workshop.replies_open():
        raise ValidationError("Replies have closed: the event has happened.")
    invitation.reply = reply
    invitation.access_needs = list(access_needs)
    invitation.anything_else = anything_else
    invitation.replied_at = timezone.now()
    invitation.save(update_fields=["reply", "access_needs", "anything_else", "replied_at"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=invitation, subject=invitation.member.user, request=request)
    return invitation


def access_needs_audit_read(*, invitations: Iterable[Invitation], by, request: HttpRequest | None = None) -> int:
    """Every organiser read of someone's access needs is in the audit trail: one INSERT a page."""
    return audit_record_many(
        actor=by,
        action=AuditEvent.Action.VIEW,
        objects=[invitation for invitation in invitations if invitation.has_access_needs],
        subject_of=lambda invitation: invitation.member.user,
        request=request,
        detail="workshop access needs",
    )


@transaction.atomic
def attendance_record(*, workshop: Workshop, attended: Iterable[Invitation], others: int, by) -> Workshop:
    """Who came: fills the activity's participants, others taking part and date."""
    if not workshop.has_happened():
        raise ValidationError("Record who came once the event has happened.")
    attended_ids = [invitation.pk for invitation in attended]
    workshop.invitations.exclude(pk__in=attended_ids).update(attended=False)
    workshop.invitations.filter(pk__in=attended_ids).update(attended=True)
    activity = workshop.activity
    activity_participants_set(activity=activity, members=GroupMember.objects.filter(workshop_invitations__pk__in=attended_ids))
    activity.others_taking_part = others
    activity.happened_on = workshop.date
    activity.save(update_fields=["others_taking_part", "happened_on"])
    workshop.attendance_recorded_at = timezone.now()
    workshop.save(update_fields=["attendance_recorded_at"])
    return workshop


@transaction.atomic
def workshop_notes_update(*, workshop: Workshop, notes: str, by) -> Workshop:
    workshop.notes = notes
    workshop.save(update_fields=["notes"])
    return workshop


@transaction.atomic
def idea_add(*, workshop: Workshop, text: str, whose: str, said_by: GroupMember | None, by) -> Idea:
    if whose != Idea.Whose.MEMBER:
        said_by = None
    return Idea.objects.create(workshop=workshop, text=text, whose=whose, said_by=said_by, recorded_by=by)


@transaction.atomic
def idea_remove(*, idea: Idea, by) -> None:
    idea.delete()


@transaction.atomic
def workshop_fed_set(*, workshop: Workshop, offered: dict, chosen: dict, by) -> Workshop:
    """Which priorities, outcomes and specification sections the workshop fed."""
    from .fed import fed_set

    fed_set(workshop=workshop, offered=offered, chosen=chosen)
    return workshop
