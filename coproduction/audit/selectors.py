from datetime import date, datetime, time

from django.db.models import Q, QuerySet
from django.utils import timezone

from coproduction.accounts.models import Role, TeamMembership

from .models import AuditEvent


def audit_event_none() -> QuerySet[AuditEvent]:
    """No events: what a search with invalid terms shows, without a query."""
    return AuditEvent.objects.none()


def audit_event_list_visible_to(*, user) -> QuerySet[AuditEvent]:
    """Events this user may search. Keep in step with audit.rules.can_search_audit."""
    events = AuditEvent.objects.select_related("actor", "subject", "target_type")
    if user.has_role(Role.ADMINISTRATOR):
        return events
    if user.has_role(Role.TEAM_MANAGER):
        # A manager sees what members of the teams they manage did, and what was done to them.
        members = TeamMembership.objects.filter(team_id__in=user.managed_team_ids).values("user_id")
        return events.filter(Q(actor_id__in=members) | Q(subject_id__in=members))
    return events.none()


def audit_event_search(
    *,
    user,
    person: str = "",
    action: str = "",
    record_type: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[AuditEvent]:
    events = audit_event_list_visible_to(user=user)
    if person:
        # Matches the actor or the person the record is about, by email or name.
        events = events.filter(
            Q(actor__email__iexact=person)
            | Q(subject__email__iexact=person)
            | Q(actor__full_name__icontains=person)
            | Q(subject__full_name__icontains=person)
        )
    if action:
        events = events.filter(action=action)
    if record_type:
        events = events.filter(target_type_id=record_type)
    tz = timezone.get_current_timezone()
    if date_from:
        events = events.filter(at__gte=datetime.combine(date_from, time.min, tzinfo=tz))
    if date_to:
        events = events.filter(at__lte=datetime.combine(date_to, time.max, tzinfo=tz))
    return events
