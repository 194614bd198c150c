"""The Method of Equal Shares (commissioning/budgeting/equal_shares.py): which proposals a
round funds when the organiser picks the proportional rule instead of "most votes first"."""

import random

import pytest

from commissioning.budgeting.equal_shares import equal_shares


def ballots(*sets):
    return [frozenset(s) for s in sets]


def most_votes_first(*, budget, costs, approvals):
    """Plain greedy counting, ties as in equal_shares: most votes, then cheaper, then lower id."""
    votes = {project: sum(project in ballot for ballot in approvals) for project in costs}
    funded, left = [], budget
    for project in sorted(costs, key=lambda p: (-votes[p], costs[p], p)):
        if votes[project] and costs[project] <= left:
            funded.append(project)
            left -= costs[project]
    return funded


def spent(funded, costs):
    return sum(costs[project] for project in funded)


# Worked by hand. Pot 100, five voters, so each holds 20.
#   1 playground 60, voted for by Ann, Bob, Cat
#   2 library    30, voted for by Ann, Bob, Cat
#   3 allotment  40, voted for by Dev, Eve
#   4 bench      10, voted for by Eve
# Most votes first: library (30) and playground (60), tied on three votes, then the bench
# (10) fits: Dev, a fifth of the voters, gets nothing he asked for.
# Equal Shares, round 1: the playground costs its three supporters 20 each, 1/3 of a pound
# per pound of project; the library 10 each, also 1/3; the allotment 20 each, 1/2; the bench
# 10 from Eve alone, 1. Playground and library tie, so the cheaper library wins and Ann, Bob
# and Cat keep 10 each. Round 2: the playground's supporters now hold 30, less than 60, so it
# is out; the allotment (1/2) beats the bench (1); Dev and Eve pay 20 each. Round 3: Eve has
# nothing left for the bench. Result: library, allotment (70 spent).
# Add1: with each voter holding 21 to 29 the same two win; at 30 Ann, Bob and Cat can also
# buy the playground and Eve the bench, 140 in all, over the pot. So the outcome at 29 stands
# and the 30 left is filled by votes: the playground (60) does not fit, the bench (10) does.
HAND_COSTS = {1: 60, 2: 30, 3: 40, 4: 10}
HAND_BALLOTS = ballots({1, 2}, {1, 2}, {1, 2}, {3}, {3, 4})


def test_hand_worked_example_without_completion():
    assert equal_shares(budget=100, costs=HAND_COSTS, approvals=HAND_BALLOTS, completion="none") == [2, 3]


def test_hand_worked_example_with_the_standard_completion():
    assert equal_shares(budget=100, costs=HAND_COSTS, approvals=HAND_BALLOTS) == [2, 3, 4]
    assert most_votes_first(budget=100, costs=HAND_COSTS, approvals=HAND_BALLOTS) == [2, 1, 4]


# equalshares.net, "Explanation of the Method of Equal Shares", Examples 1 and 2: pot 1100,
# eleven voters; bike path 700, outdoor gym 400, new park 250, new playground 200, library
# for kids 100. Each set below is one voter's column of the published table.
BIKE, GYM, PARK, PLAYGROUND, LIBRARY = 1, 2, 3, 4, 5
SITE_COSTS = {BIKE: 700, GYM: 400, PARK: 250, PLAYGROUND: 200, LIBRARY: 100}
SITE_EXAMPLE_1 = ballots(
    {BIKE, GYM},
    {BIKE, GYM, PARK},
    {BIKE, GYM},
    {BIKE, GYM, PARK},
    {BIKE, GYM, PARK},
    {BIKE, GYM},
    {PARK, PLAYGROUND, LIBRARY},
    {PLAYGROUND},
    {PLAYGROUND, LIBRARY},
    {PARK, PLAYGROUND, LIBRARY},
    {BIKE},
)
# Example 2: the right-most voter votes for the outdoor gym instead of the bike path.
SITE_EXAMPLE_2 = [*SITE_EXAMPLE_1[:-1], frozenset({GYM})]


