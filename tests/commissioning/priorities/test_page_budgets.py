"""Query budgets: the priorities pages run the same few queries with ten times the data."""

import pytest

from coproduction.accounts.models import Role
from tests.commissioning.factories import GroupMemberFactory
from tests.commissioning.priorities.factories import (
    IndicatorFactory,
    OutcomeCommentFactory,
    OutcomeFactory,
    PriorityCommentFactory,
    PriorityFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
    StoryFactory,
    SupportFactory,
)
from tests.commissioning.priorities.pages import url
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.queries import assert_fixed_queries


@pytest.fixture
def seeded(users, programme):
    """One of everything, so no query is skipped for want of a row."""
    priority = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON])
    SupportFactory(priority=priority, member=users[Role.CARER])
    PriorityCommentFactory(priority=priority, author=users[Role.CARER])
    ShortlistEntryFactory(shortlist=ShortlistFactory(programme=programme), priority=priority, rank=1)
    outcome = OutcomeFactory(programme=programme)
    IndicatorFactory(outcome=outcome)
    OutcomeCommentFactory(outcome=outcome, author=users[Role.PERSON])
    story = StoryFactory(programme=programme, recorded_by=users[Role.CARER])
    story.priorities.add(priority)
    return {"priority": priority, "outcome": outcome}


def _grow(programme, seeded):
    def grow():
        members = UserFactory.create_batch(10, roles=["person"])
        for member in members:
            GroupMemberFactory(programme=programme, user=member)
        for member in members:
            SupportFactory(priority=seeded["priority"], member=member)
        for index in range(10):
            priority = PriorityFactory(programme=programme, proposed_by=members[index])
            for member in members[:3]:
                SupportFactory(priority=priority, member=member)
            PriorityCommentFactory.create_batch(2, priority=priority, author=members[index])
            PriorityCommentFactory(priority=seeded["priority"], author=members[index])
            outcome = OutcomeFactory(programme=programme)
            IndicatorFactory.create_batch(3, outcome=outcome)
            IndicatorFactory(outcome=seeded["outcome"])
            OutcomeCommentFactory(outcome=outcome, author=members[index])
            OutcomeCommentFactory(outcome=seeded["outcome"], author=members[index])
            StoryFactory(programme=programme, recorded_by=members[index]).priorities.add(seeded["priority"])
    return grow


# (url name, extra kwargs from the seeded records, budget, what the queries are)
PAGES = [
    ("priority_list", lambda s: {}, 5, "programme, memberships, count, the agreed shortlist, page of priorities (counts in subqueries)"),
    ("priority_detail", lambda s: {"priority_id": s["priority"].pk}, 8,
     "programme, memberships, priority with counts, comment count, linked evidence, audit of the stories read (one INSERT), "
     "comments page, the peer research findings it rests on"),
    ("outcome_list", lambda s: {}, 4, "programme, memberships, outcomes with comment counts, their indicators"),
    ("outcome_detail", lambda s: {"outcome_id": s["outcome"].pk}, 6, "programme, memberships, outcome, comment count, indicators, comments page"),
    ("evidence_list", lambda s: {}, 5, "programme, memberships, count, page of evidence, audit of the stories read (one INSERT)"),
]


@pytest.mark.parametrize("name, kwargs, budget, why", PAGES, ids=[page[0] for page in PAGES])
def test_priorities_pages_run_a_fixed_number_of_queries(client_as, users, programme, seeded, name, kwargs, budget, why):
    client = client_as(users[Role.PERSON])
    page_url = url(name, programme, **kwargs(seeded))
    assert_fixed_queries(lambda: client.get(page_url), budget=budget, grow=_grow(programme, seeded))


def test_the_shortlist_form_for_a_commissioner_runs_a_fixed_number_of_queries(client_as, users, programme, seeded):
    client = client_as(users[Role.COMMISSIONER])
    page_url = url("shortlist_agree", programme)
    # OTP device, programme, candidates with counts, current shortlist, memberships (for the tabs)
    assert_fixed_queries(lambda: client.get(page_url), budget=5, grow=_grow(programme, seeded))
