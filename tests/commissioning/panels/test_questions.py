"""Questions for bidders, drafted together and agreed by the chair."""

import subprocess

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from commissioning.panels import services
from commissioning.panels.models import PanelQuestion, QuestionComment
from commissioning.specifications.reports import SPECIFICATION_PDF
from coproduction.reports import services as report_services
from coproduction.reports.models import ReportJob
from tests.commissioning.specifications.factories import (
    EvaluationCriterionFactory,
    SpecificationVersionFactory,
)
from tests.harness.bad_input import assert_bad_input


def _url(panel, name, **extra):
    return reverse(f"panels:{name}", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk, **extra})


def _text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def test_members_propose_reword_and_comment_and_the_chair_agrees_the_set_for_the_tender_pack(client_as, commissioner, person, carer, panel, lived):
    people = panel.version.criteria.get(title="Working with people")
    member = client_as(person)
    response = member.post(_url(panel, "question_add"), {"criterion": people.pk, "kind": "written", "text": "How will people help choose staff?"})
    assert response.status_code == 302
    question = PanelQuestion.objects.get()
    assert question.proposed_by == person and not question.agreed
    chair = client_as(commissioner)
    chair.post(_url(panel, "question_reword", question_id=question.pk),
               {"criterion": people.pk, "kind": "interview", "text": "How will people and families help choose and train staff?"})
    rewording = PanelQuestion.objects.get(rewords=question)
    member.post(_url(panel, "question_comment", question_id=rewording.pk), {"text": "Yes, families too."})
    assert QuestionComment.objects.get().author == person
    page = _text(member.get(_url(panel, "questions")))
    assert "Working with people Weight 70" in page and "rewording an earlier question" in page and "Yes, families too." in page

    assert member.get(_url(panel, "questions_agree")).status_code == 403
    chair.post(_url(panel, "questions_agree"), {"agreed": [rewording.pk]})
    rewording.refresh_from_db()
    assert rewording.agreed and rewording.agreed_by == commissioner
    # The group sees the agreed questions by criterion with their weights, drafts left out.
    tender = _text(client_as(carer).get(_url(panel, "tender_questions")))
    assert "Working with people (weight 70)" in tender and "Value for money (weight 30)" in tender
    assert "How will people and families help choose and train staff? (asked at interview)" in tender
    assert "How will people help choose staff?" not in tender

    # Unticking a question takes it out of the agreed set.
    chair.post(_url(panel, "questions_agree"), {})
    assert not PanelQuestion.objects.filter(agreed=True).exists()


def test_a_question_needs_words_a_criterion_and_a_kind(client_as, person, panel, lived):
    assert_bad_input(client_as(person), _url(panel, "question_add"), {"criterion": "", "kind": "", "text": ""},
                     errors=["Select the criterion", "Select written or interview", "Write the question"],
                     unchanged=lambda: PanelQuestion.objects.count())


def test_a_criterion_of_another_specification_is_refused(person, panel, lived):
    stranger = EvaluationCriterionFactory(version=SpecificationVersionFactory())
    with pytest.raises(ValidationError):
        services.question_propose(panel=panel, criterion=stranger, kind="written", text="Anything?", by=person)
    assert not PanelQuestion.objects.exists()


def test_an_empty_comment_is_an_error(client_as, person, panel, lived):
    question = services.question_propose(panel=panel, criterion=panel.version.criteria.first(), kind="written", text="Q?", by=person)
    assert_bad_input(client_as(person), _url(panel, "question_comment", question_id=question.pk), {"text": "  "},
                     errors=["Write your comment"], unchanged=lambda: QuestionComment.objects.count())


def test_the_tender_pack_pdf_carries_the_questions_the_panel_agreed(commissioner, person, panel, lived):
    people = panel.version.criteria.get(title="Working with people")
    agreed = services.question_propose(panel=panel, by=person, criterion=people, kind="interview", text="Who chooses the staff?")
    services.question_propose(panel=panel, by=person, criterion=people, kind="written", text="A draft nobody agreed")
    services.questions_agree(panel=panel, by=commissioner, agreed_ids={agreed.pk})
    job = ReportJob.objects.create(kind=SPECIFICATION_PDF, requested_by=commissioner, subject=panel.version)
    report_services.report_job_render(job=job)
    text = " ".join(subprocess.run(["pdftotext", job.file.path, "-"], capture_output=True, check=True, text=True).stdout.split())
    assert "Questions the procurement panel agreed: 1. Who chooses the staff? (asked at interview)" in text
    assert "A draft nobody agreed" not in text
