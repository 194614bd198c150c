"""Authorization matrix rows for co-delivered training (see tests/authorization_matrix.py).

The programme's group (PERSON, CARER) and commissioners see the training; commissioners run it."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Row, only

MEMBERS = only(Role.PERSON, Role.CARER, Role.COMMISSIONER)
RUNNING = only(Role.COMMISSIONER)


def programme(world) -> dict:
    return {"programme_id": world["programme"].pk}


def course(world) -> dict:
    return {**programme(world), "course_id": world["training_course"].pk}


def session(world) -> dict:
    return {**course(world), "session_id": world["training_session"].pk}


ROWS: list[Row] = [
    Row("training:course_list", MEMBERS, kwargs=programme),
    Row("training:course_list", RUNNING, kwargs=lambda w: {"programme_id": w["other_programme"].pk}, id="training:course_list[not a member]"),
    Row("training:course_add", RUNNING, kwargs=programme),
    Row("training:course_detail", MEMBERS, kwargs=course),
    Row("training:session_add", RUNNING, kwargs=course),
    Row("training:session_detail", MEMBERS, kwargs=session),
    Row("training:co_trainer_add", RUNNING, kwargs=session),
    Row("training:booking_add", RUNNING, kwargs=session),
    Row("training:attendance", RUNNING, kwargs=session),
    Row("training:material_add", RUNNING, kwargs=session),
    Row("training:material_file", MEMBERS, kwargs=lambda w: {**session(w), "material_id": w["training_material"].pk}),
]
