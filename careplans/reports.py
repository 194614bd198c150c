"""The plan in each format a person may need, made by the report pipeline: a tagged PDF in
standard or large print or Easy Read, a braille-ready file, or the Easy Read words read aloud."""

from coproduction.reports.kinds import REPORT_KINDS, ReportKind
from coproduction.reports.models import ReportJob

from . import formats
from .plan_content import describe
from .selectors import reviews_finished

# The format each kind makes, as the agreement section and the person's record name it.
KIND_FOR_FORMAT = {
    formats.STANDARD: ReportJob.Kind.CARE_PLAN,
    formats.LARGE_PRINT: ReportJob.Kind.CARE_PLAN_LARGE,
    formats.EASY_READ: ReportJob.Kind.CARE_PLAN_EASY_READ,
    formats.BRAILLE: ReportJob.Kind.CARE_PLAN_BRAILLE,
    formats.AUDIO: ReportJob.Kind.CARE_PLAN_AUDIO,
}


def _plan_context(job: ReportJob, progress) -> dict:
    plan = job.subject
    person = plan.person
    progress(30)
    own = person.user_id is not None and job.requested_by_id == person.user_id  # the person's own copy says "you"
    return {"plan": plan, "person": person, "sections": describe(plan, person, own=own, shown_to_read=True), "own": own, "reviews": reviews_finished(person=person), "job": job, "large_print": job.kind == ReportJob.Kind.CARE_PLAN_LARGE}


def _easy_read_context(job: ReportJob, progress) -> dict:
    plan = job.subject
    progress(20)
    about, parts = formats.easy_read(plan, plan.person)
    progress(30)
    return {"plan": plan, "person": plan.person, "about": about, "parts": parts, "job": job, "attribution": formats.ATTRIBUTION, "progress": progress}


def _braille_file(context: dict) -> bytes:
    return formats.brf_file(context["about"], context["parts"])


def _audio_file(context: dict) -> bytes:
    return formats.audio_zip(context["about"], context["parts"], progress=context["progress"])


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
REPORT_KINDS[ReportJob.Kind.CARE_PLAN_EASY_READ] = ReportKind(
    "careplans/pdf/plan_easy_read.html", "Care and support plan (Easy Read)", _easy_read_context, view_perm="careplans.view_plan",
    perm_object=_plan_person,
)
REPORT_KINDS[ReportJob.Kind.CARE_PLAN_BRAILLE] = ReportKind(
    "", "Care and support plan (braille-ready file)", _easy_read_context, render_file=_braille_file,
    view_perm="careplans.view_plan", perm_object=_plan_person,
)
REPORT_KINDS[ReportJob.Kind.CARE_PLAN_AUDIO] = ReportKind(
    "", "Care and support plan (audio)", _easy_read_context, render_file=_audio_file,
    view_perm="careplans.view_plan", perm_object=_plan_person,
)
