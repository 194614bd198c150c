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


def _subject_access_context(job: ReportJob, progress: Progress) -> dict:
    from coproduction.governance.sar.export import (
        subject_access_context,  # governance builds on reports
    )

    return subject_access_context(job, progress)


def _subject_access_zip(context: dict) -> bytes:
    from coproduction.governance.sar.export import subject_access_zip

    return subject_access_zip(context)


REPORT_KINDS: dict[str, ReportKind] = {
    ReportJob.Kind.MY_DATA: ReportKind(
        template="reports/pdf/my_data.html",
        title="Your data",
        build_context=_my_data_context,
    ),
    # A subject access request: the subject is the Person, or the User when there is no Person record.
    ReportJob.Kind.SUBJECT_ACCESS_PDF: ReportKind(
        template="reports/pdf/subject_access.html",
        title="Subject access request",
        build_context=_subject_access_context,
    ),
    ReportJob.Kind.SUBJECT_ACCESS_ZIP: ReportKind(
        template="",
        title="Subject access request (ZIP)",
        build_context=_subject_access_context,
        render_file=_subject_access_zip,
    ),
}
