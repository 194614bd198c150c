from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from coproduction.core.paging import countless_page
from coproduction.core.search import search_form_from_session

from .forms import AuditSearchForm
from .models import AuditEvent
from .selectors import audit_event_list_visible_to, audit_event_none, audit_event_search
from .services import audit_record


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def event_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("audit.view_auditevent"):
        raise PermissionDenied
    form, done = search_form_from_session(request, key="audit", form_class=AuditSearchForm)
    if done:
        # Searching the trail reads personal data too; the terms are not stored in it.
        audit_record(actor=request.user, action=AuditEvent.Action.SEARCH, request=request, detail="audit trail")
        return done
    if form.is_bound and form.is_valid():
        events = audit_event_search(user=request.user, **{k: v for k, v in form.cleaned_data.items() if v})
    elif form.is_bound:
        events = audit_event_none()
    else:
        events = audit_event_list_visible_to(user=request.user)
    page = countless_page(events, request.GET.get("page"), 50)
    template = "audit/event_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#event-table"
    return render(request, template, {"form": form, "page": page, "searching": form.is_bound})
