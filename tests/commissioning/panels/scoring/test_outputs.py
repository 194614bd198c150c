"""The panel report and the feedback letters, read back from the PDFs."""

import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse

from commissioning.panels.scoring import services as scoring_services
from commissioning.panels.models import BidResponse, PanelMember
from coproduction.reports import services as report_services
from coproduction.reports.models import ReportJob
from tests.commissioning.panels.factories import panel_ready_to_score
from tests.coproduction.accounts.factories import UserFactory

LIVED, CARER, OFFICER = PanelMember.Role.LIVED_EXPERIENCE, PanelMember.Role.CARER, PanelMember.Role.PROCUREMENT_OFFICER


def _pdf_text(job) -> str:
    return " ".join(subprocess.run(["pdftotext", job.file.path, "-"], capture_output=True, check=True, text=True).stdout.split())


def _url(name, panel, **kwargs):
    return reverse(f"panels:{name}", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk, **kwargs})


@pytest.fixture
def awarded(programme, priced_specification, commissioner, person, carer):
    officer = UserFactory(full_name="Olu Adeyemi", roles=["commissioner"])
    panel, members, bidders, questions = panel_ready_to_score(
        programme=programme, specification=priced_specification, chair=commissioner,
        members={person: LIVED, carer: CARER, officer: OFFICER}, conflicts={carer: ["Northside Care Ltd"]},
        title="Day opportunities tender panel",
    )
    bright = BidResponse.objects.get(bidder__panel=panel, bidder__name="Bright Days CIC")
    northside = BidResponse.objects.get(bidder__panel=panel, bidder__name="Northside Care Ltd")
    for user, value in [(commissioner, 4), (person, 5), (carer, 3)]:
        scoring_services.score_submit(response=bright, member=members[user], value=value, reason=f"Bright reason by {user.full_name}", by=user)
    scoring_services.score_submit(response=northside, member=members[person], value=1, reason="Northside says nothing about weekends", by=person)
    scoring_services.moderation_start(panel=panel, by=commissioner)
    scoring_services.moderated_score_record(response=bright, value=4, rationale="Strong plan for involving people in hiring.", by=commissioner)
    scoring_services.moderated_score_record(response=northside, value=2, rationale="Little about weekends or involving people.", by=commissioner)
    by_name = {b.name: b for b in bidders}
    scoring_services.price_score_record(bidder=by_name["Bright Days CIC"], member=members[officer], bid_price=Decimal("250000"), by=officer)
    scoring_services.price_score_record(bidder=by_name["Northside Care Ltd"], member=members[officer], bid_price=Decimal("200000"), by=officer)
    scoring_services.panel_award(
        panel=panel, bidder=by_name["Bright Days CIC"], recommendation="Best for the people who will use it.",
        decided_by="The panel", by=commissioner,
    )
    return panel, by_name


def test_the_panel_report_has_criteria_scores_rationales_totals_ranking_conflicts_and_who_took_part(client_as, awarded, commissioner):
    panel, bidders = awarded
    response = client_as(commissioner).post(_url("report_pdf", panel))
    job = ReportJob.objects.get(requested_by=commissioner)
    assert response.headers["Location"] == reverse("reports:job_detail", kwargs={"job_id": job.pk})
    report_services.report_job_render(job=job)
    text = _pdf_text(job)
    assert "procurement panel report" in text and "Day opportunities tender panel" in text
    # The criteria and weights as published, price by its formula.
    assert "Working with people 40 1 agreed question" in text and "Price 20 By formula: lowest price ÷ this bid's price × weight" in text
    # Bright: 4 of 5 on working with people -> 32.00; quality and social value unanswered -> 0;
    # price 200,000 / 250,000 x 20 = 16.00; total 48.00. Northside: 2 of 5 -> 16.00, price 20.00: 36.00.
    assert "Bright Days CIC 1 48.00 32.00 + 0.00 + 0.00 + 16.00 = 48.00" in text
    assert "Northside Care Ltd 2 36.00 16.00 + 0.00 + 0.00 + 20.00 = 36.00" in text
    assert "Bright Days CIC Working with people (40) 32.00 4 ÷ 5 × 40 = 32.00" in text
    assert "Northside Care Ltd Price (20) 20.00 £200,000.00 ÷ £200,000.00 × 20 = 20.00" in text
    assert "Bright Days CIC £250,000.00" in text  # prices shown as money
    assert "Moderated score: 4 out of 5. Rationale: Strong plan for involving people in hiring." in text
    assert "Bright reason by" in text  # the members' own scores stay beside the moderated one
    assert "Declared interest." in text and "Conflicts of interest declared" in text
    assert "Procurement officer" in text and "Carer" in text and "Olu Adeyemi" in text
    info = subprocess.run(["pdfinfo", job.file.path], capture_output=True, check=True, text=True).stdout
    assert "Tagged:          yes" in info


def test_an_assessment_summary_shows_the_bidders_scores_and_reasons_beside_the_winning_bids_and_names_no_member(
        client_as, awarded, commissioner, person, carer):
    panel, bidders = awarded
    northside = bidders["Northside Care Ltd"]
    client = client_as(commissioner)
    client.post(_url("feedback_pdf", panel, bidder_id=northside.pk))
    job = ReportJob.objects.get(requested_by=commissioner)
    assert job.subject == northside
    report_services.report_job_render(job=job)
    text = _pdf_text(job)
    assert "To Northside Care Ltd" in text and "Assessment summary of your bid" in text
    assert "The panel recommended awarding the contract to another bidder." in text
    # Each published criterion: the bidder's score and the winning bid's, with the arithmetic.
    assert "16.00 of 40: 2 ÷ 5 × 40 = 16.00" in text and "32.00 of 40: 4 ÷ 5 × 40 = 32.00" in text
    assert "Price (20) 20.00 of 20: £200,000.00 ÷ £200,000.00 × 20 = 20.00 16.00 of 20: £200,000.00 ÷ £250,000.00 × 20 = 16.00" in text
    assert "Total (out of 100) 36.00: 16.00 + 0.00 + 0.00 + 20.00 = 36.00 48.00: 32.00 + 0.00 + 0.00 + 16.00 = 48.00" in text
    # The panel's agreed reasons for both bids.
    assert "Little about weekends or involving people." in text and "Strong plan for involving people in hiring." in text
    # No member of the panel is named, and no member's own score or reason is shown.
    for private in [person.full_name, carer.full_name, commissioner.full_name, "Olu Adeyemi", "Bright reason by",
                    "Northside says nothing about weekends"]:
        assert private not in text


def test_letters_are_made_by_the_chair_after_the_award(client_as, programme, specification, commissioner, person):
    panel, members, bidders, questions = panel_ready_to_score(
        programme=programme, specification=specification, chair=commissioner, members={person: LIVED},
    )
    client = client_as(commissioner)
    assert client.post(_url("feedback_pdf", panel, bidder_id=bidders[0].pk)).status_code == 302
    assert not ReportJob.objects.exists()
    assert client_as(person).post(_url("feedback_pdf", panel, bidder_id=bidders[0].pk)).status_code == 403
    assert client_as(person).post(_url("report_pdf", panel)).status_code == 403
