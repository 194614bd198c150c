"""Access review: who opened or changed a person's record, and when."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from coproduction.audit.models import AuditEvent
from coproduction.audit.selectors import audit_event_none
from coproduction.audit.services import audit_record
from coproduction.core.access import get_visible_or_404
from coproduction.core.paging import countless_page

from .forms import AccessReviewFilterForm
from .selectors import access_events_for_person, people_to_review

PER_PAGE = 50


@require_GET
def access_review(request: HttpRequest, person_id: int) -> HttpResponse:
    # Not allowed and not there look the same: that a person is known to the council is private.
    person = get_visible_or_404(request, people_to_review(), "governance.view_access_review",
                                visible_perm="governance.view_access_review", pk=person_id)
    form = AccessReviewFilterForm(data=request.GET if "date_from" in request.GET or "date_to" in request.GET else None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if form.is_bound and not form.is_valid():
        page = countless_page(audit_event_none(), None, PER_PAGE)
    else:
        events = access_events_for_person(person=person, date_from=filters.get("date_from"), date_to=filters.get("date_to"))
        page = countless_page(events, request.GET.get("page"), PER_PAGE)
    audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=person, subject=person.user, request=request,
                 detail="access review")
    kept = {key: request.GET[key] for key in ("date_from", "date_to") if request.GET.get(key)}
    extra = f"{urlencode(kept)}&" if kept and form.is_valid() else ""
    return render(request, "governance/access/review.html", {
        "person": person, "form": form, "page": page, "extra_query": extra,
        "can_open_record": request.user.has_perm("careplans.view_person", person),
    })
