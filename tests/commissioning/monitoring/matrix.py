"""Authorization matrix rows for the monitoring pages (see tests/authorization_matrix.py).

A provider sees only its own organisation's contracts, and a visit report only once reviewed;
a meeting's papers go only to its members; an assessor sees only the visits assigned to them."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, signed_in

C, PERSON, CARER, PROVIDER, QA = Role.COMMISSIONER, Role.PERSON, Role.CARER, Role.PROVIDER, Role.QUALITY_ASSESSOR
RUNNING = only(C)
POST_ONLY = signed_in(Expect.METHOD_NOT_ALLOWED)
CONTRACT_READERS = only(C, PERSON, CARER, PROVIDER)
MEETING_MEMBERS = only(C, PERSON, PROVIDER)


def programme(world, key="programme") -> dict:
    return {"programme_id": world[key].pk}


def contract(world, key="monitored_contract", **extra) -> dict:
    return {"programme_id": world[key].programme_id, "contract_id": world[key].pk, **extra}


def meeting(world, **extra) -> dict:
    return contract(world, meeting_id=world["meeting"].pk, **extra)


def visit(world, key="visit") -> dict:
    return contract(world, visit_id=world[key].pk)


def framework(world, key="framework", **extra) -> dict:
    return {"programme_id": world[key].programme_id, "framework_id": world[key].pk, **extra}


ROWS: list[Row] = [
    Row("monitoring:contract_list", CONTRACT_READERS, kwargs=programme),
    Row("monitoring:contract_list", RUNNING, kwargs=lambda w: programme(w, "other_programme"), id="monitoring:contract_list[not a member]"),
    Row("monitoring:contract_add", RUNNING, kwargs=programme),
    Row("monitoring:contract_detail", CONTRACT_READERS, kwargs=contract),
    Row(  # another provider's contract: never the provider's
        "monitoring:contract_detail", only(C, PERSON, CARER), kwargs=lambda w: contract(w, "other_provider_contract"),
        id="monitoring:contract_detail[another provider]",
    ),
    Row(  # the right contract under the wrong programme: not found, for everyone
        "monitoring:contract_detail", only(), kwargs=lambda w: {"programme_id": w["other_programme"].pk, "contract_id": w["monitored_contract"].pk},
        id="monitoring:contract_detail[wrong programme]",
    ),
    Row("monitoring:contract_edit", RUNNING, kwargs=contract),
    Row("monitoring:return_list", CONTRACT_READERS, kwargs=contract),
    Row("monitoring:return_list", only(C, PERSON, CARER), kwargs=lambda w: contract(w, "other_provider_contract"),
        id="monitoring:return_list[another provider]"),
    Row("monitoring:return_start", only(PROVIDER), kwargs=contract),
    Row("monitoring:return_edit", only(PROVIDER), kwargs=lambda w: contract(w, period="2026-04")),
    Row("monitoring:return_edit", only(), kwargs=lambda w: contract(w, period="2026-05"), id="monitoring:return_edit[not a quarter]"),
    Row("monitoring:return_edit", only(), kwargs=lambda w: contract(w, "other_provider_contract", period="2026-04"),
        id="monitoring:return_edit[another provider]"),
    Row("monitoring:action_done", POST_ONLY, kwargs=lambda w: contract(w, action_id=w["meeting_action"].pk)),
    Row("monitoring:meeting_add", RUNNING, kwargs=contract),
    Row("monitoring:meeting_detail", MEETING_MEMBERS, kwargs=meeting),
    Row("monitoring:meeting_edit", RUNNING, kwargs=meeting),
    Row("monitoring:member_add", RUNNING, kwargs=meeting),
    Row("monitoring:member_remove", POST_ONLY, kwargs=lambda w: meeting(w, member_id=w["meeting_member"].pk)),
    Row("monitoring:attendance", RUNNING, kwargs=meeting),
    Row("monitoring:paper_add", RUNNING, kwargs=meeting),
    Row("monitoring:paper_file", MEETING_MEMBERS, kwargs=lambda w: meeting(w, paper_id=w["paper"].pk)),
    Row("monitoring:paper_remove", POST_ONLY, kwargs=lambda w: meeting(w, paper_id=w["paper"].pk)),
    Row("monitoring:papers_send", POST_ONLY, kwargs=meeting),
    Row("monitoring:papers_pack", MEETING_MEMBERS, kwargs=meeting),
    Row("monitoring:papers_pdf", POST_ONLY, kwargs=meeting),
    Row("monitoring:indicator_report", only(C, PERSON), kwargs=lambda w: meeting(w, indicator_id=w["priority_indicator"].pk)),
    Row("monitoring:minutes_edit", RUNNING, kwargs=meeting),
    Row("monitoring:minutes_agree", POST_ONLY, kwargs=meeting),
    Row("monitoring:meeting_action_add", RUNNING, kwargs=meeting),
    Row("monitoring:visit_add", RUNNING, kwargs=contract),
    Row("monitoring:visit_detail", only(C, QA, PROVIDER, PERSON, CARER), kwargs=visit),
    Row("monitoring:visit_detail", only(C, QA), kwargs=lambda w: visit(w, "open_visit"), id="monitoring:visit_detail[not reviewed]"),
    Row("monitoring:visit_detail", RUNNING, kwargs=lambda w: visit(w, "unassigned_visit"), id="monitoring:visit_detail[another assessor's]"),
    Row("monitoring:visit_findings", only(QA), kwargs=lambda w: visit(w, "open_visit")),
    Row("monitoring:visit_findings", only(), kwargs=lambda w: visit(w, "unassigned_visit"), id="monitoring:visit_findings[another assessor's]"),
    Row("monitoring:visit_review", RUNNING, kwargs=lambda w: visit(w, "submitted_visit")),
    Row("monitoring:visit_respond", only(PROVIDER), kwargs=visit),
    Row("monitoring:visit_action_add", RUNNING, kwargs=visit),
    Row("monitoring:visit_recognition", RUNNING, kwargs=visit),
    Row("monitoring:framework_list", only(C, PERSON, CARER, PROVIDER, QA), kwargs=programme),
    Row("monitoring:framework_list", RUNNING, kwargs=lambda w: programme(w, "other_programme"), id="monitoring:framework_list[not a member]"),
    Row("monitoring:framework_add", RUNNING, kwargs=programme),
    Row("monitoring:framework_detail", only(C, PERSON, CARER, PROVIDER, QA), kwargs=framework),
    Row("monitoring:framework_edit", RUNNING, kwargs=framework),
    Row("monitoring:characteristic_add", RUNNING, kwargs=lambda w: framework(w, "draft_framework")),
    Row("monitoring:characteristic_edit", RUNNING,
        kwargs=lambda w: framework(w, "draft_framework", characteristic_id=w["draft_characteristic"].pk)),
    Row("monitoring:characteristic_remove", POST_ONLY,
        kwargs=lambda w: framework(w, "draft_framework", characteristic_id=w["draft_characteristic"].pk)),
    Row("monitoring:my_monitoring", signed_in()),
]
