"""Reads for participatory budgeting pages. Keep in step with budgeting.rules."""

from django.conf import settings
from django.db.models import Count as CountOf
from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from commissioning.models import Programme

from .models import Count, Pot, Proposal, Result, Round, Voter, VotingCode


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


def count_stuck_after_seconds() -> int:
    """How long a count may go untouched before its message counts as lost: the broker
    redelivers a job held by a dead worker after its visibility timeout, so wait past that."""
    return settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] + settings.REPORT_TIME_LIMIT


def count_is_stuck(*, count: Count | None, stuck_after_seconds: int | None = None) -> bool:
    """A count that should have finished by now: its message was lost or its worker died."""
    if count is None or count.is_finished:
        return False
    limit = count_stuck_after_seconds() if stuck_after_seconds is None else stuck_after_seconds
    return (timezone.now() - count.updated_at).total_seconds() >= limit


def counts_unfinished() -> QuerySet[Count]:
    return Count.objects.filter(status__in=[Count.Status.QUEUED, Count.Status.RUNNING])


def round_for_code_voting(*, programme_id: int, round_id: int) -> Round:
    # Only a residents' round takes codes; any other round is a 404 to someone signed out.
    # (In a members-only programme, residents vote with the codes the organiser hands out.)
    return get_object_or_404(
        Round.objects.select_related("programme").prefetch_related("pots"),
        pk=round_id, programme_id=programme_id, eligibility=Round.Eligibility.RESIDENTS,
    )


def voting_code_held(*, round_: Round, code_id) -> VotingCode | None:
    """The code this visitor entered for the round (its id kept in their session), if any."""
    return VotingCode.objects.filter(round=round_, pk=code_id).first()


def round_for_public_results(*, programme_id: int, round_id: int) -> Round:
    """A round of a public programme whose results are published; anything else is a 404."""
    return get_object_or_404(
        Round.objects.select_related("programme", "programme__current_stage", "count").prefetch_related("pots"),
        pk=round_id, programme_id=programme_id, programme__visibility=Programme.Visibility.PUBLIC, results_published_at__isnull=False,
    )


def funded_by_pot(*, round_: Round) -> list[dict]:
    """Each pot with its funded ideas in order, each idea's share of the pot, and what is left.
    One query for the ideas (the pots were prefetched with the round)."""
    pots: dict[int, dict] = {pot.pk: {"pot": pot, "results": [], "spent": 0} for pot in round_.pots.all()}
    funded = Result.objects.filter(round=round_, funded=True).select_related("proposal").order_by("proposal__pot__name", "rank")
    for result in funded:
        entry = pots[result.proposal.pot_id]
        result.share = result.proposal.cost * 100 / entry["pot"].amount if entry["pot"].amount else 0
        entry["results"].append(result)
        entry["spent"] += result.proposal.cost
    for entry in pots.values():
        entry["left"] = entry["pot"].amount - entry["spent"]
    return list(pots.values())
