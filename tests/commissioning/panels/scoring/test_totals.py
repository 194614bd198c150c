"""Weighted totals worked out in SQL, checked against figures worked out by hand."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from commissioning.panels.scoring import selectors as scoring_selectors, services as scoring_services
from commissioning.panels import services
from commissioning.panels.models import BidResponse, PanelMember, PanelQuestion
from tests.commissioning.panels.factories import panel_ready_to_score
from tests.coproduction.accounts.factories import UserFactory

OFFICER = PanelMember.Role.PROCUREMENT_OFFICER


@pytest.fixture
def officer():
    return UserFactory(full_name="Olu Procurement", roles=["commissioner"])


def _tender(programme, specification, commissioner, officer, quality_weight):
    """"Working with people" (weight 70) has one agreed question; "Value for money" (weight 30) two."""
    panel, members, bidders, (people_q,) = panel_ready_to_score(
        programme=programme, specification=specification, chair=commissioner, members={officer: OFFICER},
        quality_weight=quality_weight,
    )
    value = panel.version.criteria.get(title="Value for money")
    extra = [services.question_propose(panel=panel, criterion=value, kind="written", text=f"Value question {n}", by=commissioner) for n in (1, 2)]
    services.questions_agree(panel=panel, agreed_ids={people_q.pk, *(q.pk for q in extra)}, by=commissioner)
    value_q1, value_q2 = (PanelQuestion.objects.get(pk=q.pk) for q in extra)
    for bidder in bidders:
        for question in (value_q1, value_q2):
            scoring_services.response_save(bidder=bidder, question=question, text="Our answer.", by=commissioner)
    scoring_services.moderation_start(panel=panel, by=commissioner)
    return panel, members, {b.name: b for b in bidders}, people_q, value_q1, value_q2


def _moderate(bidder, question, value, by):
    response = BidResponse.objects.get(bidder=bidder, question=question)
    scoring_services.moderated_score_record(response=response, value=value, rationale="Agreed.", by=by)


def test_totals_weigh_criteria_and_split_quality_and_price_as_worked_out_by_hand(programme, specification, commissioner, officer, client_as):
    panel, members, bidders, people_q, value_q1, value_q2 = _tender(programme, specification, commissioner, officer, quality_weight=70)
    bright, northside = bidders["Bright Days CIC"], bidders["Northside Care Ltd"]
    # Bright Days: people 4/5 -> 70 x 4/5 = 56; value 3 + 5 = 8/10 -> 30 x 0.8 = 24; quality 80.
    # Northside:   people 5/5 -> 70;           value 2 + 2 = 4/10 -> 30 x 0.4 = 12; quality 82.
    for bidder, scores in [(bright, (4, 3, 5)), (northside, (5, 2, 2))]:
        for question, value in zip((people_q, value_q1, value_q2), scores, strict=True):
            _moderate(bidder, question, value, commissioner)
    officer_member = members[officer]
    scoring_services.price_score_record(bidder=bright, member=officer_member, percent=Decimal("90"), notes="Lowest price / this price.", by=officer)
    scoring_services.price_score_record(bidder=northside, member=officer_member, percent=Decimal("60"), notes="Lowest price / this price.", by=officer)

    totals = scoring_selectors.bidder_totals(panel=panel)
    # Overall = quality x 70/100 + price x 30/100:
    # Bright Days 80 x 0.7 + 90 x 0.3 = 56 + 27 = 83; Northside 82 x 0.7 + 60 x 0.3 = 57.4 + 18 = 75.4.
    assert [(t.rank, t.name, t.quality_percent, t.price_percent, t.overall_percent) for t in totals] == [
        (1, "Bright Days CIC", Decimal("80.00"), Decimal("90.00"), Decimal("83.00")),
        (2, "Northside Care Ltd", Decimal("82.00"), Decimal("60.00"), Decimal("75.40")),
    ]
    assert all(t.is_complete for t in totals)

    page = BeautifulSoup(client_as(commissioner).get(
        reverse("panels:totals", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})
    ).content, "html.parser").get_text(" ", strip=True)
    assert "Quality counts for 70% and price for 30%" in page
    assert "The overall score is the quality score × 70 ÷ 100 plus the price score × 30 ÷ 100." in page
    assert "1 Bright Days CIC 80.00 90.00 83.00" in page


def test_an_answer_not_yet_moderated_counts_as_nothing_and_quality_alone_decides_without_price(programme, specification, commissioner, officer):
    panel, members, bidders, people_q, value_q1, value_q2 = _tender(programme, specification, commissioner, officer, quality_weight=100)
    bright = bidders["Bright Days CIC"]
    _moderate(bright, people_q, 5, commissioner)
    _moderate(bright, value_q1, 5, commissioner)
    totals = {t.name: t for t in scoring_selectors.bidder_totals(panel=panel)}
    # 70 x 5/5 + 30 x 5/10 = 70 + 15 = 85; value question 2 not moderated yet.
    assert totals["Bright Days CIC"].quality_percent == Decimal("85.00") == totals["Bright Days CIC"].overall_percent
    assert (totals["Bright Days CIC"].moderated, totals["Bright Days CIC"].questions) == (2, 3)
    assert totals["Northside Care Ltd"].overall_percent == Decimal("0.00")
    assert not totals["Northside Care Ltd"].is_complete


def test_only_a_procurement_officer_scores_price_and_within_0_to_100(programme, specification, commissioner, officer, client_as):
    panel, members, bidders, *_ = _tender(programme, specification, commissioner, officer, quality_weight=60)
    bright = bidders["Bright Days CIC"]
    with pytest.raises(ValidationError, match="procurement officer"):
        scoring_services.price_score_record(bidder=bright, member=members[commissioner], percent=Decimal("50"), notes="x", by=commissioner)
    url = reverse("panels:price_enter", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk, "bidder_id": bright.pk})
    assert client_as(commissioner).get(url).status_code == 403
    from tests.harness.bad_input import assert_bad_input

    assert_bad_input(client_as(officer), url, {"bid_price": "", "percent": "101", "notes": "Formula"},
                     errors=["The price score must be 100 or less"], kept=["notes"], unchanged=lambda: hasattr(bright, "price_score"))
