"""Writes for practice groups: starting one, adding managers, sharing a team's totals and
examples for a statement, and agreeing actions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from checklist.models import PracticeAction, PracticeGroup, PracticeGroupMember, PracticeShare
from coproduction.accounts.models import Team, User
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access_lost import access_lost

CREATE, CHANGE = AuditEvent.Action.CREATE, AuditEvent.Action.CHANGE


def _check_manages(manager: User, team: Team) -> None:
    if team.pk not in manager.managed_team_ids:
        raise ValidationError({"team": f"{manager.display_name} does not manage {team.name}"})


@transaction.atomic
def group_create(*, name: str, purpose: str, statement, team: Team, by: User, request=None) -> PracticeGroup:
    """Start a group, its first member the manager who started it, for one of their teams."""
    _check_manages(by, team)
    group = PracticeGroup.objects.create(name=name, purpose=purpose, statement=statement, created_by=by)
    PracticeGroupMember.objects.create(group=group, manager=by, team=team, added_by=by)
    audit_record(actor=by, action=CREATE, obj=group, request=request)
    return group


@transaction.atomic
def member_add(*, group: PracticeGroup, manager: User, team: Team, by: User, request=None) -> PracticeGroupMember:
    _check_manages(manager, team)
    existing = PracticeGroupMember.objects.select_for_update().filter(group=group, team=team).first()
    if existing is not None and existing.left_on is None:
        raise ValidationError({"place": f"{team.name} is already in the group"})
    if existing is not None:  # the team comes back: its earlier shares stay with it
        existing.manager, existing.left_on, existing.joined_on = manager, None, timezone.localdate()
        existing.save(update_fields=["manager", "left_on", "joined_on"])
        member = existing
    else:
        member = PracticeGroupMember.objects.create(group=group, manager=manager, team=team, added_by=by)
    audit_record(actor=by, action=CREATE, obj=member, request=request, detail="practice group member added")
    return member


@transaction.atomic
def member_leave(*, member: PracticeGroupMember, by: User, request=None) -> None:
    if member.left_on is None:
        member.left_on = timezone.localdate()
        member.save(update_fields=["left_on"])
        audit_record(actor=by, action=CHANGE, obj=member, request=request, detail="left the practice group")
        access_lost(user_id=member.manager_id)


@transaction.atomic
def statement_choose(*, group: PracticeGroup, statement, by: User, request=None) -> PracticeGroup:
    group.statement = statement
    group.save(update_fields=["statement"])
    audit_record(actor=by, action=CHANGE, obj=group, request=request, detail=f"now looking at statement {statement.number}")
    return group


@transaction.atomic
def team_share(*, member: PracticeGroupMember, statement, examples: str, by: User, request=None) -> PracticeShare:
    """Share (or share again, with new examples) the member's team's totals for a statement."""
    if member.manager_id != by.pk or member.left_on is not None:
        raise ValidationError("Only the team's own manager in the group can share its figures.")
    _check_manages(by, member.team)
    share, created = PracticeShare.objects.select_for_update().update_or_create(
        member=member, statement=statement,
        defaults={"group": member.group, "examples": examples, "shared_by": by, "shared_at": timezone.now()},
    )
    audit_record(actor=by, action=CREATE if created else CHANGE, obj=share, request=request, detail="team totals shared with the practice group")
    return share


@transaction.atomic
def action_agree(*, group: PracticeGroup, statement, description: str, by: User, request=None) -> PracticeAction:
    action = PracticeAction.objects.create(group=group, statement=statement, description=description, recorded_by=by)
    audit_record(actor=by, action=CREATE, obj=action, request=request)
    return action
