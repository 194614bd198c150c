"""Authorization matrix rows for the board pages (see tests/authorization_matrix.py).

Commissioners run the boards; a board's members (here the PERSON user, with lived experience)
see its pages and papers; nobody else learns the board exists."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, signed_in

C, PERSON = Role.COMMISSIONER, Role.PERSON
RUNNING = only(C)
MEMBERS = only(C, PERSON)
POST_ONLY = signed_in(Expect.METHOD_NOT_ALLOWED)


def board(world, **extra) -> dict:
    return {"board_id": world["board"].pk, **extra}


def meeting(world, **extra) -> dict:
    return board(world, meeting_id=world["board_meeting"].pk, **extra)


ROWS: list[Row] = [
    Row("boards:board_list", MEMBERS),
    Row("boards:board_add", RUNNING),
    Row("boards:board_detail", MEMBERS, kwargs=board),
    Row("boards:member_add", RUNNING, kwargs=board),
    Row("boards:member_leave", POST_ONLY, kwargs=lambda w: board(w, member_id=w["board_member"].pk)),
    Row("boards:meeting_add", RUNNING, kwargs=board),
    Row("boards:meeting_detail", MEMBERS, kwargs=meeting),
    Row("boards:papers_pack", MEMBERS, kwargs=meeting),
    Row("boards:paper_add", RUNNING, kwargs=meeting),
    Row("boards:papers_send", POST_ONLY, kwargs=meeting),
    Row("boards:attendance", RUNNING, kwargs=meeting),
    Row("boards:decision_add", RUNNING, kwargs=meeting),
]
