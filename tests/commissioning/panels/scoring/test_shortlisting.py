"""Shortlisting between bids in and scoring: pass or fail questions and minimum standards set in
the specification, checked by the panel with lay members, reasons recorded; a bidder who fails
gets a letter with the reason, and the panel scores only the shortlisted."""

import subprocess

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from commissioning.panels import services
from commissioning.panels.models import BidResponse, Panel, PanelMember, ShortlistCheck
from commissioning.panels.scoring import selectors as scoring_selectors, services as scoring_services
from commissioning.specifications import services as spec_services
from commissioning.specifications.models import ShortlistQuestion
from coproduction.reports import services as report_services
from coproduction.reports.models import ReportJob
from tests.commissioning.specifications.factories import SpecificationFactory
from tests.harness.bad_input import assert_bad_input

LIVED = PanelMember.Role.LIVED_EXPERIENCE
REGISTERED = "The provider is registered with the Care Quality Commission."
DBS = "Every member of staff has an enhanced DBS check."


def _text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


@pytest.fixture
def shortlisted_specification(programme, commissioner):
    specification = SpecificationFactory(programme=programme, title="Day opportunities, shortlisted", created_by=commissioner)
    version = specification.versions.get()
    spec_services.criteria_replace(version=version, by=commissioner, criteria=[{"title": "Working with people", "weight": 100}])
    spec_services.shortlist_question_add(version=version, text=REGISTERED, kind="pass_fail", by=commissioner)
    spec_services.shortlist_question_add(version=version, text=DBS, kind="minimum_standard", by=commissioner)
    spec_services.version_publish(version=version, by=commissioner)
    return specification


@pytest.fixture
def tender(programme, shortlisted_specification, commissioner, person):
    panel = services.panel_create(programme=programme, specification=shortlisted_specification, chair=commissioner,
                                  title="Tender panel", purpose="To choose.", by=commissioner)
    chair = panel.members.get()
    al = services.member_add(panel=panel, user=person, role=LIVED, by=commissioner)
    bidders = [services.bidder_add(panel=panel, name=name, by=commissioner) for name in ("Bright Days CIC", "Riverside Support Ltd")]
    services.conflicts_declare(member=chair, bidders=[], details="", by=commissioner)
    services.conflicts_declare(member=al, bidders=[], details="", by=person)
    question = services.question_propose(panel=panel, criterion=panel.version.criteria.get(), kind="written", text="How?", by=person)
    services.questions_agree(panel=panel, agreed_ids={question.pk}, by=commissioner)
    return panel, {b.name: b for b in bidders}


def _url(name, panel, **kwargs):
    return reverse(f"panels:{name}", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk, **kwargs})


def _form(panel, results: dict[str, tuple[str, str]]) -> dict:
    data = {}
    for question in panel.version.shortlist_questions.all():
        answer, reason = results[question.text]
        data |= {f"result_{question.pk}": answer, f"reason_{question.pk}": reason}
    return data


def test_a_commissioner_sets_shortlisting_questions_in_the_draft_specification(client_as, programme, commissioner):
    specification = SpecificationFactory(programme=programme, title="A draft", created_by=commissioner)
    url = reverse("specifications:shortlist_questions", kwargs={"programme_id": programme.pk, "specification_id": specification.pk})
    client = client_as(commissioner)
    assert_bad_input(client, url, {"text": "", "kind": "pass_fail"}, errors=["Enter the question"],
                     unchanged=ShortlistQuestion.objects.count)
    assert client.post(url, {"text": REGISTERED, "kind": "pass_fail"}).status_code == 302
    page = _text(client.get(reverse("specifications:specification_detail",
                                    kwargs={"programme_id": programme.pk, "specification_id": specification.pk})))
    assert f"Shortlisting: what every bid must meet first" in page and f"{REGISTERED} (pass or fail)" in page


