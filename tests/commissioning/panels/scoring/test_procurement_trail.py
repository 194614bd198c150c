"""A trail the council can defend: criteria frozen once bids are in, and a conflicted chair's
bidders moderated by the named deputy."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from commissioning.panels import services
from commissioning.panels.models import BidResponse, ModeratedScore, Panel, PanelMember
from commissioning.panels.scoring import services as scoring_services
from commissioning.specifications import services as spec_services
from commissioning.specifications.models import EvaluationCriterion, SpecificationVersion
from tests.commissioning.panels.factories import panel_ready_to_score
from tests.harness.bad_input import assert_bad_input

LIVED, CARER = PanelMember.Role.LIVED_EXPERIENCE, PanelMember.Role.CARER
BIDS_IN = "Bids are in for this tender, so its criteria and weights cannot change."


def _text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def test_once_bids_are_in_a_new_version_cannot_change_the_criteria_or_weights(
        client_as, programme, specification, commissioner, person):
    panel_ready_to_score(programme=programme, specification=specification, chair=commissioner, members={person: LIVED})
    draft = spec_services.draft_start(specification=specification, by=commissioner)
    criteria = list(draft.criteria.order_by("position"))
    url = reverse("specifications:criteria_edit", kwargs={"programme_id": programme.pk, "specification_id": specification.pk})
    data = {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2"}
    for n, (criterion, weight) in enumerate(zip(criteria, ("50", "50"), strict=True)):
        data |= {f"form-{n}-criterion_id": str(criterion.pk), f"form-{n}-title": criterion.title, f"form-{n}-weight": weight,
                 f"form-{n}-description": ""}
    assert_bad_input(client_as(commissioner), url, data, errors=[BIDS_IN], kept=["form-0-weight"],
                     unchanged=lambda: list(EvaluationCriterion.objects.filter(version=draft).values_list("weight", flat=True)))
    # A draft whose criteria were changed another way is not published either; its wording can still change.
    EvaluationCriterion.objects.filter(pk=criteria[0].pk).update(weight=50)
    EvaluationCriterion.objects.filter(pk=criteria[1].pk).update(weight=50)
    with pytest.raises(ValidationError, match="criteria and weights cannot change"):
        spec_services.version_publish(version=draft, by=commissioner)
    draft.refresh_from_db()
    assert draft.status == SpecificationVersion.Status.DRAFT


def test_before_any_bid_the_criteria_of_a_new_draft_may_still_change(programme, specification, commissioner):
    draft = spec_services.draft_start(specification=specification, by=commissioner)
    saved = spec_services.criteria_replace(version=draft, by=commissioner, criteria=[
        {"title": "Working with people", "weight": 80}, {"title": "Price", "weight": 20, "scored_on_price": True},
    ])
    assert [(c.title, c.weight, c.scored_on_price) for c in saved] == [("Working with people", 80, False), ("Price", 20, True)]
    with pytest.raises(ValidationError, match="Only one criterion can be price"):
        spec_services.criteria_replace(version=draft, by=commissioner, criteria=[
            {"title": "Price", "weight": 50, "scored_on_price": True}, {"title": "Cost", "weight": 50, "scored_on_price": True},
        ])


@pytest.fixture
def conflicted_chair(programme, specification, commissioner, person, carer):
    """The chair declared a conflict with Northside; the carer is named deputy chair."""
    panel, members, bidders, questions = panel_ready_to_score(
        programme=programme, specification=specification, chair=commissioner, members={person: LIVED, carer: CARER},
        conflicts={commissioner: ["Northside Care Ltd"]},
    )
    services.panel_update(panel=panel, data={"deputy": members[carer]}, by=commissioner)
    scoring_services.moderation_start(panel=panel, by=commissioner)
    panel.refresh_from_db()
    responses = {r.bidder.name: r for r in BidResponse.objects.filter(bidder__panel=panel, question=questions[0]).select_related("bidder")}
    return panel, responses


def test_a_named_deputy_moderates_the_bidder_the_chair_is_conflicted_with(client_as, conflicted_chair, commissioner, carer, person):
    panel, responses = conflicted_chair
    northside, bright = responses["Northside Care Ltd"], responses["Bright Days CIC"]
    with pytest.raises(ValidationError, match="deputy chair moderates this bidder"):
        scoring_services.moderated_score_record(response=northside, value=3, rationale="Agreed.", by=commissioner)
    with pytest.raises(ValidationError):
        scoring_services.moderated_score_record(response=bright, value=3, rationale="Agreed.", by=carer)
    with pytest.raises(ValidationError):
        scoring_services.moderated_score_record(response=northside, value=3, rationale="Agreed.", by=person)

    deputy = client_as(carer)
    moderation = _text(deputy.get(reverse("panels:moderation", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})))
    assert f"The deputy chair, {carer.display_name}, moderates those." in moderation
    assert "Moderate Northside Care Ltd" in moderation and "Moderate Bright Days CIC" not in moderation
    url = reverse("panels:response_moderate", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk, "response_id": northside.pk})
    assert deputy.post(url, {"value": "3", "reason": "Agreed by the panel, moderated by the deputy."}).status_code == 302
    assert ModeratedScore.objects.get(response=northside).recorded_by == carer
    # The chair's page offers no moderation of the bidder they are conflicted with.
    chair_page = _text(client_as(commissioner).get(reverse("panels:moderation", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})))
    assert "Moderate Bright Days CIC" in chair_page and "Change Northside Care Ltd" not in chair_page


def test_the_deputy_is_one_of_the_panels_members_other_than_the_chair(client_as, programme, specification, commissioner, person, panel):
    url = reverse("panels:panel_edit", kwargs={"programme_id": programme.pk, "panel_id": panel.pk})
    chair = panel.members.get(role="chair")
    data = {"title": panel.title, "purpose": panel.purpose, "timetable": "", "score_max": "5", "deputy": str(chair.pk)}
    assert_bad_input(client_as(commissioner), url, data, errors=["Select the deputy from the panel's members"],
                     unchanged=lambda: Panel.objects.get(pk=panel.pk).deputy_id)
