"""Authorization matrix rows for peer research (see tests/authorization_matrix.py).

The programme's group (PERSON, CARER) and commissioners see the research and record interviews
and findings; commissioners start projects."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, signed_in

MEMBERS = only(Role.PERSON, Role.CARER, Role.COMMISSIONER)
RUNNING = only(Role.COMMISSIONER)


def programme(world) -> dict:
    return {"programme_id": world["programme"].pk}


def project(world) -> dict:
    return {**programme(world), "project_id": world["research_project"].pk}


ROWS: list[Row] = [
    Row("research:project_list", MEMBERS, kwargs=programme),
    Row("research:project_list", RUNNING, kwargs=lambda w: {"programme_id": w["other_programme"].pk}, id="research:project_list[not a member]"),
    Row("research:project_add", RUNNING, kwargs=programme),
    Row("research:project_detail", MEMBERS, kwargs=project),
    Row("research:interview_add", MEMBERS, kwargs=project),
    Row("research:finding_add", MEMBERS, kwargs=project),
    Row("research:findings_pdf", signed_in(Expect.METHOD_NOT_ALLOWED), kwargs=project),  # POST only
    Row("research:finding_theme", signed_in(Expect.METHOD_NOT_ALLOWED),
        kwargs=lambda w: {**programme(w), "finding_id": w["research_finding"].pk}),  # POST only
    Row("research:priority_findings", MEMBERS, kwargs=lambda w: {**programme(w), "priority_id": w["priority"].pk}),
]
