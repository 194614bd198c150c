"""Bids and independent scoring: who reads what, scores kept as given, bad input refused."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from commissioning.panels.scoring import services as scoring_services
from commissioning.panels.models import BidResponse, Panel, PanelMember, Score
from coproduction.audit.models import AuditEvent
from tests.commissioning.panels.factories import PDF_BYTES, panel_ready_to_score, pdf_upload
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.bad_input import assert_bad_input
from tests.harness.documents import word_document_bytes, zip_bytes

LIVED, CARER, OFFICER = PanelMember.Role.LIVED_EXPERIENCE, PanelMember.Role.CARER, PanelMember.Role.PROCUREMENT_OFFICER


@pytest.fixture
def officer():
    return UserFactory(full_name="Olu Procurement", roles=["commissioner"])


@pytest.fixture
def scoring(programme, specification, commissioner, person, carer, officer):
    """Chair (commissioner), Al-like lived-experience member (person), carer (conflicted with
    Northside), procurement officer; two bidders, one agreed question, scoring open."""
    return panel_ready_to_score(
        programme=programme, specification=specification, chair=commissioner,
        members={person: LIVED, carer: CARER, officer: OFFICER}, conflicts={carer: ["Northside Care Ltd"]},
    )


def _url(name, panel, **kwargs):
    return reverse(f"panels:{name}", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk, **kwargs})


def _response(panel, bidder_name):
    return BidResponse.objects.get(bidder__panel=panel, bidder__name=bidder_name)


def _text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_a_member_scores_alone_then_sees_the_others_scores(client_as, scoring, person, officer):
    panel, members, bidders, questions = scoring
    answer = _response(panel, "Bright Days CIC")
    scoring_services.score_submit(response=answer, member=members[officer], value=2, reason="Weekends are missing entirely.", by=officer)
    client = client_as(person)
    url = _url("response_detail", panel, response_id=answer.pk)

    before = _text(client.get(url))
    assert "Bright Days CIC answers" in before
    assert "Weekends are missing entirely." not in before and "Members' scores" not in before
    assert "You will see the other members' scores for this answer once you have sent yours." in before

    response = client.post(url, {"value": "4", "reason": "People will help choose staff."})
    assert response.status_code == 302
    assert Score.objects.get(member=members[person]).value == 4
    after = _text(client.get(url))
    assert "Members' scores" in after and "Weekends are missing entirely." in after and "People will help choose staff." in after


def test_the_scoring_list_shows_only_bidders_the_member_is_not_conflicted_with(client_as, scoring, carer, person):
    panel, *_ = scoring
    carers_page = _text(client_as(carer).get(_url("scoring", panel)))
    assert "Bright Days CIC" in carers_page and "Northside Care Ltd" not in carers_page
    assert "You have scored 0 of 1 answers." in carers_page
    persons_page = _text(client_as(person).get(_url("scoring", panel)))
    assert "Bright Days CIC" in persons_page and "Northside Care Ltd" in persons_page


def test_a_conflicted_member_cannot_open_score_or_download_that_bid(client_as, scoring, carer, person):
    panel, members, bidders, questions = scoring
    northside = _response(panel, "Northside Care Ltd")
    client = client_as(carer)
    assert client.get(_url("response_detail", panel, response_id=northside.pk)).status_code == 404
    assert client.post(_url("response_detail", panel, response_id=northside.pk), {"value": "3", "reason": "x"}).status_code == 404
    assert client.get(_url("response_file", panel, response_id=northside.pk)).status_code == 404
    with pytest.raises(ValidationError, match="conflict of interest"):
        scoring_services.score_submit(response=northside, member=members[carer], value=3, reason="Fine.", by=carer)
    assert not Score.objects.exists()


def test_lived_experience_members_see_the_same_scoring_screens_as_officers(client_as, scoring, person, officer):
    panel, members, bidders, questions = scoring
    answer = _response(panel, "Bright Days CIC")

    def shape(user):
        page = BeautifulSoup(client_as(user).get(_url("response_detail", panel, response_id=answer.pk)).content, "html.parser")
        form = page.select_one("main form")
        return sorted((field.get("name"), field.get("value")) for field in form.select("input[type=radio], textarea")), page.h1.get_text(strip=True)

    assert shape(person) == shape(officer)
    assert [option for option, _ in shape(person)[0] if option == "value"] == ["value"] * 6  # 0 to 5


def test_a_score_needs_a_reason_and_a_value_on_the_councils_scale(client_as, scoring, person):
    panel, members, bidders, questions = scoring
    answer = _response(panel, "Bright Days CIC")
    client = client_as(person)
    url = _url("response_detail", panel, response_id=answer.pk)
    count = lambda: Score.objects.count()  # noqa: E731
    assert_bad_input(client, url, {"value": "4", "reason": "  "}, errors=["Enter the reason for your score"], unchanged=count)
    assert_bad_input(client, url, {"value": "9", "reason": "Very good."}, errors=["Select a score from 0 to 5"], kept=["reason"], unchanged=count)
    assert_bad_input(client, url, {"value": "-1", "reason": "Bad."}, errors=["Select a score from 0 to 5"], unchanged=count)
    with pytest.raises(ValidationError):
        scoring_services.score_submit(response=answer, member=members[person], value=6, reason="Too high", by=person)


def test_the_scale_is_the_councils(client_as, scoring, person):
    panel, members, bidders, questions = scoring
    Panel.objects.filter(pk=panel.pk).update(score_max=10)
    answer = _response(panel, "Bright Days CIC")
    response = client_as(person).post(_url("response_detail", panel, response_id=answer.pk), {"value": "9", "reason": "Strong."})
    assert response.status_code == 302
    assert Score.objects.get().value == 9


def test_a_score_once_sent_is_kept_as_given(client_as, scoring, person):
    panel, members, bidders, questions = scoring
    answer = _response(panel, "Bright Days CIC")
    client = client_as(person)
    url = _url("response_detail", panel, response_id=answer.pk)
    client.post(url, {"value": "4", "reason": "Good."})
    client.post(url, {"value": "1", "reason": "Changed my mind."})
    assert list(Score.objects.values_list("value", "reason")) == [(4, "Good.")]
    with pytest.raises(ValidationError, match="already scored"):
        scoring_services.score_submit(response=answer, member=members[person], value=1, reason="Again", by=person)


def test_members_declare_their_interests_before_seeing_any_bid(client_as, scoring, commissioner):
    panel, members, bidders, questions = scoring
    newcomer = UserFactory(roles=["person"])
    from commissioning.panels import services

    member = services.member_add(panel=panel, user=newcomer, role=LIVED, by=commissioner)
    client = client_as(newcomer)
    answer = _response(panel, "Bright Days CIC")
    assert client.get(_url("scoring", panel)).status_code == 403
    assert client.get(_url("response_detail", panel, response_id=answer.pk)).status_code == 403
    with pytest.raises(ValidationError, match="Declare your interests"):
        scoring_services.score_submit(response=answer, member=member, value=3, reason="Fine.", by=newcomer)


def test_scores_are_audited(client_as, scoring, person):
    panel, members, bidders, questions = scoring
    answer = _response(panel, "Bright Days CIC")
    client = client_as(person)
    client.get(_url("response_detail", panel, response_id=answer.pk))
    client.post(_url("response_detail", panel, response_id=answer.pk), {"value": "4", "reason": "Good."})
    assert AuditEvent.objects.filter(actor=person, action=AuditEvent.Action.CREATE, detail="score submitted").count() == 1
    assert AuditEvent.objects.filter(actor=person, action=AuditEvent.Action.VIEW, detail="bid answer read").exists()


# ---- Bids: entered or uploaded, checked, served only to the panel ----

def test_the_chair_uploads_a_pdf_answer_that_only_the_panel_can_download(client_as, scoring, commissioner, person, carer, provider):
    panel, members, bidders, questions = scoring
    northside = next(b for b in bidders if b.name == "Northside Care Ltd")
    url = _url("response_enter", panel, bidder_id=northside.pk, question_id=questions[0].pk)
    response = client_as(commissioner).post(url, {"text": "", "file": pdf_upload()})
    assert response.status_code == 302
    answer = _response(panel, "Northside Care Ltd")
    assert answer.file_type == "pdf" and answer.file.name.startswith("panels/bids/") and "answer" not in answer.file.name
    file_url = _url("response_file", panel, response_id=answer.pk)
    download = client_as(person).get(file_url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF_BYTES
    assert download["Cache-Control"] == "private, no-store"
    assert client_as(carer).get(file_url).status_code == 404  # conflicted with Northside
    assert client_as(provider).get(file_url).status_code == 404
    assert AuditEvent.objects.filter(actor=person, action=AuditEvent.Action.DOWNLOAD).count() == 1


def test_a_real_word_document_is_accepted(client_as, scoring, commissioner):
    panel, members, bidders, questions = scoring
    northside = next(b for b in bidders if b.name == "Northside Care Ltd")
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = _url("response_enter", panel, bidder_id=northside.pk, question_id=questions[0].pk)
    client_as(commissioner).post(url, {"text": "See the attached.", "file": SimpleUploadedFile("answer.docx", word_document_bytes())})
    assert _response(panel, "Northside Care Ltd").file_type == "docx"


def test_wrong_file_types_and_files_too_big_are_refused(client_as, scoring, commissioner, settings):
    panel, members, bidders, questions = scoring
    from django.core.files.uploadedfile import SimpleUploadedFile

    northside = next(b for b in bidders if b.name == "Northside Care Ltd")
    url = _url("response_enter", panel, bidder_id=northside.pk, question_id=questions[0].pk)
    client = client_as(commissioner)
    stored = lambda: list(BidResponse.objects.filter(bidder=northside).values_list("text", "file"))  # noqa: E731
    cases = [
        (SimpleUploadedFile("answer.exe", b"MZ\x90\x00"), "The selected file must be a PDF or a Word document (DOCX)"),
        (SimpleUploadedFile("answer.pdf", b"MZ\x90\x00 pretending"), "The selected file is not a real PDF file"),
        (SimpleUploadedFile("answer.docx", b"PK\x03\x04 not really a zip"), "The selected file is not a real Word document"),
        (SimpleUploadedFile("answer.docx", PDF_BYTES), "The selected file is not a real Word document"),
        (SimpleUploadedFile("answer.docx", zip_bytes({"notes.txt": "any zip"})), "The selected file is not a real Word document"),
    ]
    for upload, message in cases:
        assert_bad_input(client, url, {"text": "Kept text", "file": upload}, errors=[message], unchanged=stored)
    settings.PANEL_BID_MAX_BYTES = 1024 * 1024
    too_big = pdf_upload(content=PDF_BYTES + b"0" * 1024 * 1024)
    assert_bad_input(client, url, {"text": "Kept text", "file": too_big}, errors=["The selected file must be smaller than 1 MB"], unchanged=stored)


def test_an_answer_needs_text_or_a_file(client_as, scoring, commissioner):
    panel, members, bidders, questions = scoring
    northside = next(b for b in bidders if b.name == "Northside Care Ltd")
    url = _url("response_enter", panel, bidder_id=northside.pk, question_id=questions[0].pk)
    BidResponse.objects.filter(bidder=northside).delete()
    assert_bad_input(client_as(commissioner), url, {"text": " "}, errors=["Enter the bidder's answer or upload it"],
                     unchanged=lambda: BidResponse.objects.filter(bidder=northside).count())


def test_an_answer_cannot_change_once_scored(client_as, scoring, commissioner, person):
    panel, members, bidders, questions = scoring
    bright = next(b for b in bidders if b.name == "Bright Days CIC")
    answer = _response(panel, "Bright Days CIC")
    scoring_services.score_submit(response=answer, member=members[person], value=3, reason="OK.", by=person)
    url = _url("response_enter", panel, bidder_id=bright.pk, question_id=questions[0].pk)
    assert_bad_input(client_as(commissioner), url, {"text": "A new answer"}, errors=["Members have already scored this answer, so it cannot change"],
                     unchanged=lambda: BidResponse.objects.get(pk=answer.pk).text)


def test_only_the_chair_and_procurement_officers_enter_bids(client_as, scoring, person, officer):
    panel, *_ = scoring
    assert client_as(person).get(_url("bids", panel)).status_code == 403
    assert client_as(officer).get(_url("bids", panel)).status_code == 200


def test_the_scoring_factories_make_valid_records():
    from tests.commissioning.panels.factories import (
        AnnotationFactory,
        AwardRecommendationFactory,
        ModeratedScoreFactory,
        PriceScoreFactory,
        ScoreFactory,
    )

    score = ScoreFactory()
    assert score.member.panel_id == score.response.bidder.panel_id == score.response.question.panel_id
    assert ModeratedScoreFactory().rationale
    assert PriceScoreFactory().entered_by.role == OFFICER
    award = AwardRecommendationFactory()
    assert award.decision.programme_id == award.panel.programme_id
    assert AnnotationFactory().text


def test_the_chair_too_scores_before_seeing_others_scores_while_scoring_is_open(client_as, scoring, commissioner, person):
    panel, members, bidders, questions = scoring
    answer = _response(panel, "Bright Days CIC")
    scoring_services.score_submit(response=answer, member=members[person], value=5, reason="Al's own view of it.", by=person)
    client = client_as(commissioner)
    url = _url("response_detail", panel, response_id=answer.pk)
    assert "Al's own view of it." not in client.get(url).content.decode()
    assert client.get(_url("moderation", panel)).status_code == 200  # open, but no scores until scoring closes
    assert "Al's own view of it." not in client.get(_url("moderation", panel)).content.decode()
    client.post(url, {"value": "3", "reason": "Mine."})
    assert "Al&#x27;s own view of it." in client.get(url).content.decode()
