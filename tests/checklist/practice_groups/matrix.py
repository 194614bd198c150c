"""Authorization matrix rows for practice groups (see tests/authorization_matrix.py): team
managers only, and of a group only its members; nobody else learns it exists."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, signed_in

MANAGERS = only(Role.TEAM_MANAGER)


def group(world, **extra) -> dict:
    return {"group_id": world["practice_group"].pk, **extra}


ROWS: list[Row] = [
    Row("checklist:practice_groups", MANAGERS),
    Row("checklist:practice_group_add", MANAGERS),
    Row("checklist:practice_group_detail", MANAGERS, kwargs=group),
    Row("checklist:practice_group_member_add", MANAGERS, kwargs=group),
    Row("checklist:practice_group_member_leave", signed_in(Expect.METHOD_NOT_ALLOWED),
        kwargs=lambda w: group(w, member_id=w["practice_group_member"].pk)),
    Row("checklist:practice_group_statement", MANAGERS, kwargs=group),
    Row("checklist:practice_group_share", MANAGERS, kwargs=group),
    Row("checklist:practice_action_add", MANAGERS, kwargs=group),
]
