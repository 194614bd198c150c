"""A peer research project's findings as a tagged PDF, made by the report pipeline, for the group
to cite as evidence on priorities and specification sections."""

from coproduction.reports.kinds import REPORT_KINDS, ReportKind
from coproduction.reports.models import ReportJob

from . import selectors

# The report job's kind: the column takes any value.
FINDINGS_PDF = "research_findings"


def _findings_context(job: ReportJob, progress) -> dict:
    project = job.subject
    progress(20)
    context = {
        "job": job, "project": project, "programme": project.programme, "questions": selectors.questions_of(project=project),
        "findings": selectors.findings_of(project=project), "interview_count": project.interviews.count(),
    }
    progress(40)
    return context


REPORT_KINDS[FINDINGS_PDF] = ReportKind(
    "research/pdf/findings.html", "Peer research findings", _findings_context,
    view_perm="research.view_research", perm_object=lambda project: project.programme,
)
