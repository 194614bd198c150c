"""Plans back to the case management system: an agreed plan, or a finished review, as a
structured JSON document (careplans/schema/case-system-plan.v1.schema.json, documented in the
README) beside its tagged PDF, carrying the person's case system id so the council's
integration team can attach both to the person's record there.

export_new() drops each agreed plan and finished review of a person linked to the case system
into the configured folder or bucket, exactly once each: safe to run twice, or at once."""

import json
import re
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.casesystem import drop
from coproduction.reports.pdf import pdf_from_html

from .models import CarePlan, CaseSystemExport, Review
from .plan_content import describe

SCHEMA_VERSION = "1.0"
SCHEMA_PATH = Path(__file__).parent / "schema" / "case-system-plan.v1.schema.json"
SCHEMA_ID = "urn:coproduction:case-system-plan:v1"
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def _when(value) -> str | None:
    return value.isoformat() if value else None


def _person(person) -> dict:
    return {
        "case_system_id": person.case_system_id,
        "nhs_number": person.nhs_number or None,
        "full_name": person.full_name,
        "preferred_name": person.preferred_name or None,
        "date_of_birth": _when(person.date_of_birth),
    }


def _envelope(kind: str, document_id: str, person, pdf_name: str) -> dict:
    return {
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "document_type": kind,
        "document_id": document_id,
        "generated_at": timezone.now().isoformat(),
        "council": settings.COUNCIL_NAME,
        "person": _person(person),
        "pdf_file": pdf_name,
    }


def _plan_part(plan: CarePlan) -> dict:
    sections = []
    for part in describe(plan, plan.person):
        sections.append({
            "key": part["section"].key,
            "number": part["section"].number,
            "title": part["section"].title,
            "status": part["status"],
            "answers": [{"question": shown.label, "answer": shown.value, "whose_words": shown.whose or None} for shown in part["fields"]],
            "lists": [
                {
                    "name": shown_list["definition"].name,
                    "title": shown_list["definition"].label,
                    "items": [[{"question": f.label, "answer": f.value} for f in item["fields"]] for item in shown_list["items"]],
                }
                for shown_list in part["lists"]
            ],
            "weekly_total": f"{part['total']:.2f}" if part["total"] is not None else None,
        })
    return {
        "version": plan.version,
        "status": plan.status,
        "agreed_at": _when(plan.agreed_at),
        # Who agreed (the person, a representative, or a best-interests decision) and how;
        # recorded_by is the member of staff or the person whose account recorded it.
        "agreed_by": plan.agreed_by_name or (plan.agreed_by.full_name if plan.agreed_by_id else None),
        "agreed_how": plan.agreed_how or None,
        "agreed_on": _when(plan.agreed_on),
        "recorded_by": plan.agreed_by.full_name if plan.agreed_by_id else None,
        "review_due": _when(plan.review_due),
        "sections": sections,
    }


def base_name(person, kind: str, pk: int, version: int | None = None) -> str:
    case_id = _UNSAFE.sub("-", person.case_system_id) or "unlinked"
    return f"{case_id}_{kind}_{pk}" + (f"_v{version}" if version else "")


def plan_document(plan: CarePlan, pdf_name: str) -> dict:
    document = _envelope("care_and_support_plan", f"plan-{plan.pk}-v{plan.version}", plan.person, pdf_name)
    document["plan"] = _plan_part(plan)
    return document


def review_document(review: Review, pdf_name: str) -> dict:
    plan = review.plan
    document = _envelope("plan_review", f"review-{review.pk}", plan.person, pdf_name)
    document["review"] = {
        "held_on": _when(review.held_on),
        "finished_at": _when(review.finished_at),
        "plan_version": plan.version,
        "decision": review.decision,
        "decision_label": review.get_decision_display(),
        "decision_notes": review.decision_notes,
        "statements": [
            {"kind": item.kind, "perspective": item.perspective, "text": item.text, "theme": item.theme.name if item.theme_id else None}
            for item in review.items.select_related("theme")
        ],
        "outcomes": [{"outcome": row.outcome, "progress": row.progress, "notes": row.notes} for row in review.progress.all()],
    }
    return document


def _json_bytes(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False).encode()


def plan_pdf(plan: CarePlan) -> bytes:
    html = render_to_string("careplans/pdf/plan.html", {"plan": plan, "person": plan.person, "sections": describe(plan, plan.person)})
    return pdf_from_html(html=html, identifier=f"plan-{plan.pk}".encode())[0]


def review_pdf(review: Review) -> bytes:
    html = render_to_string("careplans/pdf/review.html", {
        "review": review, "plan": review.plan, "person": review.plan.person,
        "items": review.items.select_related("theme"), "progress": review.progress.all(),
    })
    return pdf_from_html(html=html, identifier=f"review-{review.pk}".encode())[0]


def _export_one(*, name: str, document: dict, pdf: bytes, plan=None, review=None, person) -> bool:
    """The record and both files together; False when another run exported it first."""
    try:
        with transaction.atomic():
            CaseSystemExport.objects.create(plan=plan, review=review, file_name=f"{name}.json")
            drop.drop_export(f"{name}.pdf", pdf)
            drop.drop_export(f"{name}.json", _json_bytes(document))
            audit_record(
                actor=None, action=AuditEvent.Action.EXPORT, obj=plan or review, subject=person.user if person.user_id else None,
                detail=f"sent to the case management system as {name}.json and {name}.pdf",
            )
    except IntegrityError:
        return False
    return True


def plans_to_export():
    return (
        CarePlan.objects.filter(agreed_at__isnull=False, case_system_export__isnull=True)
        .exclude(person__case_system_id="").select_related("person__user", "agreed_by").order_by("agreed_at", "pk")
    )


def reviews_to_export():
    return (
        Review.objects.filter(finished_at__isnull=False, case_system_export__isnull=True)
        .exclude(plan__person__case_system_id="").select_related("plan__person__user").order_by("finished_at", "pk")
    )


def export_new() -> int:
    """Drop every agreed plan and finished review not yet sent; each exactly once."""
    if not drop.export_configured():
        return 0
    sent = 0
    for plan in plans_to_export():
        name = base_name(plan.person, "plan", plan.pk, plan.version)
        sent += _export_one(name=name, document=plan_document(plan, f"{name}.pdf"), pdf=plan_pdf(plan), plan=plan, person=plan.person)
    for review in reviews_to_export():
        name = base_name(review.plan.person, "review", review.pk)
        sent += _export_one(name=name, document=review_document(review, f"{name}.pdf"), pdf=review_pdf(review), review=review, person=review.plan.person)
    return sent
