"""Pages of the recognition and expenses ledger: a person's own claims, the organiser's claims
for a programme, spend, payment files for finance and the council's rates."""

from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commissioning.access import programme_or_404
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record, audit_record_many
from coproduction.core.access import require_perm
from coproduction.core.csv_files import csv_download
from coproduction.core.forms import errors_onto_form
from coproduction.core.money import money_text

from ..models.ledger import ClaimCategory, ClaimStatus
from . import selectors, services
from .forms import (
    ClaimForm,
    OrganiserClaimForm,
    QueryForm,
    RateForm,
)

MANAGE, SPEND, EXPORT, RATES = (
    "involvement.manage_claims", "involvement.view_spend", "involvement.export_payments", "involvement.manage_rates",
)
TAB = "involvement:programme_claims"


def _year_links(year: selectors.FinancialYear) -> dict:
    return {"year": year, "previous_year": year.previous(), "next_year": year.next()}


# A person's own ledger

@require_GET
def my_claims(request: HttpRequest) -> HttpResponse:
    require_perm(request, "involvement.view_own_claims")
    year = selectors.financial_year_from(request.GET.get("year"))
    claims = selectors.claims_of(user=request.user, year=year)
    page = Paginator(claims, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "involvement/ledger/my_claims.html", {
        "page": page, "totals": selectors.person_totals(user=request.user, year=year), **_year_links(year),
        "deadline_days": settings.CLAIM_DEADLINE_DAYS, "this_year": selectors.financial_year(),
    })


@require_http_methods(["GET", "POST"])
def claim_add(request: HttpRequest) -> HttpResponse:
    require_perm(request, "involvement.make_claim")
    # Organisers may enter expenses before an activity, to pay them in advance; people claim after.
    activities = selectors.claimable_activities(user=request.user)
    form = ClaimForm(data=request.POST or None, activities=activities, rates=selectors.current_rates())
    if form.is_valid():
        try:
            services.claim_enter(by=request.user, claimant=request.user, activity=form.cleaned_data["activity"],
                                 request=request, **form.claim_data())
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "Your claim is sent. The organiser will approve it or ask you about it.")
            return redirect("involvement:my_claims")
    return render(request, "involvement/ledger/claim_form.html", {
        "form": form, "page_title": "Make a claim", "has_activities": activities.exists(),
    })


@require_http_methods(["GET", "POST"])
def claim_edit(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = selectors.own_claim_or_404(user=request.user, claim_id=claim_id)
    require_perm(request, "involvement.change_claim", claim)
    initial = {"category": claim.category, "amount": claim.amount, "description": claim.description,
               "rate": claim.rate_id, "units": claim.units or ""}
    form = ClaimForm(data=request.POST or None, initial=initial, activities=None, rates=selectors.current_rates(),
                     submit="Send the claim again" if claim.status == ClaimStatus.QUERIED else "Save the claim", with_activity=False)
    if form.is_valid():
        try:
            services.claim_update(claim=claim, by=request.user, request=request, **form.claim_data())
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "Your claim is saved and sent for approval.")
            return redirect("involvement:my_claims")
    return render(request, "involvement/ledger/claim_form.html", {
        "form": form, "page_title": "Change your claim", "claim": claim, "has_activities": True,
    })


# Organisers: a programme's claims

def _programme(request, programme_id, permission=MANAGE):
    return programme_or_404(request, programme_id, permission)