def test_published_example_1_funds_the_bike_path_then_the_kids_projects():
    # "the Method of Equal Shares will select the bike path, then the new playground, and
    # then the library for kids", where most votes first stops after the bike path and gym.
    assert equal_shares(budget=1100, costs=SITE_COSTS, approvals=SITE_EXAMPLE_1, completion="none") == [
        BIKE,
        PLAYGROUND,
        LIBRARY,
    ]
    assert most_votes_first(budget=1100, costs=SITE_COSTS, approvals=SITE_EXAMPLE_1) == [BIKE, GYM]


def test_published_example_2_splits_the_park_unequally():
    # Gym first (400 / 7 each), then the park (effective vote count 4.1), then the playground
    # (3.2); after that nobody who wants the library has enough left.
    assert equal_shares(budget=1100, costs=SITE_COSTS, approvals=SITE_EXAMPLE_2, completion="none") == [
        GYM,
        PARK,
        PLAYGROUND,
    ]


def test_published_examples_with_the_completion_stay_within_the_pot():
    assert equal_shares(budget=1100, costs=SITE_COSTS, approvals=SITE_EXAMPLE_1) == [BIKE, PLAYGROUND, LIBRARY]
    funded = equal_shares(budget=1100, costs=SITE_COSTS, approvals=SITE_EXAMPLE_2)
    assert funded[:3] == [GYM, PARK, PLAYGROUND]
    assert spent(funded, SITE_COSTS) <= 1100


def test_a_49_percent_minority_gets_half_where_most_votes_first_gives_it_nothing():
    # The motivating example for the method (Peters and Skowron; equalshares.net): 51% want
    # ten "red" projects, 49% ten "blue" ones, and the money pays for ten.
    red, blue = range(1, 11), range(11, 21)
    costs = dict.fromkeys([*red, *blue], 100)
    approvals = [frozenset(red)] * 51 + [frozenset(blue)] * 49

    assert most_votes_first(budget=1000, costs=costs, approvals=approvals) == list(red)
    assert equal_shares(budget=1000, costs=costs, approvals=approvals) == [1, 2, 3, 4, 5, 11, 12, 13, 14, 15]
    # Without the completion the blue voters' 490 buys four projects, not five.
    assert equal_shares(budget=1000, costs=costs, approvals=approvals, completion="none") == [
        1, 2, 3, 4, 5, 11, 12, 13, 14,
    ]  # fmt: skip


def random_round(seed, *, voters=60, projects=12):
    rng = random.Random(seed)
    costs = {project: rng.randrange(5, 400, 5) for project in rng.sample(range(1, 1000), projects)}
    ids = sorted(costs)
    approvals = [frozenset(rng.sample(ids, rng.randint(0, 5))) for _ in range(voters)]
    return rng.randrange(100, 2000, 50), costs, approvals


@pytest.mark.parametrize("completion", ["add1", "none"])
@pytest.mark.parametrize("seed", range(40))
def test_never_spends_more_than_the_pot_or_funds_a_project_twice(seed, completion):
    budget, costs, approvals = random_round(seed)
    funded = equal_shares(budget=budget, costs=costs, approvals=approvals, completion=completion)
    assert spent(funded, costs) <= budget
    assert len(funded) == len(set(funded))
    assert all(any(project in ballot for ballot in approvals) for project in funded)


@pytest.mark.parametrize("seed", range(20))
def test_the_completion_leaves_no_room_for_another_project_somebody_voted_for(seed):
    budget, costs, approvals = random_round(seed)
    funded = equal_shares(budget=budget, costs=costs, approvals=approvals)
    left = budget - spent(funded, costs)
    wanted = {project for ballot in approvals for project in ballot}
    assert all(costs[project] > left for project in wanted - set(funded))


@pytest.mark.parametrize("seed", range(20))
def test_a_unanimous_electorate_gets_the_most_votes_first_outcome(seed):
    rng = random.Random(seed)
    costs = {project: rng.randrange(10, 300, 10) for project in range(1, 9)}
    ballot = frozenset(rng.sample(sorted(costs), rng.randint(1, 8)))
    approvals = [ballot] * rng.randint(1, 30)
    budget = rng.randrange(50, 1000, 10)

    greedy = most_votes_first(budget=budget, costs=costs, approvals=approvals)
    assert equal_shares(budget=budget, costs=costs, approvals=approvals) == greedy
    assert equal_shares(budget=budget, costs=costs, approvals=approvals, completion="none") == greedy


