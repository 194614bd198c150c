"""What each report kind contains: a print template and the data it needs."""

from collections.abc import Callable
from dataclasses import dataclass

from coproduction.core.personal_data import collect_for_user

from .models import ReportJob

Progress = Callable[[int], None]


@dataclass(frozen=True)
class ReportKind:
    template: str
    title: str
    build_context: Callable[[ReportJob, Progress], dict]
    # For a spreadsheet instead of a PDF: turns the context into the file's bytes.
    render_file: Callable[[dict], bytes] | None = None


def _my_data_context(job: ReportJob, progress: Progress) -> dict:
    user = job.subject
    sections = collect_for_user(user, progress=lambda done, total: progress(10 + 50 * done // total))
    return {"person": user, "sections": sections, "job": job}


REPORT_KINDS: dict[str, ReportKind] = {
    ReportJob.Kind.MY_DATA: ReportKind(
        template="reports/pdf/my_data.html",
        title="Your data",
        build_context=_my_data_context,
    ),
}
