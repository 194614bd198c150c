"""The decisions log as a reader sees it, for the apps whose records inform decisions: each link
shows only where its page opens, asked in a fixed number of queries."""

from collections.abc import Callable, Iterable

from django.urls import reverse

from tests.commissioning.factories import DecisionFactory
from tests.harness.queries import assert_fixed_queries


def informs_a_decision(programme, owner) -> None:
    """A decision in the log informed by the activity of owner (a panel, a campaign, a visit...)."""
    DecisionFactory(programme=programme).informed_by.add(owner.activity)


def log_text(client, programme, owners: Iterable, *, budget: int, more: Callable[[], Iterable]) -> str:
    """The log's page after each owner informs a decision: `budget` queries, and the same again
    once each owner more() makes informs one too."""
    for owner in owners:
        informs_a_decision(programme, owner)

    def grow() -> None:
        for owner in more():
            informs_a_decision(programme, owner)

    log_url = reverse("commissioning:decision_list", kwargs={"programme_id": programme.pk})
    return assert_fixed_queries(lambda: client.get(log_url), budget=budget, grow=grow).content.decode()