def test_a_lay_member_shortlists_with_reasons_and_the_panel_scores_only_the_shortlisted(
        client_as, tender, commissioner, person):
    panel, bidders = tender
    al = client_as(person)
    riverside, bright = bidders["Riverside Support Ltd"], bidders["Bright Days CIC"]
    check_url = _url("shortlist_check", panel, bidder_id=riverside.pk)
    # A finding without its reason is not saved, and the answers are kept.
    assert_bad_input(al, check_url, _form(panel, {REGISTERED: ("no", ""), DBS: ("yes", "Their policy says so.")}),
                     errors=["Enter the reason"], kept=[f"reason_{panel.version.shortlist_questions.get(text=DBS).pk}"],
                     unchanged=ShortlistCheck.objects.count)
    assert al.post(check_url, _form(panel, {
        REGISTERED: ("no", "Their registration covers care at home only."), DBS: ("yes", "Their policy says so."),
    })).status_code == 302
    # Scoring cannot open while a bid is still to check.
    opened = client_as(commissioner).post(_url("scoring_open", panel), follow=True)
    assert "Finish shortlisting first: 1 bid still to check" in _text(opened)
    assert Panel.objects.get(pk=panel.pk).status == Panel.Status.PREPARING
    al.post(_url("shortlist_check", panel, bidder_id=bright.pk), _form(panel, {REGISTERED: ("yes", "Certificate seen."), DBS: ("yes", "Seen.")}))
    page = _text(al.get(_url("shortlisting", panel)))
    assert "Bright Days CIC Shortlisted" in page and "Riverside Support Ltd Not shortlisted" in page
    assert "Does not meet it: Their registration covers care at home only." in page

    client_as(commissioner).post(_url("scoring_open", panel))
    panel.refresh_from_db()
    assert panel.status == Panel.Status.SCORING
    with pytest.raises(ValidationError, match="Shortlisting is over"):
        scoring_services.shortlist_record(bidder=bright, member=panel.members.get(user=person), results={}, by=person)
    question = panel.questions.get(agreed=True)
    for bidder in (bright, riverside):
        bidder.panel = panel
        scoring_services.response_save(bidder=bidder, question=question, text="Our answer.", by=commissioner)
    to_score = scoring_selectors.responses_to_score(panel=panel, member=panel.members.get(user=person))
    assert [response.bidder.name for response in to_score] == ["Bright Days CIC"]
    assert [total.name for total in scoring_selectors.bidder_totals(panel=panel)] == ["Bright Days CIC"]
    assert BidResponse.objects.filter(bidder=riverside).exists()  # kept, just not scored


def test_a_bidder_who_was_not_shortlisted_gets_a_letter_with_the_reason_naming_no_member(client_as, tender, commissioner, person):
    panel, bidders = tender
    riverside = bidders["Riverside Support Ltd"]
    riverside.panel = panel
    results = {q.pk: (q.text == DBS, "Their registration covers care at home only." if q.text == REGISTERED else "Seen.")
               for q in panel.version.shortlist_questions.all()}
    scoring_services.shortlist_record(bidder=riverside, member=panel.members.get(user=person), results=results, by=person)
    client = client_as(commissioner)
    assert client_as(person).post(_url("shortlist_letter_pdf", panel, bidder_id=riverside.pk)).status_code == 403
    client.post(_url("shortlist_letter_pdf", panel, bidder_id=riverside.pk))
    job = ReportJob.objects.get(requested_by=commissioner, kind=ReportJob.Kind.PANEL_SHORTLIST_LETTER)
    report_services.report_job_render(job=job)
    text = " ".join(subprocess.run(["pdftotext", job.file.path, "-"], capture_output=True, check=True, text=True).stdout.split())
    assert "Your bid was not shortlisted" in text and "To Riverside Support Ltd" in text
    assert f"{REGISTERED} (pass or fail) No Their registration covers care at home only." in text
    assert person.full_name not in text and commissioner.full_name not in text
    # A bidder who was shortlisted gets no such letter.
    client.post(_url("shortlist_letter_pdf", panel, bidder_id=bidders["Bright Days CIC"].pk))
    assert ReportJob.objects.filter(kind=ReportJob.Kind.PANEL_SHORTLIST_LETTER).count() == 1


def test_asking_for_an_assessment_summary_of_a_bidder_not_shortlisted_makes_their_shortlisting_letter(
        client_as, tender, commissioner, person):
    panel, bidders = tender
    riverside = bidders["Riverside Support Ltd"]
    riverside.panel = panel
    results = {q.pk: (q.text == DBS, "Their registration covers care at home only." if q.text == REGISTERED else "Seen.")
               for q in panel.version.shortlist_questions.all()}
    scoring_services.shortlist_record(bidder=riverside, member=panel.members.get(user=person), results=results, by=person)
    Panel.objects.filter(pk=panel.pk).update(status=Panel.Status.AWARDED)  # the award itself is tested with the totals
    response = client_as(commissioner).post(_url("feedback_pdf", panel, bidder_id=riverside.pk), follow=True)
    assert "was not shortlisted, so they get the shortlisting letter with the reasons instead" in _text(response)
    job = ReportJob.objects.get(requested_by=commissioner)
    assert job.kind == ReportJob.Kind.PANEL_SHORTLIST_LETTER
    report_services.report_job_render(job=job)
    text = " ".join(subprocess.run(["pdftotext", job.file.path, "-"], capture_output=True, check=True, text=True).stdout.split())
    assert "Your bid was not shortlisted" in text and "Their registration covers care at home only." in text
    assert "Not scored" not in text