@require_GET
def programme_claims(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = _programme(request, programme_id)
    status = request.GET.get("status") if request.GET.get("status") in ClaimStatus.values else ""
    counts = selectors.programme_status_counts(programme=programme)
    page = Paginator(selectors.programme_claims(programme=programme, status=status or None), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    audit_record_many(actor=request.user, action=AuditEvent.Action.VIEW, objects=page.object_list,
                      subject_of=lambda claim: claim.claimant, request=request, detail="programme claims")
    return render(request, "involvement/ledger/programme_claims.html", {
        "programme": programme, "section_url_name": TAB, "page": page, "status": status,
        "statuses": [(value, label, counts[value]) for value, label in ClaimStatus.choices],
        "can_view_spend": request.user.has_perm(SPEND, programme),
    })


@require_http_methods(["GET", "POST"])
def claim_enter(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = _programme(request, programme_id)
    form = OrganiserClaimForm(
        data=request.POST or None, people=selectors.programme_people(programme=programme),
        activities=selectors.programme_activities(programme=programme), rates=selectors.current_rates(),
    )
    if form.is_valid():
        try:
            claim = services.claim_enter(by=request.user, claimant=form.cleaned_data["claimant"],
                                         activity=form.cleaned_data["activity"], request=request, **form.claim_data())
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Claim entered for {claim.claimant.display_name}. Approve it when you are ready.")
            return redirect("involvement:programme_claims", programme_id=programme.pk)
    return render(request, "commissioning/form.html", {
        "programme": programme, "section_url_name": TAB, "form": form, "page_title": "Enter a claim for someone",
        "intro": "Enter recognition or expenses for someone who took part. They will see it in their own claims.",
        "back_url": reverse("involvement:programme_claims", kwargs={"programme_id": programme.pk}), "back_label": "Back to claims",
    })


@require_POST
def claim_approve(request: HttpRequest, programme_id: int, claim_id: int) -> HttpResponse:
    programme = _programme(request, programme_id)
    claim = selectors.programme_claim_or_404(programme=programme, claim_id=claim_id)
    try:
        services.claim_approve(claim=claim, by=request.user, request=request)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"Approved: {ClaimCategory(claim.category).label} for {claim.claimant.display_name}")
    return redirect(reverse("involvement:programme_claims", kwargs={"programme_id": programme.pk}) + f"#claim-{claim.pk}")


@require_http_methods(["GET", "POST"])
def claim_query(request: HttpRequest, programme_id: int, claim_id: int) -> HttpResponse:
    programme = _programme(request, programme_id)
    claim = selectors.programme_claim_or_404(programme=programme, claim_id=claim_id)
    form = QueryForm(data=request.POST or None, initial={"reason": claim.query_reason})
    if form.is_valid():
        try:
            services.claim_query(claim=claim, by=request.user, reason=form.cleaned_data["reason"], request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Your question is sent to {claim.claimant.display_name}")
            return redirect("involvement:programme_claims", programme_id=programme.pk)
    return render(request, "commissioning/form.html", {
        "programme": programme, "section_url_name": TAB, "form": form,
        "page_title": f"Ask {claim.claimant.display_name} about their claim",
        "intro": f"{ClaimCategory(claim.category).label}, {money_text(claim.amount)}, for {claim.activity.title}.",
        "back_url": reverse("involvement:programme_claims", kwargs={"programme_id": programme.pk}), "back_label": "Back to claims",
    })


@require_GET
def programme_spend(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = _programme(request, programme_id, SPEND)
    year = selectors.financial_year_from(request.GET.get("year"))
    page = Paginator(selectors.spend_by_activity(programme=programme, year=year), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "involvement/ledger/programme_spend.html", {
        "programme": programme, "section_url_name": TAB, "page": page, **_year_links(year),
        "totals": selectors.spend_total(programme=programme, year=year),
        "by_category": selectors.spend_by_category(programme=programme, year=year),
        "categories": dict(ClaimCategory.choices),
    })


# Across the council

@require_GET
def spend(request: HttpRequest) -> HttpResponse:
    require_perm(request, SPEND)
    year = selectors.financial_year_from(request.GET.get("year"))
    page = Paginator(selectors.spend_by_programme(year=year), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "involvement/ledger/spend.html", {
        "page": page, **_year_links(year), "totals": selectors.spend_total(year=year),
        "by_category": selectors.spend_by_category(year=year), "categories": dict(ClaimCategory.choices),
        "can_export": request.user.has_perm(EXPORT), "can_manage_rates": request.user.has_perm(RATES),
    })


@require_GET
def payments(request: HttpRequest) -> HttpResponse:
    require_perm(request, EXPORT)
    page = Paginator(selectors.exports(), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "involvement/ledger/payments.html", {"page": page, "waiting": selectors.to_export_summary()})


@require_POST
def payment_export(request: HttpRequest) -> HttpResponse:
    require_perm(request, EXPORT)
    export = services.claims_export(by=request.user, request=request)
    if export is None:
        messages.info(request, "There are no approved claims waiting to be sent for payment.")
    else:
        messages.success(request, f"Payment file {export.pk} created with {export.claim_count} claims. Download it and send it to finance.")
    return redirect("involvement:payments")


PENCE = Decimal("0.01")
CSV_HEADER = [
    "Payment file", "Claim reference", "Payee reference", "Payee name", "Payee email", "Programme", "Activity",
    "Activity date", "Type", "What for", "Amount (£)", "Approved by", "Approved on",
]


@require_GET
def payment_file(request: HttpRequest, export_id: int) -> HttpResponse:
    require_perm(request, EXPORT)
    export = selectors.export_or_404(export_id)
    rows = list(selectors.export_rows(export))
    audit_record(actor=request.user, action=AuditEvent.Action.DOWNLOAD, obj=export, request=request, detail="payment file")
    lines = [CSV_HEADER]
    for claim in rows:
        lines.append((
            export.pk, claim.pk, claim.claimant_id, claim.claimant.full_name, claim.claimant.email,
            claim.activity.programme.title, claim.activity.title,
            claim.activity.happened_on.isoformat() if claim.activity.happened_on else "",
            "Expenses" if claim.kind == "expense" else "Recognition", ClaimCategory(claim.category).label,
            claim.amount.quantize(PENCE),
            claim.decided_by.full_name if claim.decided_by else "",
            claim.decided_at.date().isoformat() if claim.decided_at else "",
        ))
    return csv_download(lines, filename=f"involvement-payments-{export.pk}.csv")


@require_http_methods(["GET", "POST"])
def rates(request: HttpRequest) -> HttpResponse:
    require_perm(request, RATES)
    form = RateForm(data=request.POST or None)
    if form.is_valid():
        services.rate_create(by=request.user, **{key: form.cleaned_data[key] for key in ("name", "unit", "amount")})
        messages.success(request, "Rate added")
        return redirect("involvement:rates")
    return render(request, "involvement/ledger/rates.html", {"form": form, "rates": selectors.all_rates(), "page_title": "The council's rates"})


@require_POST
def rate_retire(request: HttpRequest, rate_id: int) -> HttpResponse:
    require_perm(request, RATES)
    rate = selectors.all_rates().filter(pk=rate_id).first()
    if rate is None:
        raise Http404
    services.rate_retire(rate=rate, by=request.user)
    messages.success(request, f"Rate no longer offered: {rate.name}")
    return redirect("involvement:rates")
