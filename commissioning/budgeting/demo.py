"""Demo records for budgeting, for `manage.py seed_demo`. Idempotent.

Day opportunities: a finished round, results published, with ten ideas and about 200 votes,
online and on paper; Al (person@demo.example) voted online. Short breaks for carers (a
public programme): last year's round, published, two of its funded ideas on their way (see
"You said, we did"); and a round open for voting, only for people living in Kendal (postcode
districts LA8 and LA9, or the council's postcode list imported from the shipped sample)."""

import random
from pathlib import Path

from commissioning.demo import CARERS_BREAKS, DAY_OPPORTUNITIES
from commissioning.models import DeliveryStatus, Programme
from commissioning.services import decision_delivery_update
from coproduction.accounts.models import User
from coproduction.core.demo import demo_seeder

from . import services
from .models import Proposal, Round, Voter

DAY_ROUND = "Day opportunities community fund 2026"
BREAKS_ROUND = "Short breaks ideas fund"
BREAKS_LAST_ROUND = "Short breaks ideas fund 2025"
SAMPLE_POSTCODES = Path(__file__).resolve().parent / "data" / "sample_postcodes.csv"
# The demo council: Kendal, in Westmorland and Furness.
DEMO_AREA = {"area_name": "Kendal", "area_postcodes": "LA8, LA9", "area_code": "E06000064"}

DAY_IDEAS = [
    # (pot, title, cost, proposer, Easy Read wording)
    ("North", "Saturday art club at the library", 4_000, "person", "An art club. It is on Saturdays. Anyone can come."),
    ("North", "Allotment group with support workers", 6_500, "carer", "Grow food together. A support worker helps."),
    ("North", "Travel buddies for getting to college", 5_000, "person", "Someone travels with you to college."),
    ("North", "Music and drama sessions", 3_500, "provider", ""),
    ("North", "A new minibus", 60_000, "person", ""),
    ("South", "Cookery sessions in the community centre", 3_000, "carer", "Learn to cook a meal. Then eat it together."),
    ("South", "Work experience in local cafés", 7_000, "provider", "Try working in a café. You get support."),
    ("South", "Walking group in the park", 1_500, "person", "Walk in the park with friends every week."),
    ("South", "Evening social club", 5_500, "carer", "A club in the evening. Meet friends. Have fun."),
    ("South", "Sensory room at the day centre", 9_000, "provider", ""),
]
BREAKS_IDEAS = [
    ("Weekend breaks at the seaside", 9_000),
    ("Sitting service so carers can go out", 6_000),
    ("Carers' pamper days", 2_500),
    ("Short breaks directory online and on paper", 1_500),
    ("Emergency cover when a carer is ill", 8_000),
]


def _users() -> dict[str, User]:
    emails = {"commissioner": "commissioner@demo.example", "person": "person@demo.example", "carer": "carer@demo.example", "provider": "provider@demo.example"}
    return {key: User.objects.get(email=email) for key, email in emails.items()}


def _knapsack_ballot(rng: random.Random, proposals: list[Proposal], budget: int) -> dict[int, int]:
    chosen, spent = {}, 0
    for proposal in rng.sample(proposals, len(proposals)):
        weight = 0.75 if "art" in proposal.title or "Cookery" in proposal.title or "Walking" in proposal.title else 0.45
        if spent + proposal.cost <= budget and rng.random() < weight:
            chosen[proposal.pk] = 1
            spent += proposal.cost
    return chosen or {min(proposals, key=lambda p: p.cost).pk: 1}


def _seed_day_round(users: dict[str, User]) -> None:
    programme = Programme.objects.get(title=DAY_OPPORTUNITIES)
    data = {
        "title": DAY_ROUND,
        "description": "£30,000 for day opportunities chosen by the people who use them. Anyone living in the borough "
        "could vote, online or on paper at the day centres.",
        "eligibility": Round.Eligibility.RESIDENTS, "ballot_rule": Round.BallotRule.KNAPSACK, "min_spend_percent": 0,
        "min_choices": 1, "max_choices": 3, "points_total": 10, "points_per_idea": 5, "method": Round.Method.GREEDY,
    }
    round_ = services.round_create(programme=programme, by=users["commissioner"], data=data, pot_name="North", pot_amount=15_000)
    services.pot_add(round_=round_, name="South", amount=15_000)
    round_.reviewers.set([users["carer"], users["commissioner"]])
    pots = {pot.name: pot for pot in round_.pots.all()}
    for pot_name, title, cost, proposer, easy_read in DAY_IDEAS:
        proposal = services.proposal_create(
            round_=round_, by=users[proposer],
            data={"pot": pots[pot_name], "title": title, "cost": cost, "easy_read": easy_read,
                  "description": f"{title}. Suggested at a day centre meeting; people said it would help them see friends and try new things."},
        )
        feasible = cost <= 15_000
        reason = "" if feasible else "A minibus costs more than the whole pot. The transport review is looking at this instead."
        services.proposal_review(proposal=proposal, by=users["carer"], feasible=feasible, reason=reason, cost=cost)
    services.round_move_on(round_=round_, by=users["commissioner"])
    services.round_move_on(round_=round_, by=users["commissioner"])
    rng = random.Random(2026)
    feasible = {name: list(services.feasible_proposals(pot=pot).values()) for name, pot in pots.items()}
    # Group members vote online with their accounts; Al votes in North.
    services.ballot_cast(pot=pots["North"], choices={feasible["North"][0].pk: 1, feasible["North"][2].pk: 1}, user=users["person"])
    services.ballot_cast(pot=pots["South"], choices=_knapsack_ballot(rng, feasible["South"], 15_000), user=users["carer"])
    # Residents with codes: about a third online, the rest on paper at the day centres.
    codes = services.codes_issue(round_=round_, how_many=200)
    for index, issued in enumerate(codes):
        pot = pots["North" if index % 2 else "South"]
        code = services.code_find(round_=round_, raw=issued.code)
        via = Voter.Via.ONLINE if index % 3 == 0 else Voter.Via.PAPER
        services.ballot_cast(pot=pot, choices=_knapsack_ballot(rng, feasible[pot.name], pot.amount), code=code, via=via)
    services.round_move_on(round_=round_, by=users["commissioner"])
    services.results_publish(round_=round_, by=users["commissioner"])


