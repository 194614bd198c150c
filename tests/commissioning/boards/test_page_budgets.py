"""Query budgets for the board pages, the same after the data grows tenfold."""

import datetime

import pytest
from django.urls import reverse

from commissioning.boards import services
from commissioning.boards.models import Board, BoardMeeting, BoardMember, BoardPaper
from tests.commissioning.factories import ProgrammeFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.queries import assert_fixed_queries


@pytest.fixture
def board(commissioner, person):
    board = services.board_create(by=commissioner, data={
        "name": "Health and Wellbeing Board", "kind": Board.Kind.HEALTH_AND_WELLBEING, "purpose": "Priorities.", "papers_days_ahead": 7,
    })
    services.member_add(board=board, user=person, kind=BoardMember.Kind.LIVED_EXPERIENCE, by=commissioner)
    return board


def _grow(board, commissioner, times):
    programme = ProgrammeFactory(lead=commissioner)
    for index in range(times):
        member = services.member_add(board=board, user=UserFactory(roles=["carer"]), kind=BoardMember.Kind.LIVED_EXPERIENCE, by=commissioner)
        meeting = BoardMeeting.objects.create(board=board, date=datetime.date(2026, 1, 1) + datetime.timedelta(days=index), place="Hall", created_by=commissioner)
        BoardPaper.objects.create(meeting=meeting, title="P", summary="S", text="T", added_by=commissioner)
        services.attendance_record(meeting=meeting, attended_member_ids={member.pk}, by=commissioner)
        services.decision_add(meeting=meeting, programme=programme, by=commissioner, data={"title": "D", "decision": "Yes."})


def _grow_boards(commissioner, person, times):
    for _ in range(times):
        board = services.board_create(by=commissioner, data={"name": "B", "kind": "other", "purpose": "x", "papers_days_ahead": 5})
        services.member_add(board=board, user=person, kind=BoardMember.Kind.LIVED_EXPERIENCE, by=commissioner)
        _grow(board, commissioner, 1)


def test_the_boards_list_costs_the_same_with_ten_times_the_boards(client_as, commissioner, person, board):
    _grow_boards(commissioner, person, 1)
    client = client_as(person)
    # the boards the person sits on (for the rule and the list), the boards with their counts, the decision counts
    assert_fixed_queries(lambda: client.get(reverse("boards:board_list")), budget=3, grow=lambda: _grow_boards(commissioner, person, 10))


def test_the_board_page_costs_the_same_with_ten_times_the_members_meetings_and_decisions(client_as, commissioner, board):
    _grow(board, commissioner, 1)
    client = client_as(commissioner)
    url = reverse("boards:board_detail", kwargs={"board_id": board.pk})
    assert_fixed_queries(lambda: client.get(url), budget=5, grow=lambda: _grow(board, commissioner, 10))


def test_the_meeting_page_and_papers_cost_the_same_with_ten_times_the_members_papers_and_decisions(client_as, commissioner, person, board):
    meeting = BoardMeeting.objects.create(board=board, date=datetime.date(2026, 7, 1), place="Hall", created_by=commissioner)
    programme = ProgrammeFactory(lead=commissioner)

    def grow(times):
        for _ in range(times):
            services.member_add(board=board, user=UserFactory(roles=["carer"]), kind=BoardMember.Kind.ELECTED_MEMBER, by=commissioner)
            BoardPaper.objects.create(meeting=meeting, title="P", summary="S", text="T", added_by=commissioner)
        services.attendance_record(meeting=meeting, attended_member_ids=set(board.members.values_list("pk", flat=True)), by=commissioner)
        for _ in range(times):
            services.decision_add(meeting=meeting, programme=programme, by=commissioner, data={"title": "D", "decision": "Yes."})

    grow(1)
    client = client_as(commissioner)
    assert_fixed_queries(lambda: client.get(reverse("boards:meeting_detail", kwargs={"board_id": board.pk, "meeting_id": meeting.pk})),
                         budget=6, grow=lambda: grow(10))
    reader = client_as(person)
    assert_fixed_queries(lambda: reader.get(reverse("boards:papers_pack", kwargs={"board_id": board.pk, "meeting_id": meeting.pk})),
                         budget=7, grow=lambda: grow(10))
