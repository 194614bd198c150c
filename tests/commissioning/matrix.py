"""Authorization matrix rows for the commissioning programme pages (see tests/authorization_matrix.py)."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, public, signed_in

# Members of world["programme"], and the commissioners who run every programme.
MEMBERS = only(Role.PERSON, Role.CARER, Role.COMMISSIONER)
# Pages only those running the programme may use.
RUNNING = only(Role.COMMISSIONER)
POST_ONLY = signed_in(Expect.METHOD_NOT_ALLOWED)


def programme(world) -> dict:
    return {"programme_id": world["programme"].pk}


def other(world) -> dict:
    return {"programme_id": world["other_programme"].pk}


def public_programme(world) -> dict:
    return {"programme_id": world["public_programme"].pk}


# Members-only pages: the group of world["programme"] and commissioners; nobody else, not
# even for a public programme (only its overview is public).
MEMBERS_ONLY_PAGES = [
    ("commissioning:group", {}, {}),
    ("commissioning:decision_list", {}, {}),
    ("commissioning:stage_detail", {"stage_id": "stage"}, {"stage_id": "other_stage"}),
    ("commissioning:decision_detail", {"decision_id": "decision"}, None),
]


def _kwargs(programme_key: str, keys: dict):
    return lambda world: {"programme_id": world[programme_key].pk, **{name: world[key].pk for name, key in keys.items()}}


MEMBER_ROWS = []
for url_name, keys, other_keys in MEMBERS_ONLY_PAGES:
    MEMBER_ROWS.append(Row(url_name, MEMBERS, kwargs=_kwargs("programme", keys)))
    if other_keys is not None:
        MEMBER_ROWS.append(Row(url_name, RUNNING, kwargs=_kwargs("other_programme", other_keys), id=f"{url_name}[not a member]"))
MEMBER_ROWS += [
    Row("commissioning:group", RUNNING, kwargs=public_programme, id="commissioning:group[public programme]"),
    Row("commissioning:decision_list", RUNNING, kwargs=public_programme, id="commissioning:decision_list[public programme]"),
    Row(
        "commissioning:stage_detail", RUNNING, kwargs=_kwargs("public_programme", {"stage_id": "public_stage"}),
        id="commissioning:stage_detail[public programme]",
    ),
]

MANAGEMENT_PAGES = [
    ("commissioning:programme_edit", {}),
    ("commissioning:programme_stage_move", {}),
    ("commissioning:key_dates", {}),
    ("commissioning:stage_list", {}),
    ("commissioning:stage_add", {}),
    ("commissioning:stage_edit", {"stage_id": "stage"}),
    ("commissioning:stage_remove", {"stage_id": "stage"}),
    ("commissioning:member_add", {}),
    ("commissioning:member_role", {"member_id": "member"}),
    ("commissioning:member_leave", {"member_id": "member"}),
    ("commissioning:activity_add", {}),
    ("commissioning:activity_edit", {"activity_id": "activity"}),
    ("commissioning:decision_add", {}),
    ("commissioning:decision_revise", {"decision_id": "decision"}),
    ("commissioning:delivery_edit", {"decision_id": "decision"}),
]

ROWS: list[Row] = [
    Row("commissioning:programme_list", signed_in()),
    Row("commissioning:programme_add", RUNNING),
    Row("commissioning:programme_detail", MEMBERS, kwargs=programme),
    Row("commissioning:programme_detail", RUNNING, kwargs=other, id="commissioning:programme_detail[not a member]"),
    Row("commissioning:programme_detail", public(), kwargs=public_programme, id="commissioning:programme_detail[public]"),
    # "You said, we did": as open as the overview.
    Row("commissioning:delivery_list", MEMBERS, kwargs=programme),
    Row("commissioning:delivery_list", RUNNING, kwargs=other, id="commissioning:delivery_list[not a member]"),
    Row("commissioning:delivery_list", public(), kwargs=public_programme, id="commissioning:delivery_list[public]"),
    *MEMBER_ROWS,
    *(Row(url_name, RUNNING, kwargs=_kwargs("programme", keys)) for url_name, keys in MANAGEMENT_PAGES),
    # POST only: the buttons on the pages above (tests/commissioning/test_programmes.py).
    Row("commissioning:key_date_remove", POST_ONLY, kwargs=_kwargs("programme", {"key_date_id": "key_date"})),
    Row("commissioning:stage_move", POST_ONLY, kwargs=_kwargs("programme", {"stage_id": "stage"})),
]
