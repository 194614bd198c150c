"""Totals on exactly the published criteria, price by its formula, checked against figures worked
out by hand; scoring opens only when every criterion has an agreed question."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from commissioning.panels import services
from commissioning.panels.models import BidResponse, Panel, PanelMember, PanelQuestion
from commissioning.panels.scoring import selectors as scoring_selectors, services as scoring_services
from tests.commissioning.panels.factories import panel_ready_to_score
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.bad_input import assert_bad_input

OFFICER = PanelMember.Role.PROCUREMENT_OFFICER
NAMES = ("Bright Days CIC", "Northside Care Ltd", "Riverside Support Ltd")


@pytest.fixture
def officer():
    return UserFactory(full_name="Olu Procurement", roles=["commissioner"])


def _text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def _tender(programme, priced_specification, commissioner, officer):
    """Working with people (40) has two agreed questions, quality (30) and social value (10) one
    each; price (20) is worked out by formula. Three bidders answer everything."""
    panel, members, bidders, people_questions = panel_ready_to_score(
        programme=programme, specification=priced_specification, chair=commissioner, members={officer: OFFICER},
        bidder_names=NAMES, questions=2,
    )
    others = list(PanelQuestion.objects.filter(panel=panel, agreed=True).exclude(pk__in=[q.pk for q in people_questions])
                  .order_by("criterion__position"))
    for bidder in bidders:
        for question in others:
            scoring_services.response_save(bidder=bidder, question=question, text="Our answer.", by=commissioner)
    return panel, members, {b.name: b for b in bidders}, people_questions + others


def test_three_bidders_totals_on_the_four_published_criteria_match_the_hand_worked_figures(
        programme, priced_specification, commissioner, officer, client_as):
    panel, members, bidders, questions = _tender(programme, priced_specification, commissioner, officer)
    scoring_services.moderation_start(panel=panel, by=commissioner)
    # Moderated scores (out of 5) for: people 1, people 2, quality, social value.
    moderated = {"Bright Days CIC": (4, 5, 3, 2), "Northside Care Ltd": (5, 5, 4, 5), "Riverside Support Ltd": (3, 2, 5, 1)}
    for name, values in moderated.items():
        for question, value in zip(questions, values, strict=True):
            response = BidResponse.objects.get(bidder=bidders[name], question=question)
            scoring_services.moderated_score_record(response=response, value=value, rationale="Agreed.", by=commissioner)
    prices = {"Bright Days CIC": "240000", "Northside Care Ltd": "300000", "Riverside Support Ltd": "270000"}
    for name, price in prices.items():
        scoring_services.price_score_record(bidder=bidders[name], member=members[officer], bid_price=Decimal(price), by=officer)

    # By hand, each criterion's weight x what was scored ÷ the most that could be:
    # Bright Days: people 9/10 x 40 = 36.00, quality 3/5 x 30 = 18.00, social 2/5 x 10 = 4.00,
    #              price 240,000/240,000 x 20 = 20.00: total 78.00.
    # Northside:   people 10/10 x 40 = 40.00, quality 4/5 x 30 = 24.00, social 5/5 x 10 = 10.00,
    #              price 240,000/300,000 x 20 = 16.00: total 90.00.
    # Riverside:   people 5/10 x 40 = 20.00, quality 5/5 x 30 = 30.00, social 1/5 x 10 = 2.00,
    #              price 240,000/270,000 x 20 = 17.777... = 17.78: total 69.78.
    totals = scoring_selectors.bidder_totals(panel=panel)
    assert [(t.rank, t.name, [line.score for line in t.lines], t.overall_percent) for t in totals] == [
        (1, "Northside Care Ltd", [Decimal("40.00"), Decimal("24.00"), Decimal("10.00"), Decimal("16.00")], Decimal("90.00")),
        (2, "Bright Days CIC", [Decimal("36.00"), Decimal("18.00"), Decimal("4.00"), Decimal("20.00")], Decimal("78.00")),
        (3, "Riverside Support Ltd", [Decimal("20.00"), Decimal("30.00"), Decimal("2.00"), Decimal("17.78")], Decimal("69.78")),
    ]
    assert all(t.is_complete for t in totals)

    page = _text(client_as(commissioner).get(reverse("panels:totals", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})))
    assert "Working with people (out of 40) Quality (out of 30) Social value (out of 10) Price (out of 20) Total (out of 100)" in page
    assert "9 ÷ 10 × 40 = 36.00" in page and "£240,000.00 ÷ £270,000.00 × 20 = 17.78" in page
    assert "20.00 + 30.00 + 2.00 + 17.78 = 69.78" in page
    assert "Riverside Support Ltd £270,000.00" in page
    assert "Quality counts for" not in page  # price is one criterion, never a second share


def test_an_answer_not_yet_moderated_and_a_price_not_entered_count_as_nothing(programme, priced_specification, commissioner, officer):
    panel, members, bidders, questions = _tender(programme, priced_specification, commissioner, officer)
    scoring_services.moderation_start(panel=panel, by=commissioner)
    bright = bidders["Bright Days CIC"]
    scoring_services.moderated_score_record(response=BidResponse.objects.get(bidder=bright, question=questions[0]), value=5,
                                            rationale="Agreed.", by=commissioner)
    total = {t.name: t for t in scoring_selectors.bidder_totals(panel=panel)}["Bright Days CIC"]
    # 5 of the 10 people points x 40 = 20.00; nothing else moderated, and no price.
    assert total.overall_percent == Decimal("20.00") and (total.moderated, total.questions) == (1, 4)
    assert total.price.working == "No price entered, so 0"


def test_scoring_opens_only_when_every_criterion_has_an_agreed_question_and_the_page_says_which_are_missing(
        programme, priced_specification, commissioner, client_as):
    panel = services.panel_create(programme=programme, specification=priced_specification, chair=commissioner,
                                  title="Tender panel", purpose="To choose.", by=commissioner)
    services.conflicts_declare(member=panel.members.get(), bidders=[], details="", by=commissioner)
    people = panel.version.criteria.get(title="Working with people")
    question = services.question_propose(panel=panel, criterion=people, kind="written", text="How will people help?", by=commissioner)
    services.questions_agree(panel=panel, agreed_ids={question.pk}, by=commissioner)
    client = client_as(commissioner)
    scoring_url = reverse("panels:scoring", kwargs={"programme_id": programme.pk, "panel_id": panel.pk})
    page = _text(client.get(scoring_url))
    assert "Scoring cannot open until these criteria have an agreed question: Quality, Social value." in page
    assert "Price (weight 20): worked out by the formula lowest price ÷ this bid's price × weight" in page
    response = client.post(reverse("panels:scoring_open", kwargs={"programme_id": programme.pk, "panel_id": panel.pk}), follow=True)
    assert "Still without an agreed question: Quality, Social value" in _text(response)
    panel.refresh_from_db()
    assert panel.status == Panel.Status.PREPARING
    # Price takes no questions: it is worked out by its formula.
    with pytest.raises(ValidationError, match="published formula"):
        services.question_propose(panel=panel, criterion=panel.version.criteria.get(title="Price"), kind="written",
                                  text="What will it cost?", by=commissioner)


def test_only_a_procurement_officer_enters_prices_as_money_and_nobody_types_a_price_score(
        programme, priced_specification, commissioner, officer, client_as):
    panel, members, bidders, _ = _tender(programme, priced_specification, commissioner, officer)
    bright = bidders["Bright Days CIC"]
    with pytest.raises(ValidationError, match="procurement officer"):
        scoring_services.price_score_record(bidder=bright, member=members[commissioner], bid_price=Decimal("1000"), by=commissioner)
    url = reverse("panels:price_enter", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk, "bidder_id": bright.pk})
    assert client_as(commissioner).get(url).status_code == 403
    client = client_as(officer)
    assert "percent" not in client.get(url).content.decode()
    assert_bad_input(client, url, {"bid_price": "", "notes": "Three years"}, errors=["Enter the price bid"], kept=["notes"],
                     unchanged=lambda: hasattr(bright, "price_score"))
    assert_bad_input(client, url, {"bid_price": "0", "notes": ""}, errors=["Enter the price bid, more than £0"],
                     unchanged=lambda: hasattr(bright, "price_score"))
    assert client.post(url, {"bid_price": "£240,000.00", "notes": ""}).status_code == 302
    bright.refresh_from_db()
    assert bright.price_score.bid_price == Decimal("240000.00")
