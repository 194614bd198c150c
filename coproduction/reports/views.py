from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access import get_visible_or_404
from coproduction.core.downloads import private_file_response

from .models import ReportJob
from .notices import report_job_watched
from .selectors import report_job_list_visible_to
from .services import report_job_request


@require_http_methods(["GET", "POST"])
def my_data(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("reports.request_my_data"):
        raise PermissionDenied
    if request.method == "POST":
        job = report_job_request(
            kind=ReportJob.Kind.MY_DATA,
            requested_by=request.user,
            subject=request.user,
            subject_user=request.user,
            request=request,
        )
        return redirect("reports:job_detail", job_id=job.pk)
    jobs = report_job_list_visible_to(user=request.user)
    page = Paginator(jobs, 10).get_page(request.GET.get("page"))
    return render(request, "reports/my_data.html", {"page": page})


@require_GET
@vary_on_headers("HX-Request")
def job_detail(request: HttpRequest, job_id) -> HttpResponse:
    # Outside the user's scope is a 404, not a 403: that a job exists is private too.
    job = get_visible_or_404(request, report_job_list_visible_to(user=request.user), "reports.view_reportjob", pk=job_id)
    report_job_watched(job=job, user=request.user)  # still here: no message when it is ready
    template = "reports/job_detail.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#job-status"
    return render(request, template, {"job": job})


@require_GET
def job_download(request: HttpRequest, job_id) -> HttpResponse:
    job = get_visible_or_404(request, report_job_list_visible_to(user=request.user), "reports.view_reportjob", pk=job_id)
    if job.status != ReportJob.Status.DONE or not job.file:
        raise Http404
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.DOWNLOAD,
        obj=job,
        subject=request.user if job.kind == ReportJob.Kind.MY_DATA else None,
        request=request,
        detail=f"report downloaded: {job.kind}",
    )
    return private_file_response(job.file, filename=job.filename, content_type=job.content_type)
