from django.db.models import QuerySet

from .models import ReportJob


def report_job_list_visible_to(*, user) -> QuerySet[ReportJob]:
    """Jobs this user may open. Keep in step with reports.rules.is_job_requester."""
    return ReportJob.objects.filter(requested_by_id=user.pk)
