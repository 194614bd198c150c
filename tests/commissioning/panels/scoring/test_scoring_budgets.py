"""Query budgets for the scoring and moderation pages: the same with 10 answers and with 100."""

import pytest
from django.urls import reverse
from django.utils import timezone

from commissioning.panels.scoring import services as scoring_services
from commissioning.panels.models import (
    Bidder,
    BidResponse,
    PanelMember,
    PanelQuestion,
    Score,
)
from tests.commissioning.panels.factories import panel_ready_to_score
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as
from tests.harness.queries import assert_fixed_queries

LIVED, OFFICER = PanelMember.Role.LIVED_EXPERIENCE, PanelMember.Role.PROCUREMENT_OFFICER


@pytest.fixture
def tender(programme, specification, commissioner, person):
    """Ten agreed questions and one bidder: 10 answers, each scored by the chair, a lived-experience
    member and an officer, the officer conflicted with a second bidder."""
    officer = UserFactory(roles=["commissioner"])
    panel, members, bidders, questions = panel_ready_to_score(
        programme=programme, specification=specification, chair=commissioner, members={person: LIVED, officer: OFFICER},
        bidder_names=("Bidder 0",), questions=10,
    )
    _score_all(panel, members.values())
    return panel, members, questions


def _score_all(panel, members):
    scores = [
        Score(response=response, member=member, value=(response.pk + member.pk) % (panel.score_max + 1), reason="Reason.")
        for response in BidResponse.objects.filter(bidder__panel=panel).exclude(scores__isnull=False)
        for member in members
    ]
    Score.objects.bulk_create(scores)


def _grow(panel, members, questions, commissioner):
    """Nine more bidders: 100 answers in all, every one scored."""
    for n in range(1, 10):
        bidder = Bidder.objects.create(panel=panel, name=f"Bidder {n}")
        BidResponse.objects.bulk_create(
            BidResponse(bidder=bidder, question=question, text="An answer.", entered_by=commissioner, entered_at=timezone.now())
            for question in questions
        )
    _score_all(panel, members)
    assert BidResponse.objects.filter(bidder__panel=panel).count() == 100


def test_the_scoring_page_costs_the_same_with_100_answers_as_with_10(client, tender, commissioner, person, settings):
    settings.PAGE_SIZE = 200  # every answer on one page, so the page itself grows tenfold
    panel, members, questions = tender
    login_as(client, person)
    url = reverse("panels:scoring", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})
    # panel with programme and version, the member, their conflicts, count, progress,
    # programme memberships (the tabs), the page of answers with the member's own scores
    assert_fixed_queries(lambda: client.get(url), budget=7, grow=lambda: _grow(panel, list(members.values()), questions, commissioner))
    assert len(client.get(url).context["page"]) == 100


def test_the_moderation_page_costs_the_same_with_100_answers_as_with_10(client, tender, commissioner, settings):
    settings.PAGE_SIZE = 200
    panel, members, questions = tender
    scoring_services.moderation_start(panel=panel, by=commissioner)
    login_as(client, commissioner)
    url = reverse("panels:moderation", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})
    # OTP device, panel, the chair's membership, members with users, their
    # conflicts, count, page of answers with spread, their scores, moderation counts, audit insert
    assert_fixed_queries(lambda: client.get(url), budget=11, grow=lambda: _grow(panel, list(members.values()), questions, commissioner))
    page = client.get(url)
    assert len(page.context["rows"]) == 100
    # Ten agreed questions on the first criterion, one on the second (every criterion needs one).
    assert PanelQuestion.objects.filter(panel=panel, agreed=True).count() == 11
