import csv
import hashlib
import io
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.budgeting import services
from commissioning.budgeting.models import (
    Ballot,
    BallotChoice,
    Count,
    Proposal,
    Result,
    Round,
    Voter,
    VotingCode,
)
from commissioning.models import Decision, MemberRole, Programme
from tests.commissioning.budgeting.factories import (
    PotFactory,
    ProposalFactory,
    RoundFactory,
    anonymous_ballots,
)
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.bad_input import assert_bad_input


def _url(name, round_, **kwargs):
    return reverse(f"budgeting:{name}", kwargs={"programme_id": round_.programme_id, "round_id": round_.pk, **kwargs})


@pytest.fixture
def programme(commissioner, person, carer):
    programme = ProgrammeFactory(lead=commissioner)
    GroupMemberFactory(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    GroupMemberFactory(programme=programme, user=carer, member_role=MemberRole.CARER)
    return programme


def _voting_round(programme, **settings):
    round_ = RoundFactory(programme=programme, phase=Round.Phase.VOTING, **settings)
    pot = PotFactory(round=round_, name="North", amount=10_000)
    ideas = [
        ProposalFactory(pot=pot, title="Art club", cost=4_000),
        ProposalFactory(pot=pot, title="Allotment tools", cost=3_000),
        ProposalFactory(pot=pot, title="Travel buddies", cost=5_000),
    ]
    return round_, pot, ideas


def _ballot_rows():
    return sorted(BallotChoice.objects.values_list("proposal__title", "points"))


# ---------------------------------------------------------------------------
# Ballot rules
# ---------------------------------------------------------------------------
def test_a_knapsack_ballot_within_the_pot_is_counted(client_as, programme, person):
    round_, pot, (art, tools, travel) = _voting_round(programme)
    response = client_as(person).post(_url("ballot", round_, pot_id=pot.pk), {"proposals": [art.pk, tools.pk]})
    assert response.status_code == 302
    assert _ballot_rows() == [("Allotment tools", 1), ("Art club", 1)]
    assert Voter.objects.get().user == person


def test_an_over_budget_ballot_says_so_and_keeps_the_choices(client_as, programme, person):
    round_, pot, (art, tools, travel) = _voting_round(programme)
    client = client_as(person)
    url = _url("ballot", round_, pot_id=pot.pk)
    response = assert_bad_input(
        client, url, {"proposals": [art.pk, tools.pk, travel.pk]},
        errors=["The ideas you chose cost £12,000.00. You can spend up to £10,000.00."],
        unchanged=lambda: (Ballot.objects.count(), Voter.objects.count()),
    )
    ticked = {tag["value"] for tag in BeautifulSoup(response.content, "html.parser").select("input[name=proposals][checked]")}
    assert ticked == {str(art.pk), str(tools.pk), str(travel.pk)}


def test_the_minimum_spend_is_enforced(client_as, programme, person):
    round_, pot, (art, tools, travel) = _voting_round(programme, min_spend_percent=70)
    url = _url("ballot", round_, pot_id=pot.pk)
    assert_bad_input(
        client_as(person), url, {"proposals": [tools.pk]},
        errors=["The ideas you chose cost £3,000.00. Choose ideas that cost at least £7,000.00 in total."],
        unchanged=Ballot.objects.count,
    )
    assert client_as(person).post(url, {"proposals": [art.pk, tools.pk]}).status_code == 302


def test_approval_voting_asks_for_between_n_and_m_ideas(client_as, programme, person):
    round_, pot, (art, tools, travel) = _voting_round(programme, ballot_rule=Round.BallotRule.APPROVAL, min_choices=2, max_choices=2)
    url = _url("ballot", round_, pot_id=pot.pk)
    assert_bad_input(client_as(person), url, {"proposals": [art.pk]}, errors=["You have chosen 1 idea. Choose at least 2."], unchanged=Ballot.objects.count)
    assert_bad_input(
        client_as(person), url, {"proposals": [art.pk, tools.pk, travel.pk]}, errors=["You have chosen 3 ideas. You can choose up to 2."], unchanged=Ballot.objects.count
    )
    # Costs do not matter under approval voting: 9,000 of a 10,000 pot or not.
    assert client_as(person).post(url, {"proposals": [art.pk, travel.pk]}).status_code == 302


def test_points_voting_limits_the_total_and_each_idea(client_as, programme, person):
    round_, pot, (art, tools, travel) = _voting_round(programme, ballot_rule=Round.BallotRule.POINTS, points_total=10, points_per_idea=5)
    url = _url("ballot", round_, pot_id=pot.pk)
    assert_bad_input(
        client_as(person), url, {f"points_{art.pk}": 6, f"points_{tools.pk}": 2},
        errors=["Give no more than 5 points to “Art club”"], kept=[f"points_{art.pk}", f"points_{tools.pk}"], unchanged=Ballot.objects.count,
    )
    assert_bad_input(
        client_as(person), url, {f"points_{art.pk}": 5, f"points_{tools.pk}": 5, f"points_{travel.pk}": 1},
        errors=["You have given 11 points. Give no more than 10 points in total"], kept=[f"points_{travel.pk}"], unchanged=Ballot.objects.count,
    )
    assert client_as(person).post(url, {f"points_{art.pk}": 5, f"points_{tools.pk}": 3}).status_code == 302
    assert _ballot_rows() == [("Allotment tools", 3), ("Art club", 5)]


def test_only_ideas_that_passed_the_check_are_on_the_ballot(client_as, programme, person):
    round_, pot, ideas = _voting_round(programme)
    pending = ProposalFactory(pot=pot, title="Unchecked idea", feasibility=Proposal.Feasibility.PENDING)
    rejected = ProposalFactory(pot=pot, title="Rejected idea", feasibility=Proposal.Feasibility.NOT_FEASIBLE)
    page = client_as(person).get(_url("ballot", round_, pot_id=pot.pk)).content.decode()
    assert "Art club" in page and "Unchecked idea" not in page and "Rejected idea" not in page
    assert_bad_input(client_as(person), _url("ballot", round_, pot_id=pot.pk), {"proposals": [rejected.pk, pending.pk]},
                     errors=["Choose ideas from the list"], unchanged=Ballot.objects.count)


# ---------------------------------------------------------------------------
# One secret ballot per voter per pot, changeable until voting closes
# ---------------------------------------------------------------------------
def test_a_voter_can_change_their_ballot_and_sees_it_again(client_as, programme, person):
    round_, pot, (art, tools, travel) = _voting_round(programme)
    client = client_as(person)
    url = _url("ballot", round_, pot_id=pot.pk)
    client.post(url, {"proposals": [art.pk]})
    page = client.get(url).content.decode()
    assert "Change your vote" in page and f'value="{art.pk}" data-cost="4000" aria-describedby="id_proposals_hint" checked' in page
    client.post(url, {"proposals": [tools.pk, travel.pk]})
    assert Voter.objects.count() == 1 and Ballot.objects.count() == 1
    assert _ballot_rows() == [("Allotment tools", 1), ("Travel buddies", 1)]


def test_a_ballot_cannot_be_traced_to_its_voter(client_as, programme, person, carer, commissioner):
    round_, pot, (art, tools, travel) = _voting_round(programme)
    client_as(person).post(_url("ballot", round_, pot_id=pot.pk), {"proposals": [art.pk]})
    client_as(carer).post(_url("ballot", round_, pot_id=pot.pk), {"proposals": [tools.pk]})
    # Nothing on a ballot names anyone; the key is a keyed hash, wiped when voting closes.
    assert {field.name for field in Ballot._meta.get_fields() if field.concrete} == {"id", "pot", "key"}
    # A plain hash of who voted would let anyone with the database test every member; the key
    # needs the service's secret, so it matches no unkeyed hash of either voter.
    keys = set(Ballot.objects.values_list("key", flat=True))
    unkeyed = {hashlib.sha256(f"{pot.pk}:user:{voter.pk}".encode()).hexdigest() for voter in (person, carer)}
    assert len(keys) == 2 and all(re.fullmatch(r"[0-9a-f]{64}", key) for key in keys) and not keys & unkeyed
    services.round_move_on(round_=round_, by=commissioner)
    assert list(Ballot.objects.values_list("key", flat=True)) == [None, None]
    services.results_publish(round_=round_, by=commissioner)
    content = client_as(commissioner).get(_url("results_csv", round_)).content.decode("utf-8-sig")
    page = client_as(commissioner).get(_url("results", round_)).content.decode()
    for text in (content, page):
        assert person.full_name not in text and carer.full_name not in text


def test_voting_after_close_is_refused_with_a_clear_error(client_as, programme, person, commissioner):
    round_, pot, (art, tools, travel) = _voting_round(programme)
    services.round_move_on(round_=round_, by=commissioner)
    assert_bad_input(
        client_as(person), _url("ballot", round_, pot_id=pot.pk), {"proposals": [art.pk]},
        errors=["Voting has closed. Your ballot was not counted."], unchanged=lambda: (Ballot.objects.count(), Voter.objects.count()),
    )
    assert "Voting has closed" in client_as(person).get(_url("ballot", round_, pot_id=pot.pk)).content.decode()


def test_people_who_may_not_vote_are_refused(client_as, programme, commissioner, provider):
    round_, pot, (art, *_) = _voting_round(programme)
    url = _url("ballot", round_, pot_id=pot.pk)
    assert client_as(provider).post(url, {"proposals": [art.pk]}).status_code == 404  # cannot even see the round
    assert client_as(commissioner).post(url, {"proposals": [art.pk]}).status_code == 403  # runs it, not in the group
    former = UserFactory()
    GroupMemberFactory(programme=programme, user=former, left_on="2026-01-01")
    assert client_as(former).post(url, {"proposals": [art.pk]}).status_code == 404
    assert not Ballot.objects.exists()


def test_residents_register_with_a_postcode_before_voting(client_as, commissioner):
    public = ProgrammeFactory(lead=commissioner, visibility="public")
    round_, pot, (art, *_) = _voting_round(public, eligibility=Round.Eligibility.RESIDENTS)
    resident = UserFactory()
    client = client_as(resident)
    url = _url("ballot", round_, pot_id=pot.pk)
    assert client.post(url, {"proposals": [art.pk]}).status_code == 403
    assert_bad_input(client, _url("register", round_), {"postcode": "not a postcode"}, errors=["Enter a real postcode, like LA9 4DL"],
                     kept=["postcode"], unchanged=lambda: round_.registrations.count())
    client.post(_url("register", round_), {"postcode": "ls1 4ap"})
    assert round_.registrations.get().postcode == "LS1 4AP"
    assert client.post(url, {"proposals": [art.pk]}).status_code == 302
    assert Voter.objects.get().user == resident


# ---------------------------------------------------------------------------
# Paper ballots and voting codes
# ---------------------------------------------------------------------------
def _residents_round(programme):
    return _voting_round(programme, eligibility=Round.Eligibility.RESIDENTS)


def test_a_code_holder_votes_signed_out_and_the_code_is_never_in_a_url(client, programme):
    round_, pot, (art, tools, travel) = _residents_round(programme)
    [issued] = services.codes_issue(round_=round_, how_many=1)
    response = client.post(_url("code_entry", round_), {"code": issued.code.lower().replace("-", " ")})
    assert response.status_code == 302 and issued.code not in response["Location"]
    page = client.get(_url("code_entry", round_)).content.decode()
    assert "Your code works" in page
    response = client.post(_url("code_ballot", round_, pot_id=pot.pk), {"proposals": [art.pk]})
    assert "Your vote is saved" in response.content.decode()
    voter = Voter.objects.get()
    assert voter.user is None and voter.code.serial == 1 and voter.via == Voter.Via.ONLINE
    assert issued.code not in str(VotingCode.objects.values_list("digest", flat=True)[0])


def test_a_code_votes_once_online_or_on_paper(client, client_as, programme, commissioner):
    round_, pot, (art, tools, travel) = _residents_round(programme)
    online, paper = services.codes_issue(round_=round_, how_many=2)
    # Online first: the facilitator cannot then count a paper ballot with it.
    client.post(_url("code_entry", round_), {"code": online.code})
    client.post(_url("code_ballot", round_, pot_id=pot.pk), {"proposals": [art.pk]})
    facilitator = client_as(commissioner)
    paper_url = _url("paper_ballot", round_, pot_id=pot.pk)
    assert_bad_input(facilitator, paper_url, {"code": online.code, "proposals": [tools.pk]},
                     errors=["This voting code has already been used to vote online"], kept=["code"], unchanged=Ballot.objects.count)
    # Paper first: counted once; the same code again, on paper or online, is refused.
    assert facilitator.post(paper_url, {"code": paper.code, "proposals": [tools.pk]}).status_code == 302
    assert_bad_input(facilitator, paper_url, {"code": paper.code, "proposals": [travel.pk]},
                     errors=["This voting code has already been used on a paper ballot"], unchanged=Ballot.objects.count)
    assert_bad_input(client, _url("code_entry", round_), {"code": paper.code},
                     errors=["This code has already been used on a paper ballot"], unchanged=Ballot.objects.count)
    assert _ballot_rows() == [("Allotment tools", 1), ("Art club", 1)]
    assert sorted(Voter.objects.values_list("via", flat=True)) == ["online", "paper"]


def test_a_wrong_code_on_a_paper_ballot_is_an_error(client_as, programme, commissioner):
    round_, pot, (art, *_) = _residents_round(programme)
    assert_bad_input(client_as(commissioner), _url("paper_ballot", round_, pot_id=pot.pk), {"code": "AAAA-BBBB-CCCC", "proposals": [art.pk]},
                     errors=["This is not a voting code for this round. Check the code on the ballot"], kept=["code"], unchanged=Ballot.objects.count)


def test_guessing_codes_is_locked_out(client, programme):
    round_, pot, _ = _residents_round(programme)
    [issued] = services.codes_issue(round_=round_, how_many=1)
    for attempt in range(20):
        client.post(_url("code_entry", round_), {"code": f"ZZZZ-ZZZZ-Z{attempt + 22}Z"})
    response = client.post(_url("code_entry", round_), {"code": issued.code})
    assert "Too many codes that did not work" in response.content.decode()
    assert not Voter.objects.exists()


def test_codes_only_work_in_a_residents_round(client, programme):
    round_, pot, _ = _voting_round(programme)
    assert client.get(_url("code_entry", round_)).status_code == 404


def test_paper_voters_count_in_the_turnout(client_as, programme, person, commissioner):
    round_, pot, (art, tools, travel) = _residents_round(programme)
    client_as(person).post(_url("ballot", round_, pot_id=pot.pk), {"proposals": [art.pk]})
    anonymous_ballots(pot, {tools.pk: 1}, how_many=3)
    services.round_move_on(round_=round_, by=commissioner)
    services.results_publish(round_=round_, by=commissioner)
    page = client_as(person).get(_url("results", round_)).content.decode()
    assert "4 votes cast: 1 online and 3 on paper." in page
    round_.activity.refresh_from_db()
    assert round_.activity.others_taking_part == 3  # the code holders; the member is in the group


# ---------------------------------------------------------------------------
# Counting, ties and publishing
# ---------------------------------------------------------------------------
def _count(round_, by):
    services.round_move_on(round_=round_, by=by)
    return {result.proposal.title: result for result in Result.objects.filter(round=round_).select_related("proposal")}


def test_winners_are_funded_by_votes_while_the_money_lasts(programme, commissioner):
    round_ = RoundFactory(programme=programme, phase=Round.Phase.VOTING)
    pot = PotFactory(round=round_, amount=10_000)
    big = ProposalFactory(pot=pot, title="Big", cost=8_000)
    middle = ProposalFactory(pot=pot, title="Middle", cost=3_000)
    small = ProposalFactory(pot=pot, title="Small", cost=2_000)
    anonymous_ballots(pot, {big.pk: 1, middle.pk: 1}, how_many=3)
    anonymous_ballots(pot, {middle.pk: 1, small.pk: 1}, how_many=1)
    results = _count(round_, commissioner)
    assert [(title, r.votes, r.rank, r.funded) for title, r in sorted(results.items(), key=lambda item: item[1].rank)] == [
        ("Middle", 4, 1, True), ("Big", 3, 2, False), ("Small", 1, 3, True),  # Big no longer fits in 7,000
    ]


def test_ties_go_to_the_cheaper_idea_then_the_earlier_one(client_as, programme, commissioner, person):
    round_ = RoundFactory(programme=programme, phase=Round.Phase.VOTING)
    pot = PotFactory(round=round_, amount=5_000)
    first = ProposalFactory(pot=pot, title="Shared first", cost=4_000)
    second = ProposalFactory(pot=pot, title="Shared second", cost=4_000)
    cheaper = ProposalFactory(pot=pot, title="Cheaper", cost=3_000)
    anonymous_ballots(pot, {first.pk: 1}, how_many=2)
    anonymous_ballots(pot, {second.pk: 1}, how_many=2)
    results = _count(round_, commissioner)
    assert results["Shared first"].rank == 1 and results["Shared first"].funded
    assert results["Shared second"].rank == 2 and not results["Shared second"].funded
    assert results["Cheaper"].votes == 0 and not results["Cheaper"].funded  # nobody chose it
    round_.proposals.filter(pk=cheaper.pk).update(cost=1_000)
    anonymous_ballots(pot, {cheaper.pk: 1}, how_many=2)
    round_.count.delete()
    services.count_start(round_=round_)
    ranks = dict(Result.objects.values_list("proposal__title", "rank"))
    assert ranks == {"Cheaper": 1, "Shared first": 2, "Shared second": 3}
    services.results_publish(round_=round_, by=commissioner)
    page = client_as(person).get(_url("results", round_)).content.decode()
    assert "the one that costs less comes first, then the one shared first" in page


def test_results_stay_hidden_until_published_in_every_page_and_export(client_as, programme, person, commissioner):
    round_, pot, (art, tools, travel) = _voting_round(programme)
    anonymous_ballots(pot, {art.pk: 1}, how_many=7)
    services.round_move_on(round_=round_, by=commissioner)
    member = client_as(person)
    for response in (
        member.get(_url("results", round_)),
        member.get(_url("results", round_), headers={"HX-Request": "true"}),
        member.get(_url("proposal_detail", round_, proposal_id=art.pk)),
        member.get(_url("round_detail", round_)),
        member.get(_url("proposal_list", round_)),
    ):
        page = response.content.decode()
        assert response.status_code == 200 and "7 votes" not in page and "Funded" not in page
    assert "results will appear here once the organiser publishes them" in member.get(_url("results", round_)).content.decode()
    assert member.get(_url("results_csv", round_)).status_code == 403
    organiser = client_as(commissioner)
    assert "Not published" in organiser.get(_url("results", round_)).content.decode()
    services.results_publish(round_=round_, by=commissioner)
    assert "Funded" in member.get(_url("results", round_)).content.decode()
    rows = list(csv.reader(io.StringIO(member.get(_url("results_csv", round_)).content.decode("utf-8-sig"))))
    assert rows[1] == ["North", "1", "Art club", "4000", "7", "7", "Yes"]


def test_publishing_carries_each_funded_idea_into_the_decisions_log(client_as, programme, commissioner, person):
    round_, pot, (art, tools, travel) = _voting_round(programme)
    anonymous_ballots(pot, {art.pk: 1, tools.pk: 1}, how_many=2)
    services.round_move_on(round_=round_, by=commissioner)
    response = client_as(commissioner).post(_url("results_publish", round_))
    assert response.status_code == 302
    decisions = Decision.objects.filter(informed_by=round_.activity).order_by("title")
    assert [d.title for d in decisions] == ["Fund “Allotment tools”", "Fund “Art club”"]
    art.refresh_from_db()
    assert art.decision.decision == "Fund “Art club” with £4,000.00 from the North pot."
    page = client_as(person).get(_url("proposal_detail", round_, proposal_id=art.pk)).content.decode()
    decision_url = reverse("commissioning:decision_detail", kwargs={"programme_id": programme.pk, "decision_id": art.decision_id})
    assert f'in the decisions log as <a class="govuk-link" href="{decision_url}">“Fund “Art club””</a>' in page
    # A resident outside the group of a public programme, who cannot open the decisions log, is
    # sent to "You said, we did" instead.
    Programme.objects.filter(pk=programme.pk).update(visibility=Programme.Visibility.PUBLIC)
    page = client_as(UserFactory(roles=["person"])).get(_url("proposal_detail", round_, proposal_id=art.pk)).content.decode()
    assert decision_url not in page and "Follow what happened on “You said, we did”" in page
    assert reverse("commissioning:delivery_list", kwargs={"programme_id": programme.pk}) in page
    client_as(commissioner).post(_url("results_publish", round_))  # again: nothing doubled
    assert decisions.count() == 2


def test_equal_shares_is_used_when_the_organiser_chooses_it(programme, commissioner):
    # Two groups: 6 voters want A and B (5,000 each), 4 want C (4,000). By votes alone, A and
    # B take the 10,000; shared equally, the 4 voters' 4,000 pays for C.
    round_ = RoundFactory(programme=programme, phase=Round.Phase.VOTING, method=Round.Method.EQUAL_SHARES)
    pot = PotFactory(round=round_, amount=10_000)
    a = ProposalFactory(pot=pot, title="A", cost=5_000)
    b = ProposalFactory(pot=pot, title="B", cost=5_000)
    c = ProposalFactory(pot=pot, title="C", cost=4_000)
    anonymous_ballots(pot, {a.pk: 1, b.pk: 1}, how_many=6)
    anonymous_ballots(pot, {c.pk: 1}, how_many=4)
    results = _count(round_, commissioner)
    assert {title for title, r in results.items() if r.funded_by_votes} == {"A", "B"}
    assert {title for title, r in results.items() if r.funded} == {"A", "C"}
    assert results["A"].equal_shares_order == 1


def test_a_large_equal_shares_count_is_worked_out_in_the_background(client_as, programme, commissioner, monkeypatch, django_capture_on_commit_callbacks):
    from commissioning.budgeting.tasks import round_count_run

    monkeypatch.setattr(services, "INLINE_COUNT_LIMIT", 2)
    round_, pot, (art, tools, travel) = _voting_round(programme, method=Round.Method.EQUAL_SHARES)
    anonymous_ballots(pot, {art.pk: 1}, how_many=3)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.round_move_on(round_=round_, by=commissioner)
    assert len(callbacks) == 1  # the task is queued once the round is closed
    organiser = client_as(commissioner)
    page = organiser.get(_url("results", round_), headers={"HX-Request": "true"}).content.decode()
    assert "being worked out" in page and 'hx-trigger="every 2s"' in page
    round_count_run.run(round_.count.pk)  # as the worker would
    round_count_run.run(round_.count.pk)  # delivered twice: the same rows
    assert Count.objects.get().status == Count.Status.DONE
    assert Result.objects.filter(round=round_, funded=True).get().proposal == art
    assert "Not published" in organiser.get(_url("results", round_)).content.decode()


def test_a_lost_count_is_queued_again(programme, commissioner, django_capture_on_commit_callbacks):
    round_, pot, _ = _voting_round(programme)
    count = Count.objects.create(round=round_, status=Count.Status.QUEUED)
    Count.objects.filter(pk=count.pk).update(updated_at="2020-01-01T00:00Z")
    count.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert services.count_requeue_if_stuck(count=count, stuck_after_seconds=60)
    assert len(callbacks) == 1


def _stuck_count(programme):
    round_ = RoundFactory(programme=programme, phase=Round.Phase.RESULTS)
    count = Count.objects.create(round=round_, status=Count.Status.QUEUED)
    Count.objects.filter(pk=count.pk).update(updated_at="2020-01-01T00:00Z")
    return round_, Count.objects.get(pk=count.pk)


def test_opening_the_results_of_a_stuck_count_changes_nothing_but_offers_to_count_again(
    client_as, programme, commissioner, django_capture_on_commit_callbacks
):
    round_, count = _stuck_count(programme)
    organiser = client_as(commissioner)  # signing in has on-commit work of its own
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page = organiser.get(_url("results", round_))
    assert callbacks == []  # nothing queued by a GET
    assert Count.objects.get(pk=count.pk).updated_at == count.updated_at
    button = BeautifulSoup(page.content, "html.parser").find("button", string="Count the votes again")
    assert button.find_parent("form")["action"] == _url("count_requeue", round_)


def test_an_organiser_counts_a_stuck_count_again(client_as, programme, commissioner, person, django_capture_on_commit_callbacks):
    round_, count = _stuck_count(programme)
    assert client_as(person).post(_url("count_requeue", round_)).status_code == 403  # results not published
    organiser = client_as(commissioner)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = organiser.post(_url("count_requeue", round_))
    assert response.headers["Location"] == _url("results", round_)
    assert len(callbacks) == 1
    assert Count.objects.get(pk=count.pk).updated_at > count.updated_at
    page = organiser.get(_url("results", round_)).content.decode()
    assert "The votes are being counted again" in page and "Count the votes again" not in page


def test_a_count_still_running_offers_no_button(client_as, programme, commissioner):
    round_ = RoundFactory(programme=programme, phase=Round.Phase.RESULTS)
    Count.objects.create(round=round_, status=Count.Status.RUNNING)
    page = client_as(commissioner).get(_url("results", round_)).content.decode()
    assert "being worked out" in page and "Count the votes again" not in page


# ---------------------------------------------------------------------------
# Ideas, review and settings
# ---------------------------------------------------------------------------
def test_a_member_shares_an_idea_and_bad_input_keeps_their_words(client_as, programme, person):
    round_ = RoundFactory(programme=programme)
    pot = PotFactory(round=round_)
    url = _url("proposal_add", round_)
    assert_bad_input(
        client_as(person), url, {"title": "Art club", "description": "Painting together", "easy_read": "We paint.", "cost": "lots", "pot": pot.pk},
        errors=["The how much it would cost, in pounds must be a whole number"], kept=["title", "description", "easy_read"],
        unchanged=Proposal.objects.count,
    )
    client_as(person).post(url, {"title": "Art club", "description": "Painting together", "easy_read": "We paint.", "cost": "900", "pot": pot.pk})
    proposal = Proposal.objects.get()
    assert (proposal.proposed_by, proposal.cost, proposal.feasibility) == (person, 900, Proposal.Feasibility.PENDING)


def test_a_named_reviewer_rejects_an_idea_and_only_the_proposer_sees_why(client_as, programme, person, carer, commissioner):
    round_ = RoundFactory(programme=programme, phase=Round.Phase.REVIEW)
    round_.reviewers.add(carer)
    idea = ProposalFactory(pot=PotFactory(round=round_), proposed_by=person, feasibility=Proposal.Feasibility.PENDING)
    review_url = _url("proposal_review", round_, proposal_id=idea.pk)
    assert client_as(commissioner).get(review_url).status_code == 403  # not named
    assert_bad_input(client_as(carer), review_url, {"feasible": "no", "reason": "", "cost": 1000},
                     errors=["Enter the reason the idea cannot be done"], unchanged=lambda: Proposal.objects.get().feasibility)
    client_as(carer).post(review_url, {"feasible": "no", "reason": "The council already funds this.", "cost": 1000})
    page = client_as(person).get(_url("proposal_detail", round_, proposal_id=idea.pk)).content.decode()
    assert "The council already funds this." in page
    other_member = UserFactory()
    GroupMemberFactory(programme=programme, user=other_member)
    assert client_as(other_member).get(_url("proposal_detail", round_, proposal_id=idea.pk)).status_code == 404
    assert idea.title not in client_as(other_member).get(_url("proposal_list", round_)).content.decode()


def test_the_ballot_rule_is_locked_once_voting_opens(client_as, programme, commissioner):
    round_, pot, _ = _voting_round(programme)
    data = {"title": round_.title, "description": "New words", "eligibility": "members", "ballot_rule": "approval",
            "min_spend_percent": 0, "min_choices": 1, "max_choices": 3, "points_total": 10, "points_per_idea": 5, "method": "greedy"}
    client_as(commissioner).post(_url("round_settings", round_), data)
    round_.refresh_from_db()
    assert round_.ballot_rule == Round.BallotRule.KNAPSACK and round_.description == "New words"
    with pytest.raises(services.ValidationError):
        services.round_update(round_=round_, data={"ballot_rule": "points"}, reviewers=[], by=commissioner)


def test_an_organiser_starts_a_round_and_moves_it_through_its_phases(client_as, programme, commissioner, carer):
    client = client_as(commissioner)
    data = {"title": "Community chest", "description": "Money for ideas", "pot_name": "North", "pot_amount": "20000",
            "eligibility": "members", "ballot_rule": "knapsack", "min_spend_percent": "0", "min_choices": "1", "max_choices": "3",
            "points_total": "10", "points_per_idea": "5", "method": "greedy", "reviewers": [carer.pk]}
    assert_bad_input(client, reverse("budgeting:round_add", kwargs={"programme_id": programme.pk}), {**data, "max_choices": "0"},
                     errors=["The most ideas to choose must be 1 or more"], kept=["title", "pot_name"], unchanged=Round.objects.count)
    client.post(reverse("budgeting:round_add", kwargs={"programme_id": programme.pk}), data)
    round_ = Round.objects.get()
    assert round_.activity.kind == "participatory_budgeting" and round_.activity.pb_round == round_
    assert list(round_.reviewers.all()) == [carer] and round_.pots.get().amount == 20_000
    client.post(_url("round_move_on", round_), {"phase": "proposals"})
    response = client.post(_url("round_move_on", round_), {"phase": "review"})
    round_.refresh_from_db()
    assert round_.phase == Round.Phase.REVIEW  # no idea passed the check yet: voting cannot open
    assert "Check at least one idea can be done" in client.get(response["Location"]).content.decode()
    ProposalFactory(pot=round_.pots.get())
    client.post(_url("round_move_on", round_), {"phase": "review"})
    client.post(_url("round_move_on", round_), {"phase": "review"})  # a second click is not a second move
    round_.refresh_from_db()
    assert round_.phase == Round.Phase.VOTING


def test_deleting_a_programme_removes_its_rounds_but_a_rounds_activity_cannot_be_deleted_alone(programme, commissioner):
    from django.db.models import RestrictedError

    round_, pot, (art, *_) = _voting_round(programme)
    anonymous_ballots(pot, {art.pk: 1})
    with pytest.raises(RestrictedError):
        round_.activity.delete()
    programme.delete()
    assert not Round.objects.exists() and not Ballot.objects.exists()
