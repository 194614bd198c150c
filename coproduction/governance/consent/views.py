"""The consent register pages: a person's register for the staff who work with them, each
signed-in user's own consents, and withdrawing one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from coproduction.people.selectors import person_list_visible_to
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access import get_visible_or_404, require_visible

from . import selectors as consent_selectors, services as consent_services
from .forms import ConsentWithdrawForm

PER_PAGE = 25


@require_GET
def consent_register(request: HttpRequest, person_id: int) -> HttpResponse:
    # Outside the user's scope is a 404: that a person is known to the council is private too.
    person = get_visible_or_404(request, person_list_visible_to(user=request.user), "governance.view_consent_register", pk=person_id)
    page = Paginator(consent_selectors.consent_register_for(person=person), PER_PAGE).get_page(request.GET.get("page"))
    audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=person, subject=person.user, request=request,
                 detail="consent register")
    return render(request, "governance/consent/register.html", {"person": person, "page": page})


@require_GET
def my_consents(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("governance.view_own_consents"):
        raise PermissionDenied
    page = Paginator(consent_selectors.consents_of_user(user=request.user), PER_PAGE).get_page(request.GET.get("page"))
    for consent in page:
        # A representative sees that the person's consent about them was given or withdrawn,
        # never the person's reasons, which may be private (or a safeguarding matter).
        consent.hide_notes = consent.user_id != request.user.pk and (consent.person is None or consent.person.user_id != request.user.pk)
    audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=request.user, subject=request.user,
                 request=request, detail="own consents")
    return render(request, "governance/consent/mine.html", {"page": page})


@require_http_methods(["GET", "POST"])
def consent_withdraw(request: HttpRequest, consent_id: int) -> HttpResponse:
    # One answer for "no such consent" and "not yours to withdraw".
    consent = require_visible(request, consent_selectors.consent_for_withdrawal(consent_id=consent_id),
                              "governance.withdraw_consent", visible_perm="governance.withdraw_consent")
    own = _is_own(request.user, consent)
    back = ("governance:my_consents", {}) if own else ("governance:consent_register", {"person_id": consent.person_id})
    if consent.superseded or consent.event != consent.Event.GIVEN:
        messages.info(request, "That consent has already been withdrawn")
        return redirect(back[0], **back[1])
    form = ConsentWithdrawForm(data=request.POST if request.method == "POST" else None, own=own)
    if form.is_valid():
        try:
            consent_services.withdraw_consent(consent=consent, by=request.user, reason=form.cleaned_data["reason"], request=request)
        except ValidationError as exc:
            messages.info(request, exc.messages[0])
        else:
            messages.success(request, "Consent withdrawn. It has stopped everywhere it was used.")
        return redirect(back[0], **back[1])
    if request.method == "GET":
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=consent,
                     subject=consent_services.subject_user(consent), request=request)
    context = {"consent": consent, "form": form, "own": own, "back_url": back}
    return render(request, "governance/consent/withdraw.html", context)


def _is_own(user, consent) -> bool:
    """The signed-in user's own consent (or one about them as a representative), rather than
    one a member of staff withdraws for the person they work with."""
    if consent.user_id is not None:
        return consent.user_id == user.pk
    if consent.person_id is not None and consent.person.user_id == user.pk:
        return True
    return consent.representative_id is not None and consent.representative.user_id == user.pk
