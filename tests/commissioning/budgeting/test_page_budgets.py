"""The budgeting pages people use most run the same queries with ten times the data."""

from django.urls import reverse

from commissioning.budgeting import services
from commissioning.budgeting.models import Round
from commissioning.models import MemberRole
from tests.commissioning.budgeting.factories import (
    PotFactory,
    ProposalFactory,
    RoundFactory,
    anonymous_ballots,
)
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory
from tests.harness.queries import assert_fixed_queries


def _round(commissioner, person, phase=Round.Phase.PROPOSALS):
    programme = ProgrammeFactory(lead=commissioner)
    GroupMemberFactory(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    return RoundFactory(programme=programme, phase=phase)


def _ideas(pot, how_many, ballots_each=0):
    for _ in range(how_many):
        idea = ProposalFactory(pot=pot, cost=100)
        if ballots_each:
            anonymous_ballots(pot, {idea.pk: 1}, how_many=ballots_each)


def test_the_ideas_list_has_a_fixed_number_of_queries(client_as, commissioner, person):
    round_ = _round(commissioner, person)
    pots = [PotFactory(round=round_), PotFactory(round=round_)]
    _ideas(pots[0], 2)
    client = client_as(person)
    url = reverse("budgeting:proposal_list", kwargs={"programme_id": round_.programme_id, "round_id": round_.pk})
    # User, programme, the user's memberships (once per request), round with its count, pots,
    # whether the user checks ideas (for who sees rejected ones), count and page of ideas.
    response = assert_fixed_queries(lambda: client.get(url), budget=7, grow=lambda: (_ideas(pots[0], 10), _ideas(pots[1], 10)))
    assert response.status_code == 200 and len(response.context["page"].object_list) == 22


def test_the_results_page_has_a_fixed_number_of_queries(client_as, commissioner, person):
    round_ = _round(commissioner, person, Round.Phase.VOTING)
    pot = PotFactory(round=round_, amount=1_000_000)
    _ideas(pot, 3, ballots_each=2)
    services.round_move_on(round_=round_, by=commissioner)
    services.results_publish(round_=round_, by=commissioner)

    def grow():
        round_.phase = Round.Phase.VOTING
        round_.save(update_fields=["phase"])
        _ideas(pot, 27, ballots_each=2)
        PotFactory(round=round_)
        round_.count.delete()
        services.count_start(round_=round_)

    client = client_as(person)
    url = reverse("budgeting:results", kwargs={"programme_id": round_.programme_id, "round_id": round_.pk})
    # User, programme, memberships, round with its count, pots, results with their ideas.
    response = assert_fixed_queries(lambda: client.get(url), budget=5, grow=grow)
    assert "60 votes cast" in response.content.decode()


def test_the_ballot_page_has_a_fixed_number_of_queries(client_as, commissioner, person):
    round_ = _round(commissioner, person, Round.Phase.VOTING)
    pot = PotFactory(round=round_, amount=1_000_000)
    _ideas(pot, 2)
    client = client_as(person)
    url = reverse("budgeting:ballot", kwargs={"programme_id": round_.programme_id, "round_id": round_.pk, "pot_id": pot.pk})
    # User, programme, memberships, round, pot, may this user vote, their ballot, the ideas.
    response = assert_fixed_queries(lambda: client.get(url), budget=7, grow=lambda: _ideas(pot, 20))
    assert response.content.decode().count('type="checkbox"') >= 22


def test_the_round_page_and_the_rounds_list_have_a_fixed_number_of_queries(client_as, commissioner, person):
    round_ = _round(commissioner, person)
    pot = PotFactory(round=round_)
    _ideas(pot, 2)
    client = client_as(person)
    detail = reverse("budgeting:round_detail", kwargs={"programme_id": round_.programme_id, "round_id": round_.pk})
    listing = reverse("budgeting:round_list", kwargs={"programme_id": round_.programme_id})

    def grow():
        _ideas(pot, 10)
        for _ in range(5):
            PotFactory(round=round_)
            RoundFactory(programme=round_.programme)

    assert_fixed_queries(lambda: client.get(detail), budget=7, grow=grow)
    assert_fixed_queries(lambda: client.get(listing), budget=3, grow=grow)
