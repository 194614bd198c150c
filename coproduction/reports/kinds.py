"""What each report kind contains: a print template and the data it needs."""

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings

from coproduction.core.personal_data import (
    Subject,
    collect_for_user,
    entries,
    queryset_for,
    queryset_for_subject,
)

from .models import ReportJob

# Per cent done while gathering, below 60: the rest is for saving the source and laying it out.
Progress = Callable[[int], None]


def _the_subject(subject):
    return subject


@dataclass(frozen=True)
class TimeLimit:
    """How long a job of a kind may run: a base, plus an allowance for each row it will hold,
    counted when the job is queued, so a big export gets the time it needs and a small one is
    still stopped soon if something is wrong."""

    base: int | None = None  # seconds; None for settings.REPORT_TIME_LIMIT
    per_row: float = 0.0
    rows: Callable[[ReportJob], int] | None = None

    def measure(self, job: ReportJob) -> tuple[int | None, int]:
        """The rows counted (None if this kind counts nothing) and the seconds the job may take."""
        rows = self.rows(job) if self.rows is not None else None
        seconds = (self.base or settings.REPORT_TIME_LIMIT) + math.ceil(self.per_row * (rows or 0))
        return rows, min(seconds, settings.REPORT_TIME_LIMIT_MAX)


@dataclass(frozen=True)
class ReportKind:
    template: str
    title: str
    build_context: Callable[[ReportJob, Progress], dict]
    # For a spreadsheet instead of a PDF: turns the context into the file's bytes.
    render_file: Callable[[dict], bytes] | None = None
    # The permission the requester needs, on what perm_object gives for the report's subject,
    # to have the report. Checked on every look at the job and before its file is kept, so
    # losing access (a consent withdrawn, leaving a team or a programme) ends it at once.
    view_perm: str = field(kw_only=True)
    perm_object: Callable[[object], object] = field(default=_the_subject, kw_only=True)
    # True when others with the same permission open the file too (a subject access export,
    # which any administrator may download): it is not stopped when its requester loses access.
    shared: bool = field(default=False, kw_only=True)
    # How long its jobs may run, sized when each is queued; by default a fixed REPORT_TIME_LIMIT.
    time_limit: TimeLimit = field(default=TimeLimit(), kw_only=True)


def _my_data_rows(job: ReportJob) -> int:
    """The rows "your data" will list: one count per registered model, each capped as the export caps it."""
    user = job.subject
    return sum(min(queryset_for(entry, user).count(), entry.limit or math.inf) for entry in entries())


def _subject_access_rows(job: ReportJob) -> int:
    """The rows a subject access export will hold: everything registered about the subject."""
    subject = Subject.of(job.subject)
    return sum(queryset_for_subject(entry, subject).count() for entry in entries())


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
        view_perm="reports.view_my_data",
        # About 17 rows a page: a 93-page export (17 to 24 s on a quiet server) is given about 70 s.
        time_limit=TimeLimit(base=30, per_row=0.025, rows=_my_data_rows),
    ),
    # A subject access request: the subject is the Person, or the User when there is no Person record.
    ReportJob.Kind.SUBJECT_ACCESS_PDF: ReportKind(
        template="reports/pdf/subject_access.html",
        title="Subject access request",
        build_context=_subject_access_context,
        view_perm="governance.manage_subject_access",
        shared=True,
        time_limit=TimeLimit(base=30, per_row=0.025, rows=_subject_access_rows),
    ),
    ReportJob.Kind.SUBJECT_ACCESS_ZIP: ReportKind(
        template="",
        title="Subject access request (ZIP)",
        build_context=_subject_access_context,
        render_file=_subject_access_zip,
        view_perm="governance.manage_subject_access",
        shared=True,
        # No pages to lay out: gathering is most of the work.
        time_limit=TimeLimit(base=30, per_row=0.01, rows=_subject_access_rows),
    ),
}
