"""Reads for priorities, the outcomes framework and evidence. Counts are computed in SQL, and
every list is one query whatever its size. Callers have already checked the programme."""

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from commissioning.models import Programme

from .models import (
    Evidence,
    Indicator,
    Outcome,
    OutcomeComment,
    Priority,
    PriorityComment,
    Shortlist,
    ShortlistEntry,
    Support,
)

# The shortlist form ranks at most this many priorities, those with the most support first.
SHORTLIST_CANDIDATES = 100


def _count_of(model, field: str) -> Coalesce:
    """How many `model` rows point at the outer row, as a correlated subquery (no join fan-out)."""
    counted = model.objects.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def shortlist_latest(*, programme: Programme) -> Shortlist | None:
    return (
        Shortlist.objects.filter(programme=programme).select_related("decision").order_by("-recorded_at", "-pk").first()
    )


def _latest_shortlist_id(programme_id) -> Subquery:
    return Subquery(
        Shortlist.objects.filter(programme_id=programme_id).order_by("-recorded_at", "-pk").values("pk")[:1]
    )


def shortlist_entries_current(*, programme: Programme) -> list[ShortlistEntry]:
    """The agreed shortlist in rank order, with its decision: one query."""
    return list(
        ShortlistEntry.objects.filter(shortlist_id=_latest_shortlist_id(programme.pk))
        .select_related("priority", "shortlist__decision")
        .order_by("rank")
    )


def priorities_for_list(*, programme: Programme, user) -> QuerySet[Priority]:
    """Every proposal, newest first, with its support and comment counts, whether this user
    supports it, and its place in the agreed shortlist (None if not on it)."""
    rank = ShortlistEntry.objects.filter(
        priority=OuterRef("pk"), shortlist_id=_latest_shortlist_id(programme.pk)
    ).values("rank")[:1]
    return (
        Priority.objects.filter(programme=programme)
        .select_related("proposed_by")
        .annotate(
            support_count=_count_of(Support, "priority"),
            comment_count=_count_of(PriorityComment, "priority"),
            supported=Exists(Support.objects.filter(priority=OuterRef("pk"), member_id=user.pk)),
            rank=Subquery(rank, output_field=IntegerField()),
        )
        .order_by("-proposed_at", "-pk")
    )


def priority_page_or_404(*, programme: Programme, user, priority_id: int) -> Priority:
    """One priority the user may see, with the Working Together for Change theme it came from (if
    any) in the same query: its page says how many people's reviews raised it."""
    priorities = priorities_for_list(programme=programme, user=user).select_related("wtfc_link__theme__exercise")
    return get_object_or_404(priorities, pk=priority_id)


def raised_in_reviews(*, priority: Priority):
    """The Working Together for Change link the priority came from, or None. No query for a
    priority from priority_page_or_404."""
    return getattr(priority, "wtfc_link", None)


def priority_comments(*, priority: Priority) -> QuerySet[PriorityComment]:
    return priority.comments.select_related("author").order_by("created_at", "pk")


def shortlist_candidates(*, programme: Programme) -> list[Priority]:
    """The priorities the shortlist form offers, most supported first."""
    return list(
        Priority.objects.filter(programme=programme)
        .annotate(support_count=_count_of(Support, "priority"))
        .order_by("-support_count", "title", "pk")[:SHORTLIST_CANDIDATES]
    )


def outcomes_framework(*, programme: Programme) -> list[Outcome]:
    """Outcomes in order, each with its current indicators and comment count: two queries."""
    return list(
        Outcome.objects.filter(programme=programme)
        .annotate(comment_count=_count_of(OutcomeComment, "outcome"))
        .prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.filter(retired_on__isnull=True).order_by("position", "pk"), to_attr="current_indicators")
        )
        .order_by("position", "pk")
    )


def outcome_comments(*, outcome: Outcome) -> QuerySet[OutcomeComment]:
    return outcome.comments.select_related("author").order_by("created_at", "pk")


def agreed_outcomes_not_in_framework(*, programme: Programme) -> list[ShortlistEntry]:
    """Desired outcomes on the agreed shortlist that the framework does not hold yet."""
    return list(
        ShortlistEntry.objects.filter(
            shortlist_id=_latest_shortlist_id(programme.pk), priority__kind=Priority.Kind.OUTCOME
        )
        .exclude(priority__framework_outcomes__isnull=False)
        .select_related("priority")
        .order_by("rank")
    )


def evidence_for_list(*, programme: Programme) -> QuerySet[Evidence]:
    """Current evidence (never a withdrawn story), newest first."""
    return Evidence.objects.current().filter(programme=programme).select_related("recorded_by").order_by("-recorded_at", "-pk")


def evidence_for_priority(*, priority: Priority) -> list[Evidence]:
    return list(Evidence.objects.current().filter(priorities=priority).order_by("-recorded_at", "-pk")[:50])


def people_who_took_part(*, programme: Programme) -> QuerySet:
    """Current group members who proposed, commented on or supported a priority."""
    proposers = Priority.objects.filter(programme=programme).values("proposed_by")
    commenters = PriorityComment.objects.filter(priority__programme=programme).values("author")
    supporters = Support.objects.filter(priority__programme=programme).values("member")
    return programme.members.filter(left_on__isnull=True).filter(
        Q(user__in=proposers) | Q(user__in=commenters) | Q(user__in=supporters)
    )


def priorities_of(*, programme: Programme) -> QuerySet[Priority]:
    return Priority.objects.filter(programme=programme)


def outcomes_of(*, programme: Programme) -> QuerySet[Outcome]:
    return Outcome.objects.filter(programme=programme)


def indicators_in_use(*, programme: Programme) -> QuerySet[Indicator]:
    """The programme's indicators that are not retired."""
    return Indicator.objects.filter(outcome__programme=programme, retired_on__isnull=True).select_related("outcome")


def evidence_current(*, programme: Programme) -> QuerySet[Evidence]:
    """The programme's evidence, without what has been withdrawn."""
    return Evidence.objects.current().filter(programme=programme).select_related("recorded_by").prefetch_related("priorities")
