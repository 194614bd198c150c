"""Reads for commissioning programmes. Keep in step with commissioning.rules.
Every count is computed in SQL, so a page costs the same whatever the programme's size."""

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce

from .models import Activity, ActivityKind, Decision, DeliveryMilestone, DeliveryStatus, DeliveryUpdate, GroupMember, MemberRole, Programme, Stage
from .rules import current_programme_ids, is_commissioner
from .sections import activity_owner_joins


def programmes_visible_to(*, user) -> QuerySet[Programme]:
    """Commissioners see every programme; anyone else the public ones and their own."""
    programmes = Programme.objects.select_related("current_stage", "lead")
    if is_commissioner(user):
        return programmes
    return programmes.filter(Q(visibility=Programme.Visibility.PUBLIC) | Q(pk__in=current_programme_ids(user)))


def is_public_programme_id(programme_id: int) -> bool:
    return Programme.objects.filter(pk=programme_id, visibility=Programme.Visibility.PUBLIC).exists()


def _per_stage(queryset, group_by: str, value) -> Coalesce:
    grouped = queryset.order_by().values(group_by).annotate(total=value).values("total")
    return Coalesce(Subquery(grouped, output_field=IntegerField()), 0)


def stages_with_coproduction(*, programme: Programme) -> list[Stage]:
    """The programme's stages in order, each with how many activities it held (and of which
    kinds) and how many people took part: group members counted once each, plus others who
    came along. Two queries, whatever the programme's size."""
    activities = Activity.objects.filter(stage=OuterRef("pk"))
    participations = Activity.participants.through.objects.filter(activity__stage=OuterRef("pk"))
    stages = list(
        programme.stages.annotate(
            activity_count=_per_stage(activities, "stage", Count("pk")),
            members_taking_part=_per_stage(participations, "activity__stage", Count("groupmember", distinct=True)),
            others_taking_part=_per_stage(activities, "stage", Sum("others_taking_part")),
            decision_count=_per_stage(Decision.objects.filter(stage=OuterRef("pk")), "stage", Count("pk")),
        ).order_by("position")
    )
    kinds = activity_kinds_by_stage(programme=programme)
    for stage in stages:
        stage.kinds = kinds.get(stage.pk, [])
    return stages


def activity_kinds_by_stage(*, programme: Programme) -> dict[int, list[tuple[str, int]]]:
    """For each stage, how many activities of each kind it holds (a procurement panel, a survey,
    a Working Together for Change exercise...), as (kind label, count), most first: one query."""
    labels = dict(ActivityKind.choices)
    rows = (
        Activity.objects.filter(programme=programme, stage__isnull=False).order_by()
        .values_list("stage_id", "kind").annotate(count=Count("pk")).order_by("stage_id", "-count", "kind")
    )
    kinds: dict[int, list[tuple[str, int]]] = {}
    for stage_id, kind, count in rows:
        kinds.setdefault(stage_id, []).append((labels.get(kind, kind), count))
    return kinds


def group_counts(*, programme: Programme) -> list[tuple[str, int]]:
    """Current members by role, as (role label, count), in the order roles are listed."""
    counts = dict(
        programme.members.filter(left_on__isnull=True).order_by().values_list("member_role").annotate(count=Count("pk"))
    )
    return [(label, counts[value]) for value, label in MemberRole.choices if counts.get(value)]


def group_members(*, programme: Programme) -> tuple[list[GroupMember], list[GroupMember]]:
    """(current members, past members), names in alphabetical order within each role."""
    members = list(programme.members.select_related("user").order_by("member_role", "user__full_name", "pk"))
    return [m for m in members if m.is_current], sorted((m for m in members if not m.is_current), key=lambda m: m.left_on, reverse=True)


def current_members(*, programme: Programme) -> QuerySet[GroupMember]:
    return programme.members.filter(left_on__isnull=True).select_related("user").order_by("user__full_name", "pk")


def activities_with_owners() -> QuerySet[Activity]:
    """Activities with the record that owns each (a workshop, a budgeting round...) joined in,
    and the programme, so commissioning.sections.activity_url costs no queries of its own."""
    return Activity.objects.select_related("programme", *activity_owner_joins())


def stage_activities(*, stage: Stage) -> list[Activity]:
    participants = GroupMember.objects.select_related("user").order_by("user__full_name", "pk")
    return list(
        activities_with_owners()
        .filter(stage=stage)
        .prefetch_related(Prefetch("participants", queryset=participants))
        .order_by("happened_on", "title", "pk")
    )


def activity_list(*, programme: Programme) -> QuerySet[Activity]:
    """For choosing which activities informed a decision: newest first."""
    return programme.activities.select_related("stage").order_by("-happened_on", "title", "pk")


def decisions_log(*, programme: Programme, stage: Stage | None = None) -> QuerySet[Decision]:
    """Newest first, each with its stage, what it replaced or was replaced by, and the
    activities that informed it."""
    decisions = programme.decisions.select_related("stage", "revises", "revised_by").prefetch_related(
        Prefetch("informed_by", queryset=activities_with_owners().select_related("stage").order_by("-happened_on", "title"))
    )
    if stage is not None:
        decisions = decisions.filter(stage=stage)
    return decisions.order_by("-decided_on", "-pk")


def latest_decisions(*, programme: Programme, count: int = 5) -> list[Decision]:
    return list(programme.decisions.select_related("stage", "revised_by").order_by("-decided_on", "-pk")[:count])


def memberships_for_home(*, user) -> list[GroupMember]:
    """The groups the user is in now, for their home page: one query."""
    return list(
        GroupMember.objects.filter(user=user, left_on__isnull=True)
        .select_related("programme", "programme__current_stage")
        .order_by("programme__title")
    )


def decisions_for_delivery(*, programme: Programme) -> QuerySet[Decision]:
    """"You said, we did": the decisions in force (not revised since), newest first, each with
    its updates, newest first. A fixed number of queries per page."""
    return (
        programme.decisions.filter(revised_by__isnull=True)
        .prefetch_related(
            Prefetch("delivery_updates", queryset=DeliveryUpdate.objects.order_by("-happened_on", "-pk")),
            Prefetch("milestones", queryset=DeliveryMilestone.objects.order_by("due_on", "pk")),
        )
        .order_by("-decided_on", "-pk")
    )


def delivery_counts(*, programme: Programme) -> dict[str, int]:
    """How many decisions in force there are, and how many are delivered: one query."""
    return programme.decisions.filter(revised_by__isnull=True).aggregate(
        total=Count("pk"), delivered=Count("pk", filter=Q(delivery_status=DeliveryStatus.DONE))
    )


def neighbouring_stage(*, programme: Programme, forward: bool = True) -> int | None:
    """The stage after (or before) the current one, to suggest when moving the programme."""
    stages = list(programme.stages.order_by("position").values_list("pk", flat=True))
    if programme.current_stage_id not in stages:
        return stages[0] if stages else None
    index = stages.index(programme.current_stage_id) + (1 if forward else -1)
    return stages[index] if 0 <= index < len(stages) else None


def stage_after(*, stages: list[Stage], current_id: int | None) -> Stage | None:
    """The stage after the current one in an ordered list of stages, for "what is next"."""
    ids = [stage.pk for stage in stages]
    if current_id not in ids:
        return None
    index = ids.index(current_id) + 1
    return stages[index] if index < len(stages) else None
