"""The Method of Equal Shares: a proportional way to choose which proposals a PB round funds.

Peters, Pierczyński and Skowron, "Proportional participatory budgeting with additive
utilities", NeurIPS 2021. The steps, tie-breaking and completion follow the explanation and
pseudo-code at https://equalshares.net (Explanation; Implementation: Computation, Completion,
Tie breaking): approval ballots with cost utilities, the variant Wieliczka (Poland) used for
its Green Million in 2023.

Pure Python with exact arithmetic, so a result never depends on rounding and can be checked
by hand. Nothing here touches Django or the database.
"""

from collections import Counter
from fractions import Fraction
from itertools import count

COMPLETIONS = ("add1", "none")


def equal_shares(
    *,
    budget: int,
    costs: dict[int, int],
    approvals: list[frozenset[int]],
    completion: str = "add1",
) -> list[int]:
    """Return the ids of the funded projects, in the order they were funded.

    `costs` maps each project id to its cost; `approvals` holds one ballot per voter (the
    ids that voter ticked; ids missing from `costs` are ignored). Give amounts in whole
    pounds: the completion below steps in those units (in pence it would rerun the rule a
    hundred times as often).

    In plain words:

    1. Share the pot equally: every voter, including one who ticked nothing, holds
       budget / number of voters.
    2. A project can only be paid for from the money of the people who voted for it. Its
       cost is split as equally as possible between them: everyone pays the same amount,
       except people with less left than that, who pay all they have.
    3. Fund the project whose supporters would pay least for each pound it costs (each
       voter values a project at its cost: "cost utilities"; equalshares.net shows the
       inverse as the "effective vote count"). A project nobody can afford any more drops out.
    4. Take the payments from the supporters' money and repeat from 2 until no project is
       left that its supporters can afford.

    Ties (the same price per pound) go to the cheaper project, then to the one with more
    votes (the order equalshares.net recommends), then to the lower id instead of a draw.
    A project costing nothing is funded first if anyone voted for it.

    completion="add1", the standard completion, because steps 1 to 4 usually leave part of
    the pot unspent: run them again with each voter's share raised to the next whole pound,
    then one pound more each time, and keep the last outcome that fits the pot. Stop when the
    next one would go over the pot (or everything anyone voted for is funded). Then fill
    what is left greedily: projects in order of votes (ties: cheaper, then lower id), each
    one that still fits. completion="none" returns steps 1 to 4 with the real shares.

    equalshares.net also allows stopping as soon as no other project would fit the money
    left. Wieliczka's published result (30 projects, 995 079 zł of 1 000 000) comes from
    raising the share further than that, as here.
    """
    if completion not in COMPLETIONS:
        raise ValueError(f"completion must be one of {COMPLETIONS}, not {completion!r}")
    if budget < 0 or any(cost < 0 for cost in costs.values()):
        raise ValueError("The budget and the costs cannot be negative.")
    if not approvals:
        return []
    election = _Election(budget=budget, costs=costs, approvals=approvals)
    funded = election.fund(Fraction(budget, election.voters))
    if completion == "add1":
        share = budget // election.voters
        while len(funded) < len(election.approved):
            share += 1
            richer = election.fund(Fraction(share))
            if election.spent(richer) > budget:
                break
            funded = richer
        funded = election.fill_greedily(funded)
    return funded


