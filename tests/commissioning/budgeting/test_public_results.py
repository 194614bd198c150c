"""What a public programme's round funded, for anyone to read; and the ballot's counter,
which says what is chosen and what is left even without JavaScript."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.budgeting import services
from commissioning.budgeting.models import Pot, Round
from tests.commissioning.budgeting.factories import PotFactory, ProposalFactory, RoundFactory, anonymous_ballots
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries


def _url(name, round_, **kwargs):
    return reverse(f"budgeting:{name}", kwargs={"programme_id": round_.programme_id, "round_id": round_.pk, **kwargs})


def _published(commissioner, *, visibility="public"):
    round_ = RoundFactory(programme=ProgrammeFactory(lead=commissioner, visibility=visibility), phase=Round.Phase.VOTING)
    pot = PotFactory(round=round_, name="Town", amount=10_000)
    art, bus, choir = (ProposalFactory(pot=pot, title=title, cost=cost) for title, cost in
                       [("Art club", 4_000), ("Shopping bus", 7_000), ("Choir", 2_500)])
    anonymous_ballots(pot, {art.pk: 1, choir.pk: 1}, how_many=3)
    anonymous_ballots(pot, {bus.pk: 1}, how_many=2)
    services.round_move_on(round_=round_, by=commissioner)
    services.results_publish(round_=round_, by=commissioner)
    return round_, pot


def test_anyone_can_read_what_was_funded_with_cost_votes_and_share_of_the_pot(client, commissioner):
    round_, _ = _published(commissioner)
    response = client.get(_url("results_public", round_))
    assert response.status_code == 200
    table = BeautifulSoup(response.content, "html.parser").select_one("table")
    assert table.caption.get_text(strip=True) == "Town: £6,500.00 of £10,000.00 funded, £3,500.00 left"
    rows = [[cell.get_text(strip=True) for cell in row.select("th, td")] for row in table.tbody.select("tr")]
    # Tied on votes, the cheaper idea comes first; the bus no longer fitted in what was left.
    assert rows == [["Choir", "£2,500.00", "3", "25%"], ["Art club", "£4,000.00", "3", "40%"]]
    assert "5 people voted." in response.content.decode()


def test_results_of_a_members_only_programme_or_not_yet_published_are_not_public(client, commissioner):
    members_only, _ = _published(commissioner, visibility="members")
    assert client.get(_url("results_public", members_only)).status_code == 404
    unpublished = RoundFactory(programme=ProgrammeFactory(lead=commissioner, visibility="public"), phase=Round.Phase.VOTING)
    assert client.get(_url("results_public", unpublished)).status_code == 404


def test_the_public_results_page_has_a_fixed_number_of_queries(client, commissioner):
    round_, pot = _published(commissioner)

    def grow():
        # Ten times the funded ideas and pots, counted again.
        round_.phase = Round.Phase.VOTING
        round_.save(update_fields=["phase"])
        for index in range(3):
            extra = PotFactory(round=round_, amount=100_000)
            for _ in range(7):
                idea = ProposalFactory(pot=extra, cost=1_000)
                anonymous_ballots(extra, {idea.pk: 1}, how_many=1)
        round_.count.delete()
        services.count_start(round_=round_)

    # The round with its programme, stage and count; its pots; the funded ideas; the
    # programme's tabs read nothing more for someone signed out.
    response = assert_fixed_queries(lambda: client.get(_url("results_public", round_)), budget=3, grow=grow)
    assert sum(len(entry["results"]) for entry in response.context["pots"]) == 23


def test_the_ballot_counts_ideas_and_money_without_javascript(client_as, commissioner, person):
    programme = ProgrammeFactory(lead=commissioner)
    GroupMemberFactory(programme=programme, user=person)
    round_ = RoundFactory(programme=programme, phase=Round.Phase.VOTING, ballot_rule=Round.BallotRule.APPROVAL, max_choices=3)
    pot = PotFactory(round=round_, amount=10_000)
    ideas = [ProposalFactory(pot=pot, title=f"Idea {n}", cost=1_000 * n) for n in range(1, 5)]
    client = client_as(person)
    url = _url("ballot", round_, pot_id=pot.pk)
    page = BeautifulSoup(client.get(url).content, "html.parser")
    counter = page.select_one(".app-pb-remaining")
    assert counter["aria-live"] == "polite" and counter.get_text(strip=True) == "You have chosen 0 ideas. You can choose up to 3."
    assert [box["data-cost"] for box in page.select("input[name=proposals]")] == ["1000", "2000", "3000", "4000"]
    response = assert_bad_input(
        client, url, {"proposals": [idea.pk for idea in ideas]}, errors=["You have chosen 4 ideas. You can choose up to 3."],
        unchanged=lambda: pot.ballots.count(),
    )
    counter = BeautifulSoup(response.content, "html.parser").select_one(".app-pb-remaining")
    assert counter.get_text(strip=True) == "You have chosen 4 ideas. You can choose up to 3."

    Round.objects.filter(pk=round_.pk).update(ballot_rule=Round.BallotRule.KNAPSACK)
    Pot.objects.filter(pk=pot.pk).update(amount=9_000)
    page = BeautifulSoup(client.get(url).content, "html.parser")
    assert page.select_one(".govuk-caption-m").get_text(strip=True).endswith("a pot of £9,000.00")
    assert "Idea 4: £4,000.00" in page.get_text()
    assert page.select_one(".app-pb-remaining").get_text(strip=True) == "You have chosen 0 ideas costing £0.00. You have £9,000.00 left to spend."
    message = "The ideas you chose cost £10,000.00. You can spend up to £9,000.00."
    response = assert_bad_input(client, url, {"proposals": [idea.pk for idea in ideas]}, errors=[message], unchanged=lambda: pot.ballots.count())
    assert BeautifulSoup(response.content, "html.parser").select_one(".app-pb-remaining").get_text(strip=True) == message
