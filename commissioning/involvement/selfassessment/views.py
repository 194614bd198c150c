"""Pages of the Spectrum of Practice self-assessment and the practitioner's self-check."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from commissioning.models import LadderRung
from coproduction.core.access import require_perm

from ..spectrum import LADDER_RULE, PRACTICE_ANSWERS, RATING_NAMES, STEPS
from . import selectors, services
from .forms import RoundForm, SelfCheckForm

VIEW, CHANGE = "involvement.view_selfassessment", "involvement.change_selfassessment"


def _ladder() -> list:
    """The ladder, top rung first, as the page draws it."""
    return list(reversed(LadderRung.choices))


@require_GET
def selfassessment(request: HttpRequest) -> HttpResponse:
    require_perm(request, VIEW)
    page = Paginator(selectors.rounds_for(request.user), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    results = selectors.rounds_page(page.object_list)
    latest = results[0] if results and page.number == 1 else None
    return render(request, "involvement/selfassessment/list.html", {
        "page": page, "results": results, "latest": latest, "ladder": _ladder(), "rule": LADDER_RULE,
        "suggestions": selectors.suggestions(latest) if latest else [], "rating_names": RATING_NAMES,
        "can_change": request.user.has_perm(CHANGE), "steps": STEPS,
    })


@require_http_methods(["GET", "POST"])
def round_add(request: HttpRequest) -> HttpResponse:
    require_perm(request, CHANGE)
    latest = selectors.latest_round()
    # Start from the last round's ratings, so the team changes only what moved.
    initial = RoundForm.initial_from(selectors.round_result(latest)) if latest else {}
    form = RoundForm(data=request.POST or None, initial=initial, people=selectors.assessor_choices())
    if form.is_valid():
        assessment_round = services.round_save(
            by=request.user, title=form.cleaned_data["title"], assessed_on=form.cleaned_data["assessed_on"],
            assessors=form.cleaned_data.get("assessors") or [], other_assessors=form.cleaned_data.get("other_assessors", ""),
            ratings=form.ratings(),
        )
        messages.success(request, "Round saved. Here is where you stand on the ladder.")
        return redirect("involvement:round_detail", round_id=assessment_round.pk)
    return render(request, "involvement/selfassessment/round_form.html", {
        "form": form, "page_title": "Assess your practice", "latest": latest,
    })


@require_http_methods(["GET", "POST"])
def round_edit(request: HttpRequest, round_id: int) -> HttpResponse:
    require_perm(request, CHANGE)
    assessment_round = selectors.round_or_404(round_id)
    initial = {
        "title": assessment_round.title, "assessed_on": assessment_round.assessed_on,
        "assessors": list(assessment_round.assessor_ids), "other_assessors": assessment_round.other_assessors,
        **RoundForm.initial_from(selectors.round_result(assessment_round)),
    }
    form = RoundForm(data=request.POST or None, initial=initial, people=selectors.assessor_choices())
    if form.is_valid():
        services.round_save(
            by=request.user, title=form.cleaned_data["title"], assessed_on=form.cleaned_data["assessed_on"],
            assessors=form.cleaned_data.get("assessors") or [], other_assessors=form.cleaned_data.get("other_assessors", ""),
            ratings=form.ratings(), assessment_round=assessment_round,
        )
        messages.success(request, "Round saved")
        return redirect("involvement:round_detail", round_id=assessment_round.pk)
    return render(request, "involvement/selfassessment/round_form.html", {
        "form": form, "page_title": f"Change “{assessment_round.title}”", "assessment_round": assessment_round,
    })


@require_GET
def round_detail(request: HttpRequest, round_id: int) -> HttpResponse:
    assessment_round = selectors.round_or_404(round_id)
    require_perm(request, "involvement.view_assessment_round", assessment_round)
    result = selectors.round_result(assessment_round)
    return render(request, "involvement/selfassessment/round_detail.html", {
        "assessment_round": assessment_round, "result": result, "rows": selectors.step_table(result),
        "ladder": _ladder(), "rule": LADDER_RULE, "suggestions": selectors.next_steps(result.ratings),
        "rating_names": RATING_NAMES, "can_change": request.user.has_perm(CHANGE), "can_list": request.user.has_perm(VIEW),
    })


# "Doing with, not doing to": the practitioner's own self-check

@require_GET
def self_checks(request: HttpRequest) -> HttpResponse:
    require_perm(request, "involvement.do_self_check")
    page = Paginator(selectors.own_self_checks(request.user), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    latest = page.object_list[0] if page.object_list and page.number == 1 else None
    return render(request, "involvement/selfassessment/self_checks.html", {
        "page": page, "latest": latest, "rows": selectors.answers_table(latest) if latest else [], "min_group": selectors.min_group(),
    })


@require_http_methods(["GET", "POST"])
def self_check_add(request: HttpRequest) -> HttpResponse:
    require_perm(request, "involvement.do_self_check")
    form = SelfCheckForm(data=request.POST or None)
    if form.is_valid():
        memberships = request.user.memberships
        check = services.self_check_save(
            practitioner=request.user, answers=form.answers(), will_change=form.cleaned_data.get("will_change", ""),
            team=memberships[0].team if memberships else None, request=request,
        )
        messages.success(request, "Self-check saved. Only you can see your answers.")
        return redirect("involvement:self_check_detail", check_id=check.pk)
    return render(request, "involvement/selfassessment/self_check_form.html", {"form": form, "page_title": "Doing with, not doing to: check your practice"})


@require_GET
def self_check_detail(request: HttpRequest, check_id: int) -> HttpResponse:
    check = selectors.own_self_check_or_404(request.user, check_id)
    require_perm(request, "involvement.view_self_check", check)
    return render(request, "involvement/selfassessment/self_check_detail.html", {"check": check, "rows": selectors.answers_table(check)})


@require_GET
def self_check_team(request: HttpRequest) -> HttpResponse:
    require_perm(request, "involvement.view_team_self_checks")
    totals = selectors.team_totals(request.user.managed_team_ids)
    return render(request, "involvement/selfassessment/self_check_team.html", {
        "totals": totals, "answers": PRACTICE_ANSWERS, "min_group": selectors.min_group(),
        "teams": [m.team for m in request.user.memberships if m.is_manager],
    })