class _Election:
    """The ballots, counted once for every rerun. Identical ballots form one group (their
    voters always hold the same money) and each project lists the groups that support it."""

    def __init__(self, *, budget: int, costs: dict[int, int], approvals: list[frozenset[int]]):
        self.budget = budget
        self.costs = costs
        self.voters = len(approvals)
        known = frozenset(costs)
        groups = Counter(known.intersection(ballot) for ballot in approvals)
        self.ballots = [ballot for ballot in groups if ballot]
        self.sizes = [groups[ballot] for ballot in self.ballots]
        self.supporters: dict[int, list[int]] = {project: [] for project in costs}
        self.votes = dict.fromkeys(costs, 0)
        for group, ballot in enumerate(self.ballots):
            for project in ballot:
                self.supporters[project].append(group)
                self.votes[project] += self.sizes[group]
        # The same with one entry per voter (their group), so that counting who holds what
        # is one call to Counter rather than a Python loop.
        self.supporters_by_voter = {
            project: [group for group in groups for _ in range(self.sizes[group])]
            for project, groups in self.supporters.items()
        }
        self.approved = sorted(project for project, votes in self.votes.items() if votes)
        self.free = [project for project in self.approved if costs[project] == 0]
        self.priced = [project for project in self.approved if costs[project] > 0]
        self.tie_order = {p: (costs[p], -self.votes[p], p) for p in self.approved}

    def spent(self, funded: list[int]) -> int:
        return sum(self.costs[project] for project in funded)

    def fund(self, share: Fraction) -> list[int]:
        """Steps 1 to 4, every voter starting with `share`."""
        funded = list(self.free)
        # Money is counted in 1/unit of a pound, with `unit` grown whenever a payment needs
        # it, so every amount stays a whole number (exact, and quick to compare).
        unit = share.denominator
        # Voters who paid for the same projects hold the same money, so amounts are numbered
        # (0 is nothing left) and `holds` says which one each group of ballots holds.
        amounts = {0: 0, 1: share.numerator}
        holds = [1] * len(self.ballots)
        running = set(self.priced)
        # Money only ever goes down, so a project's price per pound only goes up: last
        # round's price is a floor, and a project whose floor is worse than the best price
        # found this round cannot win it.
        floor = {project: Fraction(1, self.votes[project]) for project in self.priced}
        while running:
            best = None
            for project in sorted(running, key=floor.__getitem__):
                if best is not None and floor[project] > best[0]:
                    break
                cost = self.costs[project] * unit
                people = Counter(map(holds.__getitem__, self.supporters_by_voter[project]))
                payment = _equal_split(cost, people, amounts)
                if payment is None:  # its supporters can no longer afford it
                    running.remove(project)
                    continue
                floor[project] = payment / cost
                candidate = (floor[project], self.tie_order[project], project, payment)
                if best is None or candidate < best:
                    best = candidate
            if best is None:
                break
            _, _, winner, payment = best
            funded.append(winner)
            running.remove(winner)
            unit *= payment.denominator
            amounts = self._charge(winner, payment, amounts, holds)
        return funded

    def _charge(self, winner: int, payment: Fraction, amounts: dict, holds: list[int]) -> dict:
        """Each supporter of `winner` pays `payment`, or all they have if that is less.
        Returns the amounts still held, counted in the new (finer) unit of money."""
        scale, payment = payment.denominator, payment.numerator
        amounts = {held: amounts[held] * scale for held in set(holds) | {0}}
        after_paying = {0: 0}
        fresh = count(max(amounts) + 1)
        for group in self.supporters[winner]:
            before = holds[group]
            after = after_paying.get(before)
            if after is None:
                after = 0
                if amounts[before] > payment:
                    after = next(fresh)
                    amounts[after] = amounts[before] - payment
                after_paying[before] = after
            holds[group] = after
        return amounts

    def fill_greedily(self, funded: list[int]) -> list[int]:
        funded = list(funded)
        left = self.budget - self.spent(funded)
        for project in sorted(self.priced, key=lambda p: (-self.votes[p], self.costs[p], p)):
            if project not in funded and self.costs[project] <= left:
                funded.append(project)
                left -= self.costs[project]
        return funded


def _equal_split(cost: int, people: dict[int, int], amounts: dict[int, int]) -> Fraction | None:
    """What each supporter pays when `cost` is split as equally as possible (those with less
    pay all they have), or None if together they hold too little.

    Try an equal split; whoever holds less than their part pays everything, and the rest is
    split again between the others (equalshares.net, "How to split project costs").
    """
    people.pop(0, None)  # those with nothing left pay nothing
    paying = sum(people.values())
    owed = cost
    for held in sorted(people, key=amounts.__getitem__):
        if amounts[held] * paying >= owed:
            return Fraction(owed, paying)
        owed -= amounts[held] * people[held]
        paying -= people[held]
    return None