@pytest.mark.parametrize("completion", ["add1", "none"])
@pytest.mark.parametrize("seed", range(20))
def test_half_the_voters_get_about_half_the_pot_when_they_want_different_things(seed, completion):
    rng = random.Random(seed)
    ours = {project: rng.randrange(20, 300, 10) for project in range(1, 11)}
    theirs = {project: rng.randrange(20, 300, 10) for project in range(11, 21)}
    approvals = [frozenset(ours)] * 50 + [frozenset(theirs)] * 50
    budget = 1000

    funded = equal_shares(budget=budget, costs=ours | theirs, approvals=approvals, completion=completion)
    for side in (ours, theirs):
        # Each half holds 500 that only its own projects can use, so at most the price of
        # one more of its projects is left unspent.
        assert spent([p for p in funded if p in side], side) >= budget / 2 - max(side.values())


@pytest.mark.parametrize("seed", range(20))
def test_the_order_of_ballots_and_projects_does_not_change_the_result(seed):
    budget, costs, approvals = random_round(seed)
    expected = equal_shares(budget=budget, costs=costs, approvals=approvals)
    shuffled = approvals[:]
    random.Random(seed).shuffle(shuffled)
    reordered_costs = dict(reversed(costs.items()))
    assert equal_shares(budget=budget, costs=reordered_costs, approvals=shuffled) == expected


def test_ties_go_to_the_cheaper_project_then_to_the_lower_id():
    # Everyone votes for everything, so every project costs each voter the same per pound.
    everyone = ballots({3, 5, 7}, {3, 5, 7})
    assert equal_shares(budget=100, costs={3: 60, 5: 60, 7: 50}, approvals=everyone) == [7]
    assert equal_shares(budget=120, costs={3: 60, 5: 60, 7: 70}, approvals=everyone) == [3, 5]


def test_empty_ballots_count_as_voters_with_an_equal_share():
    # Two of four voters want a 60 project: their half of a 100 pot is 50, not enough.
    approvals = ballots({1}, {1}, set(), set())
    assert equal_shares(budget=100, costs={1: 60}, approvals=approvals, completion="none") == []
    assert equal_shares(budget=100, costs={1: 60}, approvals=approvals[:2], completion="none") == [1]
    # The completion raises every share until it fits.
    assert equal_shares(budget=100, costs={1: 60}, approvals=approvals) == [1]


def test_nothing_is_funded_without_votes():
    costs = {1: 10, 2: 20}
    assert equal_shares(budget=100, costs=costs, approvals=[]) == []
    assert equal_shares(budget=100, costs=costs, approvals=ballots(set(), set())) == []


def test_a_project_nobody_voted_for_is_never_funded_even_with_money_left():
    costs = {1: 50, 2: 5}
    assert equal_shares(budget=100, costs=costs, approvals=ballots({1}, {1})) == [1]


def test_votes_for_unknown_projects_are_ignored():
    assert equal_shares(budget=100, costs={1: 50}, approvals=ballots({1, 99}, {99})) == [1]


def test_a_project_costing_nothing_is_funded_first_if_anyone_wants_it():
    costs = {1: 100, 2: 0, 3: 0}
    assert equal_shares(budget=100, costs=costs, approvals=ballots({1, 2}, {1})) == [2, 1]


def test_a_project_dearer_than_the_pot_is_never_funded():
    approvals = ballots({1, 2}, {1, 2}, {1})
    assert equal_shares(budget=100, costs={1: 150, 2: 40}, approvals=approvals) == [2]


def test_rejects_an_unknown_completion_and_negative_amounts():
    with pytest.raises(ValueError):
        equal_shares(budget=100, costs={1: 10}, approvals=ballots({1}), completion="greedy")
    with pytest.raises(ValueError):
        equal_shares(budget=-1, costs={1: 10}, approvals=ballots({1}))
    with pytest.raises(ValueError):
        equal_shares(budget=100, costs={1: -10}, approvals=ballots({1}))
