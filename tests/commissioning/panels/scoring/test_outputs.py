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
def awarded(programme, specification, commissioner, person, carer):
    officer = UserFactory(full_name="Olu Adeyemi", roles=["commissioner"])
    panel, members, bidders, questions = panel_ready_to_score(
        programme=programme, specification=specification, chair=commissioner, quality_weight=80,
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
    scoring_services.price_score_record(bidder=by_name["Bright Days CIC"], member=members[officer], percent=Decimal("75"), notes="Second lowest price.", by=officer)
    scoring_services.price_score_record(bidder=by_name["Northside Care Ltd"], member=members[officer], percent=Decimal("100"), notes="Lowest price.", by=officer)
    from commissioning.panels.scoring import selectors as scoring_selectors

    scoring_services.panel_award(
        panel=panel, bidder=by_name["Bright Days CIC"], recommendation="Best for the people who will use it.",
        decided_by="The panel", totals=scoring_selectors.bidder_totals(panel=panel), by=commissioner,
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
    assert "Working with people 70 1" in text  # criterion, weight, agreed questions
    # Bright: quality 80, price 75 -> 80 x 0.8 + 75 x 0.2 = 79; Northside: 40 x 0.8 + 100 x 0.2 = 52.
    assert "1 Bright Days CIC 80.00 75.00 79.00" in text and "2 Northside Care Ltd 40.00 100.00 52.00" in text
    assert "Moderated score: 4 out of 5. Rationale: Strong plan for involving people in hiring." in text
    assert "Bright reason by" in text  # the members' own scores stay beside the moderated one
    assert "Declared interest." in text and "Conflicts of interest declared" in text
    assert "Procurement officer" in text and "Carer" in text and "Olu Adeyemi" in text
    info = subprocess.run(["pdfinfo", job.file.path], capture_output=True, check=True, text=True).stdout
    assert "Tagged:          yes" in info


def test_a_feedback_letter_shows_one_bidder_only_their_own_scores_and_reasons(client_as, awarded, commissioner, person):
    panel, bidders = awarded
    northside = bidders["Northside Care Ltd"]
    client = client_as(commissioner)
    client.post(_url("feedback_pdf", panel, bidder_id=northside.pk))
    job = ReportJob.objects.get(requested_by=commissioner)
    assert job.subject == northside
    report_services.report_job_render(job=job)
    text = _pdf_text(job)
    assert "To Northside Care Ltd" in text
    assert "Your score: 2 out of 5" in text and "Little about weekends or involving people." in text
    assert "The panel recommended awarding the contract to another bidder." in text
    assert "Overall: 52.00 out of 100" in text
    # Nothing about anyone else: no other bidder, their scores or reasons, nor who scored what.
    for other in ["Bright Days", "Strong plan for involving people in hiring.", "79.00", "80.00", "Bright reason by", person.full_name,
                  "Northside says nothing about weekends"]:
        assert other not in text


def test_letters_are_made_by_the_chair_after_the_award(client_as, programme, specification, commissioner, person):
    panel, members, bidders, questions = panel_ready_to_score(
        programme=programme, specification=specification, chair=commissioner, members={person: LIVED},
    )
    client = client_as(commissioner)
    assert client.post(_url("feedback_pdf", panel, bidder_id=bidders[0].pk)).status_code == 302
    assert not ReportJob.objects.exists()
    assert client_as(person).post(_url("feedback_pdf", panel, bidder_id=bidders[0].pk)).status_code == 403
    assert client_as(person).post(_url("report_pdf", panel)).status_code == 403
