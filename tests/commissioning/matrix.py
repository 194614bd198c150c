"""Authorization matrix rows for the commissioning programme pages (see tests/authorization_matrix.py)."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Row, only, public, signed_in

# Members of world["programme"], and the commissioners who run every programme.
MEMBERS = only(Role.PERSON, Role.CARER, Role.COMMISSIONER)
# Pages only those running the programme may use.
RUNNING = only(Role.COMMISSIONER)


def programme(world) -> dict:
    return {"programme_id": world["programme"].pk}


ROWS: list[Row] = [
    Row("commissioning:programme_list", signed_in()),
    Row("commissioning:programme_detail", MEMBERS, kwargs=programme),
    Row(
        "commissioning:programme_detail", RUNNING,
        kwargs=lambda world: {"programme_id": world["other_programme"].pk}, id="commissioning:programme_detail[not a member]",
    ),
    Row(
        "commissioning:programme_detail", public(),
        kwargs=lambda world: {"programme_id": world["public_programme"].pk}, id="commissioning:programme_detail[public]",
    ),
]
