"""Authorization matrix rows for the workshops pages (see tests/authorization_matrix.py).

world["workshop"] is upcoming in world["programme"] (members: PERSON and CARER; commissioners
organise); only PERSON is invited. world["past_workshop"] has happened; world["other_workshop"]
is in a programme nobody in the world belongs to."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, signed_in

MEMBERS = only(Role.PERSON, Role.CARER, Role.COMMISSIONER)
ORGANISERS = only(Role.COMMISSIONER)


def programme(world) -> dict:
    return {"programme_id": world["programme"].pk}


def workshop(world) -> dict:
    return {"programme_id": world["programme"].pk, "workshop_id": world["workshop"].pk}


def past_workshop(world) -> dict:
    return {"programme_id": world["programme"].pk, "workshop_id": world["past_workshop"].pk}


ROWS: list[Row] = [
    Row("workshops:workshop_list", MEMBERS, kwargs=programme),
    Row(
        "workshops:workshop_list", ORGANISERS, kwargs=lambda world: {"programme_id": world["other_programme"].pk},
        id="workshops:workshop_list[not a member]",
    ),
    Row("workshops:workshop_add", ORGANISERS, kwargs=programme),
    Row("workshops:workshop_detail", MEMBERS, kwargs=workshop),
    Row("workshops:workshop_detail", MEMBERS, kwargs=past_workshop, id="workshops:workshop_detail[past]"),
    Row(
        "workshops:workshop_detail", ORGANISERS,
        kwargs=lambda world: {"programme_id": world["other_programme"].pk, "workshop_id": world["other_workshop"].pk},
        id="workshops:workshop_detail[not a member]",
    ),
    Row(  # a workshop asked for through the wrong programme is not found, even by organisers
        "workshops:workshop_detail", only(),
        kwargs=lambda world: {"programme_id": world["programme"].pk, "workshop_id": world["other_workshop"].pk},
        id="workshops:workshop_detail[wrong programme]",
    ),
    Row("workshops:workshop_edit", ORGANISERS, kwargs=workshop),
    Row("workshops:invite", ORGANISERS, kwargs=workshop),
    Row("workshops:guest_invite", ORGANISERS, kwargs=workshop),
    Row("workshops:guest_invitation", ORGANISERS, kwargs=lambda world: {**workshop(world), "guest_id": world["guest_invitation"].pk}),
    Row("workshops:reply", only(Role.PERSON), kwargs=workshop),  # invited; the carer is not
    Row("workshops:reply", only(Role.PERSON, Role.CARER), kwargs=past_workshop, id="workshops:reply[past]"),  # both invited
    Row("workshops:attendance", ORGANISERS, kwargs=past_workshop),
    Row("workshops:outcomes", ORGANISERS, kwargs=past_workshop),
    Row(
        "workshops:idea_remove", signed_in(Expect.METHOD_NOT_ALLOWED),  # POST only
        kwargs=lambda world: {**past_workshop(world), "idea_id": world["idea"].pk},
    ),
    Row("workshops:fed_edit", ORGANISERS, kwargs=past_workshop),
    Row("workshops:my_invitations", signed_in()),
]
