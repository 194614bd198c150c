"""Budgeting records for the authorization matrix and the accessibility test. Builds on
tests/commissioning/world.py (world["programme"] and friends).

pb_round: world["programme"]'s round open for voting; the CARER user checks ideas and the
PERSON user proposed one that could not be done. pb_done: a finished round with published
results. pb_public: a residents' round in the public programme, open for voting. pb_public_done: a
finished round in the public programme, results published (its funded idea is a decision)."""

from commissioning.budgeting import services
from commissioning.budgeting.models import Proposal, Round
from coproduction.accounts.models import Role
from tests.commissioning.budgeting.factories import (
    PotFactory,
    ProposalFactory,
    RoundFactory,
    anonymous_ballots,
)


def build_budgeting_world(world: dict) -> dict:
    users = world["users"]
    commissioner, person, carer = users[Role.COMMISSIONER], users[Role.PERSON], users[Role.CARER]
    voting = RoundFactory(programme=world["programme"], title="Day opportunities fund", phase=Round.Phase.VOTING)
    voting.reviewers.add(carer)
    pot = PotFactory(round=voting, name="Whole borough", amount=10_000)
    ProposalFactory(pot=pot, title="Saturday art club", cost=4_000, easy_read="An art club. It is on Saturdays.")
    ProposalFactory(pot=pot, title="Allotment tools", cost=2_500, proposed_by=person)
    ProposalFactory(pot=pot, title="Pending idea", feasibility=Proposal.Feasibility.PENDING)
    rejected = ProposalFactory(
        pot=pot, title="A new minibus", cost=60_000, proposed_by=person, feasibility=Proposal.Feasibility.NOT_FEASIBLE,
        feasibility_reason="A minibus costs more than the whole pot.",
    )

    done = RoundFactory(programme=world["programme"], title="Last year's fund", phase=Round.Phase.VOTING)
    done_pot = PotFactory(round=done, name="Whole borough", amount=5_000)
    winner = ProposalFactory(pot=done_pot, title="Cookery sessions", cost=3_000)
    ProposalFactory(pot=done_pot, title="Music workshops", cost=3_000)
    anonymous_ballots(done_pot, {winner.pk: 1}, how_many=3)
    services.round_move_on(round_=done, by=commissioner)
    services.results_publish(round_=done, by=commissioner)

    public = RoundFactory(
        programme=world["public_programme"], title="Community transport ideas", phase=Round.Phase.VOTING,
        eligibility=Round.Eligibility.RESIDENTS, ballot_rule=Round.BallotRule.APPROVAL, min_choices=1, max_choices=2,
    )
    public_pot = PotFactory(round=public, name="Town centre", amount=8_000)
    ProposalFactory(pot=public_pot, title="Later buses on Sundays", cost=5_000)

    public_done = RoundFactory(programme=world["public_programme"], title="Last year's transport fund", phase=Round.Phase.VOTING)
    public_done_pot = PotFactory(round=public_done, name="Town centre", amount=6_000)
    bus = ProposalFactory(pot=public_done_pot, title="A shopping bus on market day", cost=4_000)
    anonymous_ballots(public_done_pot, {bus.pk: 1}, how_many=2)
    services.round_move_on(round_=public_done, by=commissioner)
    services.results_publish(round_=public_done, by=commissioner)
    return {
        "pb_public_done": public_done,
        "pb_round": voting, "pb_pot": pot, "pb_proposal": rejected.round.proposals.get(title="Saturday art club"),
        "pb_rejected": rejected, "pb_done": done, "pb_public": public, "pb_public_pot": public_pot,
    }
