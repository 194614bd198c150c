"""Subject access requests: an administrator finds a person, asks for the export, and downloads it."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from coproduction.people.models import Person
from coproduction.core.access import get_visible_or_404
from coproduction.core.access import require_perm
from coproduction.core.downloads import private_file_response
from coproduction.reports.models import ReportJob

from .forms import SubjectSearchForm
from .selectors import (
    sar_accounts_without_record,
    sar_job_list,
    sar_job_pair,
    sar_people,
    sar_subject_search,
)
from .services import (
    sar_download_record,
    sar_request,
    sar_search_record,
    sar_subject_viewed,
)

# The words searched for wait in the session, never in the URL: they are often a name.
SESSION_KEY = "sar_search_query"
PER_PAGE = 20


def _require_manage(request: HttpRequest) -> None:
    require_perm(request, "governance.manage_subject_access")


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def sar_search(request: HttpRequest) -> HttpResponse:
    _require_manage(request)
    if request.method == "POST":
        form = SubjectSearchForm(data=request.POST)
        if form.is_valid():
            request.session[SESSION_KEY] = form.cleaned_data["query"]
            sar_search_record(by=request.user, request=request)
            return redirect("governance:sar_search")
        return render(request, "governance/sar/search.html", {"form": form, "page": None})
    if request.GET.get("clear"):
        request.session.pop(SESSION_KEY, None)
        return redirect("governance:sar_search")
    query = request.session.get(SESSION_KEY, "")
    form = SubjectSearchForm(initial={"query": query})
    page = Paginator(sar_subject_search(query=query), PER_PAGE).get_page(request.GET.get("page")) if query else None
    template = "governance/sar/search.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results"
    return render(request, template, {"form": form, "page": page, "query": query})


def _confirm(request: HttpRequest, about) -> HttpResponse:
    if request.method == "POST":
        job = sar_request(about=about, requested_by=request.user, request=request)
        return redirect("governance:sar_detail", job_id=job.pk)
    sar_subject_viewed(by=request.user, about=about, request=request)
    return render(request, "governance/sar/confirm.html", {"about": about, "is_person": isinstance(about, Person)})


@require_http_methods(["GET", "POST"])
def sar_person(request: HttpRequest, person_id: int) -> HttpResponse:
    _require_manage(request)
    return _confirm(request, get_visible_or_404(request, sar_people(), pk=person_id))


@require_http_methods(["GET", "POST"])
def sar_account(request: HttpRequest, user_id: int) -> HttpResponse:
    _require_manage(request)
    account = get_visible_or_404(request, sar_accounts_without_record(), pk=user_id)
    return _confirm(request, account)


def _job_for(request: HttpRequest, job_id) -> ReportJob:
    _require_manage(request)
    return get_visible_or_404(request, sar_job_list(), "governance.view_subject_access_job", pk=job_id)


@require_GET
@vary_on_headers("HX-Request")
def sar_detail(request: HttpRequest, job_id) -> HttpResponse:
    job = _job_for(request, job_id)
    if job.kind != ReportJob.Kind.SUBJECT_ACCESS_PDF:
        raise Http404
    pdf_job, zip_job = sar_job_pair(job=job)
    jobs = [j for j in (pdf_job, zip_job) if j is not None]
    template = "governance/sar/detail.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#sar-status"
    return render(request, template, {
        "job": pdf_job, "jobs": jobs, "about": pdf_job.subject,
        "finished": all(j.is_finished for j in jobs),
    })


@require_GET
def sar_download(request: HttpRequest, job_id) -> HttpResponse:
    job = _job_for(request, job_id)
    if job.status != ReportJob.Status.DONE or not job.file:
        raise Http404
    sar_download_record(by=request.user, job=job, request=request)
    filename = f"subject-access-{job.created_at:%Y-%m-%d}.{job.extension}"
    return private_file_response(job.file, filename=filename, content_type=job.content_type)
