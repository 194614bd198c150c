"""Boards with lived experience: a board's members get papers in their format, ahead of time,
with a plain-English summary; who attended is recorded; decisions go into the programme's
decisions log saying who was there; the board shows how many decisions had members with lived
experience present."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.boards import services
from commissioning.boards.models import Board, BoardDecision, BoardMeeting, BoardMember, BoardPaper
from commissioning.models import Decision
from coproduction.accounts.models import Role
from coproduction.notifications.models import Message
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory
from tests.commissioning.involvement.factories import InvolvementProfileFactory
from tests.coproduction.accounts.factories import UserFactory

TODAY = datetime.date(2026, 9, 1)
MEETING_DAY = datetime.date(2026, 9, 15)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2026, 9, 1, 10, 0), tick=True):
        yield


@pytest.fixture
def board(commissioner):
    return services.board_create(by=commissioner, data={
        "name": "Health and Wellbeing Board", "kind": Board.Kind.HEALTH_AND_WELLBEING,
        "purpose": "Agrees health and care priorities.", "papers_days_ahead": 7,
    })


@pytest.fixture
def councillor():
    return UserFactory(full_name="Cllr Ruth Evans", roles=[])


@pytest.fixture
def members(board, commissioner, person, carer, councillor):
    InvolvementProfileFactory(user=person, preferred_format="large_print")
    InvolvementProfileFactory(user=carer, preferred_format="easy_read")
    return {
        "person": services.member_add(board=board, user=person, kind=BoardMember.Kind.LIVED_EXPERIENCE, by=commissioner),
        "carer": services.member_add(board=board, user=carer, kind=BoardMember.Kind.LIVED_EXPERIENCE, by=commissioner),
        "councillor": services.member_add(board=board, user=councillor, kind=BoardMember.Kind.ELECTED_MEMBER, by=commissioner),
        "officer": services.member_add(board=board, user=commissioner, kind=BoardMember.Kind.OFFICER, by=commissioner),
    }


@pytest.fixture
def meeting(board, commissioner, members):
    meeting = services.meeting_create(board=board, by=commissioner, data={"date": MEETING_DAY, "place": "Town Hall", "agenda": ""})
    services.paper_add(meeting=meeting, by=commissioner, data={
        "title": "Carers' breaks specification", "summary": "Carers wrote it. The board is asked to approve it.",
        "text": "The full specification, section by section.", "easy_read_text": "Carers helped write it. Please say yes.",
    })
    return meeting


def _url(name, meeting, **extra):
    return reverse(f"boards:{name}", kwargs={"board_id": meeting.board_id, "meeting_id": meeting.pk, **extra})


def test_a_commissioner_adds_a_board_with_its_kind_and_notice_period(client_as, commissioner):
    client = client_as(commissioner)
    response = client.post(reverse("boards:board_add"), {
        "name": "Commissioning board", "kind": "commissioning", "purpose": "Approves tenders.", "papers_days_ahead": "5",
    })
    board = Board.objects.get(name="Commissioning board")
    assert response.headers["Location"] == reverse("boards:board_detail", kwargs={"board_id": board.pk})
    page = client.get(response.headers["Location"]).text
    assert "Commissioning board" in page and "5 days before it" in page


@pytest.mark.parametrize("data, field, message", [
    ({"name": "", "kind": "commissioning", "purpose": "x", "papers_days_ahead": "5"}, "name", "Enter the name of the board"),
    ({"name": "B", "kind": "cabinet", "purpose": "x", "papers_days_ahead": "5"}, "kind", "Select a kind of board from the list"),
    ({"name": "B", "kind": "other", "purpose": "", "papers_days_ahead": "5"}, "purpose", "Enter what the board decides"),
    ({"name": "B", "kind": "other", "purpose": "x", "papers_days_ahead": "0"}, "papers_days_ahead", "at least 1 day"),
    ({"name": "B", "kind": "other", "purpose": "x", "papers_days_ahead": "a week"}, "papers_days_ahead", "whole number"),
    ({"name": "B" * 201, "kind": "other", "purpose": "x", "papers_days_ahead": "5"}, "name", "200 characters or fewer"),
])
def test_a_bad_board_is_refused_with_the_answers_kept(client_as, commissioner, data, field, message):
    response = client_as(commissioner).post(reverse("boards:board_add"), data)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert message in page.select_one(".govuk-error-summary").get_text()
    assert page.title.get_text().startswith("Error:")
    assert not Board.objects.exists()
    if data["name"] and field != "name":
        assert page.select_one("#id_name")["value"] == data["name"]


def test_someone_already_on_the_board_cannot_be_added_twice(client_as, commissioner, board, members, person):
    response = client_as(commissioner).post(reverse("boards:member_add", kwargs={"board_id": board.pk}),
                                            {"user": person.pk, "kind": "lived_experience"})
    # Current members are not offered again: choosing one is a choice not in the list.
    assert "Select a person from the list" in response.text
    assert board.members.filter(user=person).count() == 1


def test_a_bad_member_is_refused(client_as, commissioner, board):
    response = client_as(commissioner).post(reverse("boards:member_add", kwargs={"board_id": board.pk}), {"user": "", "kind": "mayor"})
    assert "Select who is joining the board" in response.text and "Select their place from the list" in response.text
    assert not board.members.exists()


def test_a_bad_meeting_is_refused(client_as, commissioner, board):
    response = client_as(commissioner).post(reverse("boards:meeting_add", kwargs={"board_id": board.pk}),
                                            {"date_0": "31", "date_1": "2", "date_2": "2027", "place": ""})
    assert "Date of the meeting must be a real date" in response.text
    assert "Enter where the meeting is, or how to join online" in response.text
    assert not board.meetings.exists()


def test_a_paper_needs_a_plain_english_summary(client_as, commissioner, meeting):
    response = client_as(commissioner).post(_url("paper_add", meeting), {"title": "Budget", "summary": " ", "text": "Numbers."})
    assert "Enter a summary of the paper in plain English" in response.text
    assert response.context["form"]["text"].value() == "Numbers."
    assert list(meeting.papers.values_list("title", flat=True)) == ["Carers' breaks specification"]


def test_papers_go_to_every_member_in_their_format_and_they_are_told(client_as, commissioner, meeting, members, person, carer):
    response = client_as(commissioner).post(_url("papers_send", meeting))
    assert response.status_code == 302
    messages = {message.recipient_id: message for message in Message.objects.filter(topic="papers")}
    assert set(messages) == {member.user_id for member in members.values()}
    assert messages[person.pk].link.endswith("?format=large_print")
    assert "large print" in messages[person.pk].body and "plain English" in messages[person.pk].body
    assert messages[carer.pk].link.endswith("?format=easy_read")
    page = client_as(commissioner).get(_url("meeting_detail", meeting)).text
    assert "Sent in time" in page  # 14 days ahead, the board asks for 7


def test_a_member_reads_the_papers_in_their_format_with_the_summary_first(client_as, commissioner, meeting, person, carer):
    services.papers_send(meeting=meeting, by=commissioner)
    page = BeautifulSoup(client_as(person).get(_url("papers_pack", meeting)).content, "html.parser")
    assert page.select_one(".app-monitoring-large-print") is not None
    assert "Carers wrote it. The board is asked to approve it." in page.select_one(".govuk-inset-text").get_text()
    assert "The full specification" in page.get_text()
    easy = BeautifulSoup(client_as(carer).get(_url("papers_pack", meeting)).content, "html.parser")
    assert "What this is about" in easy.select_one(".govuk-inset-text").get_text()
    assert "Carers helped write it. Please say yes." in easy.get_text()
    assert "The full specification" not in easy.get_text()


def test_papers_sent_after_the_notice_period_show_as_late(client_as, commissioner, board, members):
    meeting = services.meeting_create(board=board, by=commissioner, data={"date": TODAY + datetime.timedelta(days=3), "place": "Town Hall", "agenda": ""})
    services.paper_add(meeting=meeting, by=commissioner, data={"title": "P", "summary": "S", "text": "T", "easy_read_text": ""})
    services.papers_send(meeting=meeting, by=commissioner)
    assert "Sent late" in client_as(commissioner).get(_url("meeting_detail", meeting)).text


def test_papers_cannot_be_sent_without_a_paper(client_as, commissioner, board, members):
    meeting = services.meeting_create(board=board, by=commissioner, data={"date": MEETING_DAY, "place": "Town Hall", "agenda": ""})
    response = client_as(commissioner).post(_url("papers_send", meeting), follow=True)
    assert "Add at least one paper before sending the papers." in response.text
    assert not Message.objects.filter(topic="papers").exists()


def test_someone_not_on_the_board_never_sees_its_papers(client_as, meeting, practitioner, provider):
    for user in (practitioner, provider):
        assert client_as(user).get(_url("papers_pack", meeting)).status_code == 404


def test_a_decision_needs_attendance_first_then_goes_into_the_log_with_who_attended(client_as, commissioner, meeting, members, provider):
    programme = ProgrammeFactory(title="Carers' breaks", lead=commissioner)
    client = client_as(commissioner)
    data = {"programme": programme.pk, "title": "Specification approved", "decision": "Approved as written.", "evidence": ""}
    refused = client.post(_url("decision_add", meeting), data)
    assert "Record who attended the meeting before recording its decisions." in refused.text
    assert not Decision.objects.exists()
    with time_machine.travel(datetime.datetime(2026, 9, 16, 10, 0), tick=True):
        client = client_as(commissioner)  # a new day: signed in again
        client.post(_url("attendance", meeting), {"attended": [members["person"].pk, members["councillor"].pk, members["officer"].pk]})
        response = client.post(_url("decision_add", meeting), data)
    assert response.status_code == 302
    decision = Decision.objects.get(programme=programme)
    assert decision.decided_on == MEETING_DAY
    assert decision.decided_by == ("Health and Wellbeing Board, meeting on 15 September 2026 (3 members attended, including "
                                   "1 member with lived experience and 1 elected member)")
    decision_url = reverse("commissioning:decision_detail", kwargs={"programme_id": programme.pk, "decision_id": decision.pk})
    log = client.get(decision_url).text
    assert "Taken at a board meeting" in log and _url("meeting_detail", meeting) in log
    # Someone in the programme's group but not on the board reads the decision; the meeting is not a link for them.
    GroupMemberFactory(programme=programme, user=provider, member_role="provider")
    outside = client_as(provider).get(decision_url).text
    assert "Taken at a board meeting" in outside and _url("meeting_detail", meeting) not in outside


def test_attendance_cannot_be_recorded_before_the_meeting(client_as, commissioner, meeting, members):
    response = client_as(commissioner).post(_url("attendance", meeting), {"attended": [members["person"].pk]})
    assert "You can record who attended once the meeting has happened." in response.text
    assert meeting.attendees.filter(attended=True).count() == 0


def test_attendance_refuses_someone_not_on_the_board(client_as, commissioner, meeting):
    with time_machine.travel(datetime.datetime(2026, 9, 16, 10, 0), tick=True):
        response = client_as(commissioner).post(_url("attendance", meeting), {"attended": ["99999"]})
    assert "Select members of the board from the list" in response.text
    assert BoardMeeting.objects.get(pk=meeting.pk).attendance_recorded_at is None


def test_a_bad_decision_is_refused_with_nothing_saved(client_as, commissioner, meeting):
    response = client_as(commissioner).post(_url("decision_add", meeting), {"programme": "", "title": "", "decision": ""})
    page = response.text
    assert "Select the programme the decision is about" in page and "Enter a short title for the decision" in page
    assert "Enter what the board decided" in page
    assert not BoardDecision.objects.exists()


def test_the_board_shows_how_many_decisions_had_lived_experience_present(client_as, commissioner, board, members, person):
    programme = ProgrammeFactory(lead=commissioner)
    with time_machine.travel(datetime.datetime(2026, 12, 1, 10, 0), tick=True):
        for day, came in ((datetime.date(2026, 10, 1), {"person", "officer"}), (datetime.date(2026, 11, 1), {"councillor", "officer"})):
            meeting = services.meeting_create(board=board, by=commissioner, data={"date": day, "place": "Town Hall", "agenda": ""})
            services.attendance_record(meeting=meeting, attended_member_ids={members[key].pk for key in came}, by=commissioner)
            services.decision_add(meeting=meeting, programme=programme, by=commissioner, data={"title": f"D {day}", "decision": "Yes."})
        board_page = BeautifulSoup(client_as(person).get(reverse("boards:board_detail", kwargs={"board_id": board.pk})).content, "html.parser")
        list_page = BeautifulSoup(client_as(commissioner).get(reverse("boards:board_list")).content, "html.parser")
    assert board_page.select_one("#lived-experience-at-decisions .app-figures__value").get_text(strip=True) == "1 of 2"
    assert list_page.select_one("tbody tr").select("td")[-1].get_text(strip=True) == "1 of 2"


def test_a_member_who_leaves_no_longer_sees_the_board(client_as, commissioner, board, members, person):
    client_as(commissioner).post(reverse("boards:member_leave", kwargs={"board_id": board.pk, "member_id": members["person"].pk}))
    assert client_as(person).get(reverse("boards:board_detail", kwargs={"board_id": board.pk})).status_code == 404
    assert client_as(person).get(reverse("boards:board_list")).status_code == 403


def test_a_board_member_sees_their_boards_on_their_home_page(client_as, members, person):
    page = client_as(person).get(reverse("accounts:role_home", kwargs={"role": Role.PERSON.value})).text
    assert "Boards you sit on" in page and "Health and Wellbeing Board" in page


def test_the_spectrum_self_assessment_points_at_the_boards_decisions(client_as, commissioner, board, members):
    from commissioning.involvement.selfassessment.services import round_save
    from commissioning.involvement.spectrum import NOT_STARTED, STARTED, STEP_KEYS

    programme = ProgrammeFactory(lead=commissioner)
    with time_machine.travel(datetime.datetime(2026, 12, 1, 10, 0), tick=True):
        meeting = services.meeting_create(board=board, by=commissioner, data={"date": datetime.date(2026, 10, 1), "place": "Hall", "agenda": ""})
        services.attendance_record(meeting=meeting, attended_member_ids={members["person"].pk}, by=commissioner)
        services.decision_add(meeting=meeting, programme=programme, by=commissioner, data={"title": "D", "decision": "Yes."})
        assessment = round_save(by=commissioner, title="Winter", assessed_on=datetime.date(2026, 12, 1), assessors=[commissioner],
                                other_assessors="", ratings={key: (STARTED if key == "whole_process" else NOT_STARTED, "") for key in STEP_KEYS})
        page = BeautifulSoup(client_as(commissioner).get(reverse("involvement:round_detail", kwargs={"round_id": assessment.pk})).content, "html.parser")
    row = next(row for row in page.select(".app-step-table tbody tr") if "throughout commissioning" in row.th.get_text())
    link = row.select_one("a.govuk-link")
    assert link.get_text(strip=True) == "Decision-making boards: members with lived experience were present for 1 of 1 decision"
    assert link["href"] == reverse("boards:board_list")
