"""Writes for commissioning programmes. Nothing in a decisions log is edited away or deleted."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from commissioning.participants import activity_participants_set
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access_lost import access_lost
from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic

from .models import (
    DEFAULT_STAGES,
    Activity,
    Decision,
    DeliveryMilestone,
    DeliveryStatus,
    DeliveryUpdate,
    GroupMember,
    KeyDate,
    Phase,
    Programme,
    Stage,
)
from .sections import ACTIVITY_KIND_STAGES

PHASE_ORDER = {phase: index for index, phase in enumerate(Phase.values)}


@transaction.atomic
def programme_create(*, lead, title: str, summary: str, visibility: str = Programme.Visibility.MEMBERS) -> Programme:
    """A new programme with the default stages, starting at the first."""
    programme = Programme.objects.create(lead=lead, title=title, summary=summary, visibility=visibility)
    stages = Stage.objects.bulk_create(
        Stage(programme=programme, phase=phase, name=name, description=description, position=position)
        for position, (phase, name, description) in enumerate(DEFAULT_STAGES, start=1)
    )
    programme.current_stage = stages[0]
    programme.save(update_fields=["current_stage"])
    return programme


@transaction.atomic
def programme_update(*, programme: Programme, data: dict, by) -> Programme:
    """Title, summary, visibility and lead: the fields of the change form. The current stage
    moves with programme_move_stage, which records why."""
    for field in ("title", "summary", "visibility", "lead"):
        if field in data:
            setattr(programme, field, data[field])
    programme.save()
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=programme)
    return programme


@transaction.atomic
def programme_move_stage(*, programme: Programme, to: Stage, reason: str, by) -> Decision:
    """Move the programme to another of its stages. The move is a decision of the programme:
    it goes into the decisions log with who moved it, when and why, and the group is told."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter why the programme is moving to this stage"})
    if to.programme_id != programme.pk:
        raise ValidationError({"stage": "Select one of this programme's stages"})
    Programme.objects.select_for_update().filter(pk=programme.pk).first()
    programme.refresh_from_db(fields=["current_stage"])
    if to.pk == programme.current_stage_id:
        raise ValidationError({"stage": f"The programme is already at “{to.name}”. Select another stage"})
    before = programme.current_stage
    programme.current_stage = to
    programme.save(update_fields=["current_stage", "updated_at"])
    moved = f"from “{before.name}” to “{to.name}”" if before else f"to “{to.name}”"
    decision = Decision.objects.create(
        programme=programme, stage=to, title=f"Moved to the stage “{to.name}”"[:200],
        decision=f"The programme moved {moved}, in the {to.get_phase_display().lower()} phase.\n\nWhy: {reason}",
        decided_on=timezone.localdate(), decided_by=by.full_name or by.email, recorded_by=by,
    )
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=programme, detail="moved to another stage")
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=decision)
    _tell_group_of_move(programme=programme, decision=decision, moved=moved, reason=reason, by=by)
    return decision


def _tell_group_of_move(*, programme: Programme, decision: Decision, moved: str, reason: str, by) -> int:
    """Everyone in the group now (but the person who moved it) hears where the programme is."""
    from django.urls import reverse

    members = [member.user for member in programme.members.filter(left_on__isnull=True).exclude(user=by).select_related("user")]
    return notify(
        recipients=members, topic=Topic.PROGRAMME,
        subject=f"{programme.title}: now at “{decision.stage.name}”"[:200],
        body=f"The programme “{programme.title}” has moved {moved}.\n\nWhy: {reason}",
        link=reverse("commissioning:decision_detail", kwargs={"programme_id": programme.pk, "decision_id": decision.pk}),
        key=f"programme-stage-move:{decision.pk}",
    )


def stage_for_activity(*, programme: Programme, kind: str) -> Stage | None:
    """The programme's stage a new activity of this kind belongs to, as its sub-app registered
    it (commissioning.sections.register_activity_kind): the stage of that name; else, if the
    programme has renamed it, the current stage when it is in the same phase, or the phase's
    first stage; else the current stage. One query."""
    home = ACTIVITY_KIND_STAGES.get(kind)
    if home is None:
        return programme.current_stage
    stages = list(programme.stages.order_by("position"))
    named = next((stage for stage in stages if stage.name == home.stage_name), None)
    if named is not None:
        return named
    current = next((stage for stage in stages if stage.pk == programme.current_stage_id), None)
    if current is not None and current.phase == home.phase:
        return current
    return next((stage for stage in stages if stage.phase == home.phase), current)


