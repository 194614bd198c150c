"""Board records for the authorization matrix and the accessibility test. Builds on
tests/commissioning/world.py.

world["board"]: the Health and Wellbeing Board; the PERSON user sits on it with lived experience
and the COMMISSIONER user as an officer. world["board_meeting"]: a past meeting of it, with a
paper, attendance recorded and a decision in world["programme"]'s log.
world["board_member"]: the PERSON user's place on it."""

import datetime

from commissioning.boards import services
from commissioning.boards.models import Board, BoardMeeting, BoardMember, BoardPaper
from coproduction.accounts.models import Role


def build_boards_world(world: dict) -> dict:
    users = world["users"]
    commissioner, person = users[Role.COMMISSIONER], users[Role.PERSON]
    board = services.board_create(by=commissioner, data={
        "name": "Health and Wellbeing Board", "kind": Board.Kind.HEALTH_AND_WELLBEING, "purpose": "Agrees health and care priorities.",
        "papers_days_ahead": 7,
    })
    member = services.member_add(board=board, user=person, kind=BoardMember.Kind.LIVED_EXPERIENCE, by=commissioner)
    services.member_add(board=board, user=commissioner, kind=BoardMember.Kind.OFFICER, by=commissioner)
    meeting = BoardMeeting.objects.create(board=board, date=datetime.date(2026, 7, 14), place="Town Hall", created_by=commissioner)
    BoardPaper.objects.create(meeting=meeting, title="Priorities", summary="People agreed five priorities.", text="The paper.",
                              easy_read_text="We agreed five things.", added_by=commissioner)
    services.attendance_record(meeting=meeting, attended_member_ids={member.pk}, by=commissioner)
    services.decision_add(meeting=meeting, programme=world["programme"], by=commissioner,
                          data={"title": "Priorities agreed", "decision": "The board agreed the priorities.", "evidence": ""})
    return {"board": board, "board_meeting": meeting, "board_member": member}