def _kendal_round(title: str, description: str, ballot_rule: str) -> dict:
    """A residents' round of the carers' programme, for people living in Kendal."""
    return {
        "title": title, "description": description, "eligibility": Round.Eligibility.RESIDENTS, "ballot_rule": ballot_rule,
        "min_spend_percent": 0, "min_choices": 1, "max_choices": 3, "points_total": 10, "points_per_idea": 5,
        "method": Round.Method.GREEDY, **DEMO_AREA,
    }


def _seed_breaks_round(users: dict[str, User]) -> None:
    programme = Programme.objects.get(title=CARERS_BREAKS)
    data = _kendal_round(
        BREAKS_ROUND, "£20,000 for short breaks ideas. Any carer living in Kendal can register and vote for up to three ideas.",
        Round.BallotRule.APPROVAL,
    )
    round_ = services.round_create(programme=programme, by=users["commissioner"], data=data, pot_name="Whole borough", pot_amount=20_000)
    round_.reviewers.set([users["commissioner"]])
    pot = round_.pots.get()
    for title, cost in BREAKS_IDEAS:
        proposal = services.proposal_create(
            round_=round_, by=users["carer"],
            data={"pot": pot, "title": title, "cost": cost, "easy_read": "", "description": f"{title}, so carers can plan a break."},
        )
        services.proposal_review(proposal=proposal, by=users["commissioner"], feasible=True, reason="", cost=cost)
    # Al lives in the borough: he registered to vote and asked to hear when voting opens.
    services.registration_create(round_=round_, user=users["person"], postcode="LA9 4DL", wants_updates=True)
    services.round_move_on(round_=round_, by=users["commissioner"])
    services.round_move_on(round_=round_, by=users["commissioner"])
    rng = random.Random(7)
    ideas = list(services.feasible_proposals(pot=pot))
    for issued in services.codes_issue(round_=round_, how_many=40):
        code = services.code_find(round_=round_, raw=issued.code)
        services.ballot_cast(pot=pot, choices={pk: 1 for pk in rng.sample(ideas, rng.randint(1, 3))}, code=code, via=Voter.Via.PAPER)


LAST_YEAR_IDEAS = [
    # (title, cost, votes, progress: (status, per cent, news, evidence) or None)
    ("Carers' café once a month", 3_000, 24, (DeliveryStatus.DONE, 100, "The café has met every month since March at the library.",
                                                "Attendance sheets: 18 carers on average.")),
    ("Respite vouchers for weekends", 8_000, 19, (DeliveryStatus.IN_PROGRESS, 60, "Vouchers are being handed out by the carers' centre.",
                                                  "42 of 70 vouchers used so far.")),
    ("Carers' garden at the hospice", 7_500, 9, None),
]


def _seed_breaks_last_round(users: dict[str, User]) -> None:
    """Last year's round in the public programme: published, with two funded ideas on their way."""
    programme = Programme.objects.get(title=CARERS_BREAKS)
    data = _kendal_round(BREAKS_LAST_ROUND, "£12,000 for carers' ideas, voted on by carers living in Kendal.", Round.BallotRule.KNAPSACK)
    round_ = services.round_create(programme=programme, by=users["commissioner"], data=data, pot_name="Kendal", pot_amount=12_000)
    pot = round_.pots.get()
    ideas = []
    for title, cost, votes, progress in LAST_YEAR_IDEAS:
        proposal = services.proposal_create(
            round_=round_, by=users["carer"],
            data={"pot": pot, "title": title, "cost": cost, "easy_read": "", "description": f"{title}: carers asked for this at the carers' centre."},
        )
        services.proposal_review(proposal=proposal, by=users["commissioner"], feasible=True, reason="", cost=cost)
        ideas.append((proposal, votes, progress))
    services.round_move_on(round_=round_, by=users["commissioner"])
    services.round_move_on(round_=round_, by=users["commissioner"])
    codes = iter(services.codes_issue(round_=round_, how_many=sum(votes for _, votes, _ in ideas)))
    for proposal, votes, _ in ideas:
        for _ in range(votes):
            code = services.code_find(round_=round_, raw=next(codes).code)
            services.ballot_cast(pot=pot, choices={proposal.pk: 1}, code=code, via=Voter.Via.PAPER)
    services.round_move_on(round_=round_, by=users["commissioner"])
    services.results_publish(round_=round_, by=users["commissioner"])
    for proposal, _, progress in ideas:
        proposal.refresh_from_db()
        if progress and proposal.decision is not None:
            status, percent, news, evidence = progress
            decision_delivery_update(
                decision=proposal.decision, by=users["commissioner"], status=status, percent=percent,
                you_said=f"Carers asked for “{proposal.title}” and voted for it.", update=news, evidence=evidence,
            )


@demo_seeder(90)
def seed_budgeting_demo() -> None:
    users = _users()
    services.area_postcodes_import(data=SAMPLE_POSTCODES.read_bytes())
    if not Round.objects.filter(title=BREAKS_LAST_ROUND).exists():
        _seed_breaks_last_round(users)
    if not Round.objects.filter(title=DAY_ROUND).exists():
        _seed_day_round(users)
    if not Round.objects.filter(title=BREAKS_ROUND).exists():
        _seed_breaks_round(users)
