"""Administrator pages for the retention schedule: the schedule, what tonight's run would
do, past runs, and erasure requests."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access import require_perm
from coproduction.core.forms import errors_onto_form
from coproduction.core.paging import countless_page

from ..forms import ConfirmForm
from ..models import ErasureRequest
from . import selectors as retention_selectors, services as retention
from .forms import ErasureRequestForm

PER_PAGE = 25


@require_GET
def retention_schedule(request: HttpRequest) -> HttpResponse:
    require_perm(request, "governance.view_retention")
    return render(request, "governance/retention/schedule.html", {"rows": retention_selectors.schedule_rows()})


@require_GET
def retention_due(request: HttpRequest) -> HttpResponse:
    """The dry run: counts per record type, and one type's records (ids and dates only)."""
    require_perm(request, "governance.view_retention")
    schedule = settings.RETENTION_SCHEDULE
    record_type = request.GET.get("type") or next(iter(schedule))
    if record_type not in schedule:
        raise Http404
    counts = retention_selectors.due_counts()
    page = countless_page(retention_selectors.due_list(record_type), request.GET.get("page"), PER_PAGE)
    page.object_list = retention_selectors.due_rows(record_type, page.object_list)
    rows = [{**entry, "count": counts[key], "record_type": key} for key, entry in schedule.items()]
    context = {"rows": rows, "record_type": record_type, "entry": schedule[record_type], "page": page,
               "extra_query": f"type={record_type}&"}
    return render(request, "governance/retention/due.html", context)


@require_GET
def retention_runs(request: HttpRequest) -> HttpResponse:
    require_perm(request, "governance.view_retention")
    page = Paginator(retention_selectors.retention_runs(), PER_PAGE).get_page(request.GET.get("page"))
    labels = {key: entry["label"] for key, entry in settings.RETENTION_SCHEDULE.items()}
    for run in page:
        run.count_rows = [(labels.get(key, key), count) for key, count in run.counts.items()]
    return render(request, "governance/retention/runs.html", {"page": page})


@require_GET
def erasure_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "governance.apply_erasure")
    requests = retention_selectors.erasure_requests()
    page = Paginator(requests, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "governance/retention/erasure_list.html", {"page": page})


@require_http_methods(["GET", "POST"])
def erasure_add(request: HttpRequest) -> HttpResponse:
    require_perm(request, "governance.apply_erasure")
    form = ErasureRequestForm(data=request.POST if request.method == "POST" else None)
    if form.is_valid():
        person = account = None
        if form.cleaned_data["person_id"]:
            person = retention_selectors.person_to_erase(person_id=form.cleaned_data["person_id"])
            if person is None:
                form.add_error("person_id", "There is no care record with that number")
        else:
            account = retention_selectors.account_to_erase(email=form.cleaned_data["email"])
            if account is None:
                form.add_error("email", "There is no account with that email address")
        if person is not None or account is not None:
            try:
                erasure = retention.erasure_request_record(
                    person=person, user=account, received_on=form.cleaned_data["received_on"], reason=form.cleaned_data["reason"],
                    ground=form.cleaned_data["ground"], by=request.user, request=request,
                )
            except ValidationError as exc:
                errors_onto_form(form, exc)
            else:
                if erasure.status == ErasureRequest.Status.REFUSED:
                    messages.success(request, "Request recorded as refused, with the reason the council must keep the record")
                return redirect("governance:erasure_detail", erasure_id=erasure.pk)
    return render(request, "governance/retention/erasure_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def erasure_detail(request: HttpRequest, erasure_id: int) -> HttpResponse:
    """The request and its outcome; while it waits, the confirmation before erasing."""
    require_perm(request, "governance.apply_erasure")
    erasure = retention_selectors.erasure_request_or_404(erasure_id=erasure_id)
    awaiting = erasure.status == ErasureRequest.Status.AWAITING
    form = ConfirmForm(data=request.POST if request.method == "POST" else None, button="Erase now")
    if request.method == "POST":
        if not awaiting:
            messages.info(request, "This request has already been dealt with")
            return redirect("governance:erasure_detail", erasure_id=erasure.pk)
        try:
            retention.erasure_carry_out(erasure=erasure, by=request.user, request=request)
        except ValidationError as exc:
            messages.info(request, exc.messages[0])
        else:
            messages.success(request, "Erased. What was done is recorded below and in the audit trail.")
        return redirect("governance:erasure_detail", erasure_id=erasure.pk)
    subject = erasure.person.user if erasure.person_id else erasure.user
    audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=erasure, subject=subject, request=request)
    labels = {key: entry["label"] for key, entry in settings.RETENTION_SCHEDULE.items()}
    labels["accounts"] = "Accounts closed, with their name and email removed"
    context = {
        "erasure": erasure, "form": form, "awaiting": awaiting,
        "count_rows": [(labels.get(key, key), count) for key, count in erasure.counts.items()],
    }
    return render(request, "governance/retention/erasure_detail.html", context)
