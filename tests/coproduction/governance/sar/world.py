"""sar records for the authorization matrix and the accessibility test."""


def build_sar_world(world: dict) -> dict:
    """A finished subject access export (PDF and ZIP) about the person, asked for by the administrator."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.files.base import ContentFile

    from coproduction.accounts.models import Role
    from coproduction.reports.models import ReportJob
    from tests.coproduction.reports.factories import ReportJobFactory

    administrator, person = world["users"][Role.ADMINISTRATOR], world["person"]
    about = {"subject_type": ContentType.objects.get_for_model(person), "subject_id": str(person.pk)}
    zip_job = ReportJobFactory(
        kind=ReportJob.Kind.SUBJECT_ACCESS_ZIP, requested_by=administrator, status=ReportJob.Status.DONE, **about
    )
    zip_job.file.save(f"reports/{zip_job.pk}.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18), save=True)
    pdf_job = ReportJobFactory(
        kind=ReportJob.Kind.SUBJECT_ACCESS_PDF, requested_by=administrator, status=ReportJob.Status.DONE,
        page_count=3, options={"zip_job": str(zip_job.pk)}, **about,
    )
    pdf_job.file.save(f"reports/{pdf_job.pk}.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    return {"sar_job": pdf_job, "sar_zip_job": zip_job}
