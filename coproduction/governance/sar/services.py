"""Writes for subject access requests: asking for the export, and auditing the search and downloads."""

from django.db import models, transaction
from django.http import HttpRequest

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.personal_data import Subject
from coproduction.reports.models import ReportJob
from coproduction.reports.services import report_job_request


@transaction.atomic
def sar_request(*, about: models.Model, requested_by, request: HttpRequest | None = None) -> ReportJob:
    """Ask for both files about a Person (or an account with no person's record). Each job is
    audited as an export about the subject; the PDF job names the ZIP job, so one page shows both.
    Returns the PDF job."""
    subject = Subject.of(about)
    zip_job = report_job_request(
        kind=ReportJob.Kind.SUBJECT_ACCESS_ZIP, requested_by=requested_by, subject=about,
        subject_user=subject.user, request=request,
    )
    return report_job_request(
        kind=ReportJob.Kind.SUBJECT_ACCESS_PDF, requested_by=requested_by, subject=about,
        subject_user=subject.user, request=request, options={"zip_job": str(zip_job.pk)},
    )


def sar_search_record(*, by, request: HttpRequest | None = None) -> None:
    # The words searched for are personal data: the trail keeps only that a search happened.
    audit_record(actor=by, action=AuditEvent.Action.SEARCH, request=request, detail="subject access search")


def sar_subject_viewed(*, by, about: models.Model, request: HttpRequest | None = None) -> None:
    audit_record(
        actor=by, action=AuditEvent.Action.VIEW, obj=about, subject=Subject.of(about).user, request=request,
        detail="subject access: person chosen",
    )


def sar_download_record(*, by, job: ReportJob, request: HttpRequest | None = None) -> None:
    about = job.subject
    audit_record(
        actor=by, action=AuditEvent.Action.DOWNLOAD, obj=about,
        subject=Subject.of(about).user if about is not None else None, request=request,
        detail=f"subject access export downloaded: {job.extension}",
    )
