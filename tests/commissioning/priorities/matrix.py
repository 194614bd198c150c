"""Authorization matrix rows for the priorities pages (see tests/authorization_matrix.py).

Members of world["programme"] (the PERSON and CARER users) and commissioners see and take part;
only commissioners agree the shortlist and edit the outcomes framework. Nobody outside a
members-only programme sees any of it, nor the members-only pages of a public programme."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, signed_in

MEMBERS = only(Role.PERSON, Role.CARER, Role.COMMISSIONER)
RUNNING = only(Role.COMMISSIONER)
POST_ONLY = signed_in(Expect.METHOD_NOT_ALLOWED)


def programme(world) -> dict:
    return {"programme_id": world["programme"].pk}


def priority(world) -> dict:
    return {**programme(world), "priority_id": world["priority"].pk}


def outcome(world) -> dict:
    return {**programme(world), "outcome_id": world["priority_outcome"].pk}


def indicator(world) -> dict:
    return {**programme(world), "indicator_id": world["priority_indicator"].pk}


def story(world) -> dict:
    return {**programme(world), "evidence_id": world["priority_story"].pk}


def data_evidence(world) -> dict:
    return {**programme(world), "evidence_id": world["priority_evidence"].pk}


ROWS: list[Row] = [
    Row("priorities:priority_list", MEMBERS, kwargs=programme),
    Row(
        "priorities:priority_list", RUNNING, kwargs=lambda world: {"programme_id": world["other_programme"].pk},
        id="priorities:priority_list[not a member]",
    ),
    Row(
        "priorities:priority_list", RUNNING, kwargs=lambda world: {"programme_id": world["public_programme"].pk},
        id="priorities:priority_list[public programme]",
    ),
    Row("priorities:priority_propose", MEMBERS, kwargs=programme),
    Row("priorities:priority_detail", MEMBERS, kwargs=priority),
    Row(  # the priority's id under another programme's address: not found, for everyone
        "priorities:priority_detail", only(),
        kwargs=lambda world: {"programme_id": world["other_programme"].pk, "priority_id": world["priority"].pk},
        id="priorities:priority_detail[wrong programme]",
    ),
    Row("priorities:priority_comment", POST_ONLY, kwargs=priority),
    Row("priorities:priority_support", POST_ONLY, kwargs=priority),
    Row("priorities:priority_support_withdraw", POST_ONLY, kwargs=priority),
    Row("priorities:shortlist_agree", RUNNING, kwargs=programme),
    Row("priorities:outcome_list", MEMBERS, kwargs=programme),
    Row(
        "priorities:outcome_list", RUNNING, kwargs=lambda world: {"programme_id": world["other_programme"].pk},
        id="priorities:outcome_list[not a member]",
    ),
    Row("priorities:outcome_framework_csv", MEMBERS, kwargs=programme),
    Row("priorities:outcome_add", RUNNING, kwargs=programme),
    Row("priorities:outcome_from_priority", POST_ONLY, kwargs=priority),
    Row("priorities:outcome_detail", MEMBERS, kwargs=outcome),
    Row("priorities:outcome_edit", RUNNING, kwargs=outcome),
    Row("priorities:outcome_comment", POST_ONLY, kwargs=outcome),
    Row("priorities:indicator_add", RUNNING, kwargs=outcome),
    Row("priorities:indicator_edit", RUNNING, kwargs=indicator),
    Row("priorities:indicator_retire", POST_ONLY, kwargs=indicator),
    Row("priorities:evidence_list", MEMBERS, kwargs=programme),
    Row(
        "priorities:evidence_list", RUNNING, kwargs=lambda world: {"programme_id": world["other_programme"].pk},
        id="priorities:evidence_list[not a member]",
    ),
    Row("priorities:evidence_add", MEMBERS, kwargs=programme),
    Row("priorities:evidence_detail", MEMBERS, kwargs=story),
    Row("priorities:evidence_file", MEMBERS, kwargs=data_evidence),
    # The teller (who recorded their own story) and commissioners may withdraw it; other members may not.
    Row("priorities:evidence_withdraw", only(Role.PERSON, Role.COMMISSIONER), kwargs=story),
    Row("priorities:evidence_withdraw", RUNNING, kwargs=data_evidence, id="priorities:evidence_withdraw[local data]"),
]
