"""Reads for workshops. Keep in step with commissioning.workshops.rules: a workshop is fetched
through its programme (already checked by programme_or_404), with the viewer's own invitation
loaded alongside so the rules cost no queries."""

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from commissioning.models import GroupMember, Programme

from .models import GuestInvitation, Idea, Invitation, Workshop


def workshops_in_programme(*, programme: Programme, user, past: bool, today=None) -> QuerySet[Workshop]:
    """Upcoming (soonest first) or past (latest first) workshops, with their invitation counts
    and the viewer's own reply, all in one query."""
    today = today or timezone.localdate()
    own = Invitation.objects.filter(workshop=OuterRef("pk"), member__user=user).order_by()
    workshops = (
        Workshop.objects.filter(programme=programme)
        .annotate(
            invited_count=Count("invitations"),
            coming_count=Count("invitations", filter=Q(invitations__reply=Invitation.Reply.COMING)),
            attended_count=Count("invitations", filter=Q(invitations__attended=True)),
            viewer_invitation_id=Subquery(own.values("pk")[:1]),
            viewer_reply=Subquery(own.values("reply")[:1]),
        )
    )
    if past:
        return workshops.filter(date__lt=today).order_by("-date", "-starts_at", "-pk")
    return workshops.filter(date__gte=today).order_by("date", "starts_at", "pk")


def workshop_for_page(*, programme: Programme, workshop_id: int, user) -> Workshop:
    """The workshop, its activity and stage, and the viewer's invitation as `viewer_invitation`."""
    own = Invitation.objects.filter(member__user=user).select_related("member")
    workshop = (
        Workshop.objects.select_related("activity__stage")
        .prefetch_related(Prefetch("invitations", queryset=own, to_attr="own_invitations"))
        .filter(programme=programme, pk=workshop_id)
        .first()
    )
    if workshop is None:
        raise Http404
    workshop.programme = programme  # already loaded with its lead and stage
    workshop.viewer_invitation = workshop.own_invitations[0] if workshop.own_invitations else None
    return workshop


def invitations_for_organisers(*, workshop: Workshop) -> list[Invitation]:
    return list(
        workshop.invitations.select_related("member__user").order_by("member__user__full_name", "pk")
    )


def guest_invitations(*, workshop: Workshop) -> list[GuestInvitation]:
    """People without an account invited by name, for the organisers."""
    return list(workshop.guest_invitations.order_by("name", "pk"))


def invitation_counts(*, workshop: Workshop) -> dict:
    return workshop.invitations.aggregate(
        invited=Count("pk"),
        coming=Count("pk", filter=Q(reply=Invitation.Reply.COMING)),
        maybe=Count("pk", filter=Q(reply=Invitation.Reply.MAYBE)),
        not_coming=Count("pk", filter=Q(reply=Invitation.Reply.NOT_COMING)),
        attended=Count("pk", filter=Q(attended=True)),
    )


def attendees(*, workshop: Workshop) -> list[GroupMember]:
    return list(workshop.activity.participants.select_related("user").order_by("user__full_name"))


def members_to_invite(*, workshop: Workshop) -> QuerySet[GroupMember]:
    """Current members of the group who are not invited yet."""
    return (
        GroupMember.objects.filter(programme_id=workshop.programme_id, left_on__isnull=True)
        .exclude(workshop_invitations__workshop=workshop)
        .select_related("user")
        .order_by("user__full_name", "pk")
    )


def current_members(*, programme_id: int) -> QuerySet[GroupMember]:
    return GroupMember.objects.filter(programme_id=programme_id, left_on__isnull=True).select_related("user").order_by("user__full_name", "pk")


def ideas_for(*, workshop: Workshop) -> list[Idea]:
    return list(workshop.ideas.select_related("said_by__user").order_by("recorded_at", "pk"))


def invitations_for_person(*, user, past: bool = False, today=None) -> QuerySet[Invitation]:
    """The person's invitations in the groups they belong to now: upcoming soonest first, or past latest first."""
    today = today or timezone.localdate()
    invitations = Invitation.objects.filter(member__user=user, member__left_on__isnull=True).select_related(
        "workshop__programme"
    )
    if past:
        return invitations.filter(workshop__date__lt=today).order_by("-workshop__date", "-workshop__starts_at", "-pk")
    return invitations.filter(workshop__date__gte=today).order_by("workshop__date", "workshop__starts_at", "pk")
