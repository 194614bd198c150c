"""Moderation by the chair, the award in the decisions log, and nothing changing after it."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from commissioning.models import Decision
from commissioning.panels.scoring import selectors as scoring_selectors, services as scoring_services
from commissioning.panels.models import (
    Annotation,
    BidResponse,
    ModeratedScore,
    Panel,
    PanelMember,
    Score,
)
from tests.commissioning.panels.factories import panel_ready_to_score
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.bad_input import assert_bad_input

LIVED, CARER, OFFICER = PanelMember.Role.LIVED_EXPERIENCE, PanelMember.Role.CARER, PanelMember.Role.PROCUREMENT_OFFICER


@pytest.fixture
def officer():
    return UserFactory(full_name="Olu Procurement", roles=["commissioner"])


@pytest.fixture
def scored(programme, specification, commissioner, person, carer, officer):
    """Everyone has scored both bids (the carer only Bright Days: conflicted with Northside);
    Bright Days' scores are 1 to 4 apart (flagged), Northside's 3 and 4 (not flagged)."""
    panel, members, bidders, questions = panel_ready_to_score(
        programme=programme, specification=specification, chair=commissioner,
        members={person: LIVED, carer: CARER, officer: OFFICER}, conflicts={carer: ["Northside Care Ltd"]},
    )
    bright = BidResponse.objects.get(bidder__panel=panel, bidder__name="Bright Days CIC")
    northside = BidResponse.objects.get(bidder__panel=panel, bidder__name="Northside Care Ltd")
    for user, value in [(commissioner, 3), (person, 4), (carer, 2), (officer, 1)]:
        scoring_services.score_submit(response=bright, member=members[user], value=value, reason=f"Reason of {user.full_name}", by=user)
    for user, value in [(commissioner, 3), (person, 4), (officer, 3)]:
        scoring_services.score_submit(response=northside, member=members[user], value=value, reason="Sound plan.", by=user)
    return panel, members, bright, northside


def _url(name, panel, **kwargs):
    return reverse(f"panels:{name}", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk, **kwargs})


def _page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_moderation_waits_until_scoring_closes(client_as, scored, commissioner):
    panel, members, bright, northside = scored
    text = _page(client_as(commissioner).get(_url("moderation", panel))).get_text(" ", strip=True)
    assert "Moderation starts when scoring closes" in text and "Reason of" not in text


def test_the_chair_sees_every_score_side_by_side_with_big_differences_flagged(client_as, scored, commissioner, person, carer):
    panel, members, bright, northside = scored
    scoring_services.moderation_start(panel=panel, by=commissioner)
    client = client_as(commissioner)
    page = _page(client.get(_url("moderation", panel)))
    rows = {row["id"]: row for row in page.select("tbody tr[id]")}
    bright_row, northside_row = rows[f"response-{bright.pk}"], rows[f"response-{northside.pk}"]
    assert [cell.get_text(strip=True) for cell in bright_row.select("td")][:4] == ["3", "4", "2", "1"]
    assert "1 to 4: discuss" in bright_row.get_text(" ", strip=True)
    assert "Conflict declared" in northside_row.get_text(" ", strip=True)
    assert "discuss" not in northside_row.get_text(" ", strip=True)
    flagged = _page(client.get(_url("moderation", panel) + "?show=flagged"))
    assert [row["id"] for row in flagged.select("tbody tr[id]")] == [f"response-{bright.pk}"]
    # Only the chair moderates.
    assert client_as(person).get(_url("moderation", panel)).status_code == 403
    assert client_as(carer).get(_url("response_moderate", panel, response_id=bright.pk)).status_code == 403


def test_the_moderated_score_sits_beside_the_members_own_scores_which_never_change(client_as, scored, commissioner, person):
    panel, members, bright, northside = scored
    scoring_services.moderation_start(panel=panel, by=commissioner)
    before = sorted(Score.objects.values_list("member_id", "response_id", "value", "reason"))
    client = client_as(commissioner)
    url = _url("response_moderate", panel, response_id=bright.pk)
    assert client.post(url, {"value": "3", "reason": "Agreed: clear plan, weekends missing."}).status_code == 302
    assert client.post(url, {"value": "2", "reason": "On reflection, weekends matter most."}).status_code == 302
    moderated = ModeratedScore.objects.get(response=bright)
    assert (moderated.value, moderated.rationale) == (2, "On reflection, weekends matter most.")
    assert sorted(Score.objects.values_list("member_id", "response_id", "value", "reason")) == before
    # A member reads both layers on the answer's page.
    text = _page(client_as(person).get(_url("response_detail", panel, response_id=bright.pk))).get_text(" ", strip=True)
    assert "Moderated score 2 out of 5 : On reflection, weekends matter most." in text
    assert "Reason of" in text


def test_a_moderated_score_needs_a_rationale_and_a_value_on_the_scale(client_as, scored, commissioner):
    panel, members, bright, northside = scored
    scoring_services.moderation_start(panel=panel, by=commissioner)
    client = client_as(commissioner)
    url = _url("response_moderate", panel, response_id=bright.pk)
    count = ModeratedScore.objects.count
    assert_bad_input(client, url, {"value": "3", "reason": ""}, errors=["Enter the rationale for the moderated score"], unchanged=count)
    assert_bad_input(client, url, {"value": "6", "reason": "Great"}, errors=["Select a score from 0 to 5"], kept=["reason"], unchanged=count)


def test_nobody_scores_once_scoring_has_closed(scored, commissioner, person):
    panel, members, bright, northside = scored
    scoring_services.moderation_start(panel=panel, by=commissioner)
    newcomer_response = BidResponse.objects.get(pk=bright.pk)
    Score.objects.filter(member=members[person], response=bright).delete()
    with pytest.raises(ValidationError, match="Scoring is not open"):
        scoring_services.score_submit(response=newcomer_response, member=members[person], value=3, reason="Late.", by=person)


def _moderate_all(panel, commissioner):
    for response in BidResponse.objects.filter(bidder__panel=panel):
        scoring_services.moderated_score_record(response=response, value=3 if response.bidder.name.startswith("N") else 4,
                                                rationale="Agreed at moderation.", by=commissioner)


def test_the_award_goes_into_the_decisions_log_and_scores_then_cannot_change(client_as, scored, commissioner, person):
    panel, members, bright, northside = scored
    scoring_services.moderation_start(panel=panel, by=commissioner)
    client = client_as(commissioner)
    assert_bad_input(client, _url("award", panel), {"bidder": str(bright.bidder_id), "recommendation": "Best.", "decided_by": "The panel"},
                     errors=["Agree the moderated score for every answer first: 2 still to do"], unchanged=Decision.objects.count)
    _moderate_all(panel, commissioner)
    response = client.post(_url("award", panel), {
        "bidder": str(bright.bidder_id), "recommendation": "Bright Days scored highest on working with people.",
        "decided_by": "The procurement panel, at moderation",
    })
    assert response.status_code == 302
    panel.refresh_from_db()
    decision = panel.award_decision
    assert panel.status == Panel.Status.AWARDED and decision.programme_id == panel.programme_id
    assert "recommends awarding the contract to Bright Days CIC" in decision.decision
    # Both published criteria, each with its score out of its weight: Value for money's agreed
    # question has no answer from anyone, so it counts 0.
    assert ("1. Bright Days CIC: Working with people 56.00 of 70, Value for money 0.00 of 30; total 56.00 out of 100"
            in decision.evidence)
    assert list(decision.informed_by.all()) == [panel.activity]
    log = client.get(reverse("commissioning:decision_detail", kwargs={"programme_id": panel.programme_id, "decision_id": decision.pk}))
    assert "Award recommendation: Scoring panel" in log.content.decode()

    # After the award: nothing changes, whoever tries.
    with pytest.raises(ValidationError, match="cannot change"):
        scoring_services.moderated_score_record(response=bright, value=1, rationale="Changed", by=commissioner)
    with pytest.raises(ValidationError, match="cannot change"):
        scoring_services.score_submit(response=bright, member=members[person], value=1, reason="Changed", by=person)
    moderate = client.post(_url("response_moderate", panel, response_id=bright.pk), {"value": "1", "reason": "Changed"})
    assert moderate.status_code == 302
    assert ModeratedScore.objects.get(response=bright).value == 4
    assert client.post(_url("award", panel), {"bidder": str(northside.bidder_id), "recommendation": "x", "decided_by": "y"}).status_code == 302
    assert Decision.objects.filter(title__startswith="Award recommendation").count() == 1

    # ...but anyone on the panel may add a note.
    note = client_as(person).post(_url("annotation_add", panel), {"response": str(bright.pk), "text": "The bidder asked for feedback."})
    assert note.status_code == 302
    assert Annotation.objects.get().response_id == bright.pk
    assert "The bidder asked for feedback." in client_as(person).get(_url("totals", panel)).content.decode()


def test_notes_are_for_after_the_award(scored, commissioner, client_as, person):
    panel, *_ = scored
    with pytest.raises(ValidationError, match="after the award"):
        scoring_services.annotation_add(panel=panel, text="Too early", by=commissioner)
    assert client_as(person).get(_url("annotation_add", panel)).status_code == 403


def test_moderation_is_audited(client_as, scored, commissioner):
    from coproduction.audit.models import AuditEvent

    panel, members, bright, northside = scored
    scoring_services.moderation_start(panel=panel, by=commissioner)
    client_as(commissioner).post(_url("response_moderate", panel, response_id=bright.pk), {"value": "3", "reason": "Agreed."})
    assert AuditEvent.objects.filter(actor=commissioner, detail="moderated score 3").count() == 1
    assert scoring_selectors.moderation_counts(panel=panel) == {"responses": 2, "moderated": 1}
