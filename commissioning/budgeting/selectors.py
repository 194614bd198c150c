"""Reads for participatory budgeting pages. Keep in step with budgeting.rules."""

from django.db.models import Count as CountOf
from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from .models import Pot, Proposal, Result, Round, Voter


def round_list_for(*, programme) -> QuerySet[Round]:
    return (
        Round.objects.filter(programme=programme)
        .select_related("programme")
        .annotate(pot_count=CountOf("pots", distinct=True), pot_total=Coalesce(Sum("pots__amount"), 0))
        .order_by("-created_at")
    )


def round_for_page(*, programme, round_id: int) -> Round:
    return get_object_or_404(
        Round.objects.select_related("programme", "activity", "count").prefetch_related("pots"), programme=programme, pk=round_id
    )


def proposals_for_list(*, round_: Round, user, see_rejected: bool) -> QuerySet[Proposal]:
    """Ideas in the round: rejected ones only for reviewers, organisers and their proposer."""
    proposals = Proposal.objects.filter(round=round_).select_related("pot").order_by("pot__name", "pk")
    if not see_rejected:
        proposals = proposals.filter(~Q(feasibility=Proposal.Feasibility.NOT_FEASIBLE) | Q(proposed_by_id=user.pk))
    return proposals


def proposal_for_page(*, round_: Round, proposal_id: int) -> Proposal:
    return get_object_or_404(
        Proposal.objects.select_related("pot", "proposed_by", "reviewed_by", "decision"), round=round_, pk=proposal_id
    )


def pot_for_page(*, round_: Round, pot_id: int) -> Pot:
    return get_object_or_404(Pot.objects.select_related("round"), round=round_, pk=pot_id)


def results_for(*, round_: Round) -> list[Result]:
    return list(
        Result.objects.filter(round=round_)
        .select_related("proposal", "proposal__pot", "proposal__decision")
        .order_by("proposal__pot__name", "rank")
    )


def results_by_pot(*, round_: Round) -> list[dict]:
    """Each pot with its results in order, and how much of it the funded ideas use."""
    pots: dict[int, dict] = {pot.pk: {"pot": pot, "results": [], "spent": 0} for pot in round_.pots.all()}
    for result in results_for(round_=round_):
        entry = pots[result.proposal.pot_id]
        entry["results"].append(result)
        if result.funded:
            entry["spent"] += result.proposal.cost
    return list(pots.values())


def voted_pot_ids(*, round_: Round, user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(Voter.objects.filter(pot__round=round_, user=user).values_list("pot_id", flat=True))
