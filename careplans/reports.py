"""The plan as a tagged PDF, standard or large print, made by the report pipeline."""

from coproduction.reports.kinds import REPORT_KINDS, ReportKind
from coproduction.reports.models import ReportJob

from .plan_content import describe
from .selectors import reviews_finished


def _plan_context(job: ReportJob, progress) -> dict:
    plan = job.subject
    person = plan.person
    progress(30)
    own = person.user_id is not None and job.requested_by_id == person.user_id  # the person's own copy says "you"
    return {"plan": plan, "person": person, "sections": describe(plan, person, own=own, shown_to_read=True), "own": own, "reviews": reviews_finished(person=person), "job": job, "large_print": job.kind == ReportJob.Kind.CARE_PLAN_LARGE}


def _plan_person(plan):
    return plan.person


# Only while the requester may still see the person's plan (a carer's consent standing, say).
REPORT_KINDS[ReportJob.Kind.CARE_PLAN] = ReportKind(
    "careplans/pdf/plan.html", "Care and support plan", _plan_context, view_perm="careplans.view_plan", perm_object=_plan_person,
)
REPORT_KINDS[ReportJob.Kind.CARE_PLAN_LARGE] = ReportKind(
    "careplans/pdf/plan.html", "Care and support plan (large print)", _plan_context, view_perm="careplans.view_plan",
    perm_object=_plan_person,
)