def key_date_add(*, programme: Programme, label: str, date, stage: Stage | None = None) -> KeyDate:
    return KeyDate.objects.create(programme=programme, label=label, date=date, stage=stage)


def key_date_remove(*, key_date: KeyDate) -> None:
    key_date.delete()


def _renumber(programme: Programme) -> None:
    """Keep stages in phase order (plan, do, review) and number them 1, 2, 3... without gaps."""
    stages = sorted(programme.stages.all(), key=lambda stage: (PHASE_ORDER[stage.phase], stage.position, stage.pk))
    for position, stage in enumerate(stages, start=1):
        stage.position = position
    Stage.objects.bulk_update(stages, ["position"])


@transaction.atomic
def stage_add(*, programme: Programme, phase: str, name: str, description: str = "") -> Stage:
    """A new stage at the end of its phase."""
    Programme.objects.select_for_update().filter(pk=programme.pk).first()
    stage = Stage.objects.create(programme=programme, phase=phase, name=name, description=description, position=10_000)
    _renumber(programme)
    stage.refresh_from_db(fields=["position"])
    return stage


@transaction.atomic
def stage_update(*, stage: Stage, phase: str, name: str, description: str) -> Stage:
    phase_changed = phase != stage.phase
    stage.phase, stage.name, stage.description = phase, name, description
    if phase_changed:
        stage.position = 10_000  # the end of its new phase
    stage.save()
    if phase_changed:
        _renumber(stage.programme)
    return stage


@transaction.atomic
def stage_move(*, stage: Stage, up: bool) -> None:
    """Swap with the stage before (or after) it in the same phase."""
    Programme.objects.select_for_update().filter(pk=stage.programme_id).first()
    siblings = Stage.objects.filter(programme_id=stage.programme_id, phase=stage.phase)
    neighbour = (siblings.filter(position__lt=stage.position).order_by("-position") if up else siblings.filter(position__gt=stage.position).order_by("position")).first()
    if neighbour is None:
        raise ValidationError(f"“{stage.name}” is already the {'first' if up else 'last'} stage in {stage.get_phase_display().lower()}.")
    stage.position, neighbour.position = neighbour.position, stage.position
    Stage.objects.bulk_update([stage, neighbour], ["position"])


def stage_in_use(*, stage: Stage) -> dict:
    """What is recorded in the stage: a stage holding activities or decisions cannot be removed."""
    return Stage.objects.filter(pk=stage.pk).aggregate(
        activities=Count("activities", distinct=True), decisions=Count("decisions", distinct=True)
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s" if not word.endswith("y") else f"{count} {word[:-1]}ies"


@transaction.atomic
def stage_remove(*, stage: Stage, programme: Programme) -> None:
    Programme.objects.select_for_update().filter(pk=programme.pk).first()
    used = stage_in_use(stage=stage)
    if used["activities"] or used["decisions"]:
        held = " and ".join(
            _plural(used[key], word) for key, word in (("activities", "activity"), ("decisions", "decision")) if used[key]
        )
        raise ValidationError(
            f"You cannot remove “{stage.name}” because it holds {held}. Move them to another stage first."
        )
    if programme.current_stage_id == stage.pk:
        raise ValidationError(f"You cannot remove “{stage.name}” because the programme is at this stage now. Move the programme to another stage first.")
    if programme.stages.count() == 1:
        raise ValidationError("A programme needs at least one stage.")
    stage.delete()
    _renumber(programme)


@transaction.atomic
def member_add(*, programme: Programme, user, member_role: str, by) -> GroupMember:
    """Add someone to the co-production group; someone who left before joins again."""
    existing = GroupMember.objects.select_for_update().filter(programme=programme, user=user).first()
    if existing is not None and existing.is_current:
        raise ValidationError(f"{user.full_name} is already in the group.")
    if existing is not None:
        existing.member_role, existing.joined_on, existing.left_on, existing.added_by = member_role, timezone.localdate(), None, by
        existing.save()
        member = existing
    else:
        member = GroupMember.objects.create(programme=programme, user=user, member_role=member_role, added_by=by)
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=member, subject=user)
    return member


