"""Administrators: accounts inactive for INACTIVE_ACCOUNT_DAYS, and disabling one."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record_many

from ..forms import ConfirmForm
from .inactive_accounts import account_disable_inactive, inactive_accounts

PER_PAGE = 25


@require_GET
def inactive_account_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("governance.review_inactive_accounts"):
        raise PermissionDenied
    page = Paginator(inactive_accounts(), PER_PAGE).get_page(request.GET.get("page"))
    audit_record_many(actor=request.user, action=AuditEvent.Action.VIEW, objects=page.object_list,
                      subject_of=lambda user: user, request=request, detail="inactive accounts")
    return render(request, "governance/access/inactive_accounts.html", {"page": page, "days": settings.INACTIVE_ACCOUNT_DAYS})


@require_http_methods(["GET", "POST"])
def inactive_account_disable(request: HttpRequest, user_id: int) -> HttpResponse:
    if not request.user.has_perm("governance.review_inactive_accounts"):
        raise PermissionDenied
    # Only an account on the inactive list can be disabled here.
    account = inactive_accounts().filter(pk=user_id).first()
    if account is None:
        raise Http404
    form = ConfirmForm(data=request.POST if request.method == "POST" else None, button="Disable account")
    if request.method == "POST":
        account_disable_inactive(user=account, by=request.user, request=request)
        messages.success(request, f"{account.full_name}'s account is disabled and they have been signed out everywhere")
        return redirect("governance:inactive_accounts")
    context = {"account": account, "form": form, "days": settings.INACTIVE_ACCOUNT_DAYS}
    return render(request, "governance/access/disable_account.html", context)
