"""The procurement's open data: OCDS 1.1 releases for the tender and the award, validated against
the release schema shipped in commissioning/panels/schema/, naming no member of the panel."""

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from django.urls import reverse

from commissioning.panels import scoring
from commissioning.panels.models import BidResponse, PanelMember
from commissioning.panels.scoring import services as scoring_services
from tests.commissioning.assets.test_oruk import _format_checker
from tests.commissioning.panels.factories import panel_ready_to_score
from tests.coproduction.accounts.factories import UserFactory

SCHEMA = Path(scoring.__file__).parent.parent / "schema" / "release-schema.json"
LIVED, CARER, OFFICER = PanelMember.Role.LIVED_EXPERIENCE, PanelMember.Role.CARER, PanelMember.Role.PROCUREMENT_OFFICER


def assert_valid_release(release: dict) -> None:
    schema = json.loads(SCHEMA.read_text())
    assert schema["id"].endswith("/1__1__5/release-schema.json")
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema, format_checker=_format_checker())
    errors = sorted(validator.iter_errors(release), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in errors)


@pytest.fixture
def tender(programme, priced_specification, commissioner, person, carer):
    officer = UserFactory(full_name="Olu Adeyemi", roles=["commissioner"])
    panel, members, bidders, questions = panel_ready_to_score(
        programme=programme, specification=priced_specification, chair=commissioner,
        members={person: LIVED, carer: CARER, officer: OFFICER}, title="Day opportunities tender panel",
    )
    return panel, members, {b.name: b for b in bidders}, officer


def _award(panel, members, bidders, commissioner, officer):
    scoring_services.moderation_start(panel=panel, by=commissioner)
    for response in BidResponse.objects.filter(bidder__panel=panel):
        scoring_services.moderated_score_record(response=response, value=4, rationale="Agreed.", by=commissioner)
    for name, price in (("Bright Days CIC", "240000"), ("Northside Care Ltd", "265000.50")):
        scoring_services.price_score_record(bidder=bidders[name], member=members[officer], bid_price=Decimal(price), by=officer)
    scoring_services.panel_award(panel=panel, bidder=bidders["Bright Days CIC"], recommendation="Best.", decided_by="The panel",
                                 by=commissioner)


def _download(client, panel) -> dict:
    response = client.get(reverse("panels:ocds_releases", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="ocds-demo01-panel-')
    return json.loads(response.content)


def test_the_tender_and_award_are_valid_ocds_releases_with_the_published_criteria_and_no_panel_member_named(
        client_as, tender, commissioner, person, carer):
    panel, members, bidders, officer = tender
    client = client_as(commissioner)
    package = _download(client, panel)
    assert package["version"] == "1.1" and [r["tag"] for r in package["releases"]] == [["tender"]]
    _award(panel, members, bidders, commissioner, officer)
    package = _download(client, panel)
    tender_release, award_release = package["releases"]
    for release in package["releases"]:
        assert_valid_release(release)
    assert tender_release["ocid"] == award_release["ocid"] == f"ocds-demo01-panel-{panel.pk}"
    assert tender_release["tender"]["awardCriteria"] == "ratedCriteria"
    assert tender_release["tender"]["awardCriteriaDetails"] == (
        "Weights out of 100. Working with people: 40; Quality: 30; Social value: 10; "
        "Price: 20 (scored by formula: lowest price ÷ this bid's price × weight)."
    )
    assert [t["name"] for t in tender_release["tender"]["tenderers"]] == ["Bright Days CIC", "Northside Care Ltd"]
    award = award_release["awards"][0]
    assert award["suppliers"][0]["name"] == "Bright Days CIC"
    assert award["value"] == {"amount": 240000, "currency": "GBP"}
    # The council and the bidders only: no member of the panel, lay or not.
    text = json.dumps(package, ensure_ascii=False)
    for name in (person.full_name, carer.full_name, commissioner.full_name, "Olu Adeyemi"):
        assert name not in text


def test_the_shortlisting_outcome_is_a_release_of_its_own(client_as, programme, commissioner, person):
    from commissioning.panels import services
    from commissioning.specifications import services as spec_services
    from tests.commissioning.specifications.factories import SpecificationFactory

    specification = SpecificationFactory(programme=programme, title="Shortlisted tender", created_by=commissioner)
    version = specification.versions.get()
    spec_services.criteria_replace(version=version, by=commissioner, criteria=[{"title": "Working with people", "weight": 100}])
    spec_services.shortlist_question_add(version=version, text="Registered with the Care Quality Commission.", kind="pass_fail", by=commissioner)
    spec_services.version_publish(version=version, by=commissioner)
    panel = services.panel_create(programme=programme, specification=specification, chair=commissioner, title="Panel",
                                  purpose="To choose.", by=commissioner)
    al = services.member_add(panel=panel, user=person, role=LIVED, by=commissioner)
    services.conflicts_declare(member=al, bidders=[], details="", by=person)
    question = version.shortlist_questions.get()
    for name, passed in (("Bright Days CIC", True), ("Riverside Support Ltd", False)):
        bidder = services.bidder_add(panel=panel, name=name, by=commissioner)
        bidder.panel = panel
        scoring_services.shortlist_record(bidder=bidder, member=al, results={question.pk: (passed, "Registration checked.")}, by=person)
    releases = _download(client_as(commissioner), panel)["releases"]
    assert [r["tag"] for r in releases] == [["tender"], ["tenderUpdate"]]
    for release in releases:
        assert_valid_release(release)
    assert releases[0]["tender"]["eligibilityCriteria"] == (
        "Every bid must meet these before it is scored: 1. Registered with the Care Quality Commission. (pass or fail)."
    )
    milestone = releases[1]["tender"]["milestones"][0]
    assert milestone["description"] == "Shortlisted: Bright Days CIC. Not shortlisted: Riverside Support Ltd."
    assert "Registration checked." not in json.dumps(releases) and person.full_name not in json.dumps(releases)


def test_a_release_that_breaks_the_schema_is_caught(tender):
    panel, *_ = tender
    from commissioning.panels.scoring import ocds

    release = ocds.releases(panel=panel)[0]
    assert_valid_release(release)
    broken = {**release, "tag": ["not a tag"]}
    with pytest.raises(AssertionError, match="tag"):
        assert_valid_release(broken)
