"""The plan as a tagged PDF, standard or large print, made by the report pipeline."""

from coproduction.reports.kinds import REPORT_KINDS, ReportKind
from coproduction.reports.models import ReportJob

from .plan_content import describe


def _plan_context(job: ReportJob, progress) -> dict:
    plan = job.subject
    person = plan.person
    progress(30)
    return {"plan": plan, "person": person, "sections": describe(plan, person), "job": job, "large_print": job.kind == ReportJob.Kind.CARE_PLAN_LARGE}


REPORT_KINDS[ReportJob.Kind.CARE_PLAN] = ReportKind("careplans/pdf/plan.html", "Care and support plan", _plan_context)
REPORT_KINDS[ReportJob.Kind.CARE_PLAN_LARGE] = ReportKind("careplans/pdf/plan.html", "Care and support plan (large print)", _plan_context)