@transaction.atomic
def member_change_role(*, member: GroupMember, member_role: str, by) -> GroupMember:
    member.member_role = member_role
    member.save(update_fields=["member_role"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=member, subject=member.user)
    return member


@transaction.atomic
def member_leave(*, member: GroupMember, left_on, by) -> GroupMember:
    """Record that someone left: they keep their history but lose members-only pages at once."""
    if not member.is_current:
        raise ValidationError(f"{member.user.full_name} has already left the group.")
    if left_on < member.joined_on:
        raise ValidationError("The date they left must be the same as or after the date they joined")
    member.left_on = left_on
    member.save(update_fields=["left_on"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=member, subject=member.user, detail="left the group")
    access_lost(user_id=member.user_id)
    return member


def _check_participants(programme: Programme, participants) -> None:
    if any(member.programme_id != programme.pk for member in participants):
        raise ValidationError("Choose people from this programme's group.")


@transaction.atomic
def activity_record(*, programme: Programme, data: dict, by) -> Activity:
    participants = data.pop("participants", [])
    _check_participants(programme, participants)
    activity = Activity.objects.create(programme=programme, recorded_by=by, **data)
    activity_participants_set(activity=activity, members=participants)
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, data: dict, by) -> Activity:
    participants = data.pop("participants", None)
    for field, value in data.items():
        setattr(activity, field, value)
    activity.save()
    if participants is not None:
        _check_participants(activity.programme, participants)
        activity_participants_set(activity=activity, members=participants)
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=activity)
    return activity


@transaction.atomic
def decision_record(*, programme: Programme, data: dict, by, revises: Decision | None = None, reason: str = "") -> Decision:
    """Add to the decisions log. Revising records a new decision pointing at the old one."""
    informed_by = data.pop("informed_by", [])
    if any(activity.programme_id != programme.pk for activity in informed_by):
        raise ValidationError("Choose activities from this programme.")
    if revises is not None:
        # Lock the old decision, so two people revising it at once cannot both succeed.
        revises = Decision.objects.select_for_update().get(pk=revises.pk)
        if Decision.objects.filter(revises=revises).exists():
            raise ValidationError("This decision has already been revised. Revise the newest decision instead.")
        if not reason.strip():
            raise ValidationError("Enter why the decision is being revised")
    decision = Decision.objects.create(
        programme=programme, recorded_by=by, revises=revises, revision_reason=reason.strip() if revises else "", **data
    )
    decision.informed_by.set(informed_by)
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=decision)
    return decision



@transaction.atomic
def decision_delivery_update(
    *, decision: Decision, by, status: str, percent: int | None, stopped_reason: str = "", you_said: str = "",
    update: str = "", evidence: str = "", happened_on=None, milestone: str = "", milestone_due=None, milestones_reached=(),
) -> Decision:
    """Say how far a decision has got ("You said, we did"): its status, how much is done, and
    optionally news with evidence. Stopping needs a reason people can read."""
    errors = {}
    if status not in DeliveryStatus.values:
        errors["status"] = "Select where the work is up to"
    if percent is not None and not 0 <= percent <= 100:
        errors["percent"] = "How much is done must be between 0 and 100"
    if status == DeliveryStatus.STOPPED and not stopped_reason.strip():
        errors["stopped_reason"] = "Enter why the work stopped"
    if evidence.strip() and not update.strip():
        errors["update"] = "Enter the news the evidence is for"
    if milestone.strip() and milestone_due is None:
        errors["milestone_due"] = "Enter the date the milestone is due"
    if milestone_due is not None and not milestone.strip():
        errors["milestone"] = "Enter the milestone the date is for"
    if errors:
        raise ValidationError(errors)
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if Decision.objects.filter(revises=decision).exists():
        raise ValidationError("This decision was revised. Say how the newest decision is going instead.")
    if status == DeliveryStatus.DONE and percent is None:
        percent = 100
    decision.delivery_status, decision.delivery_percent = status, percent
    decision.stopped_reason = stopped_reason.strip() if status == DeliveryStatus.STOPPED else ""
    decision.you_said = you_said.strip()
    decision.save(update_fields=["delivery_status", "delivery_percent", "stopped_reason", "you_said"])
    if milestone.strip():
        DeliveryMilestone.objects.create(decision=decision, title=milestone.strip(), due_on=milestone_due)
    DeliveryMilestone.objects.filter(decision=decision, reached_on__isnull=True, pk__in=[m.pk for m in milestones_reached]).update(
        reached_on=happened_on or timezone.localdate()
    )
    if update.strip():
        DeliveryUpdate.objects.create(
            decision=decision, update=update.strip(), evidence=evidence.strip(), status=status,
            happened_on=happened_on or timezone.localdate(), recorded_by=by,
        )
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=decision)
    return decision
