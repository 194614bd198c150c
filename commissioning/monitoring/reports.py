"""A monitoring meeting's papers pack (agenda, written papers, indicator figures) as a tagged
PDF, in the format the member asked for: standard, large print or Easy Read wording."""

from coproduction.reports.kinds import REPORT_KINDS, ReportKind
from coproduction.reports.models import ReportJob

from . import selectors


def _papers_context(job: ReportJob, progress) -> dict:
    from commissioning.involvement.models import DocumentFormat

    from .views import pack_context

    meeting = job.subject
    chosen = job.options.get("format") if job.options.get("format") in DocumentFormat.values else DocumentFormat.STANDARD.value
    progress(20)
    indicators = selectors.contract_indicators(contract=meeting.contract)
    progress(40)
    return {"job": job, "meeting": meeting, "contract": meeting.contract, "programme": meeting.contract.programme,
            **pack_context(meeting, chosen, indicators)}


REPORT_KINDS[ReportJob.Kind.MONITORING_PAPERS] = ReportKind(
    "monitoring/pdf/papers.html", "Monitoring meeting papers", _papers_context, view_perm="monitoring.view_meeting",
)
