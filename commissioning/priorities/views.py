"""Priorities, the agreed shortlist, the outcomes framework and evidence for a programme.
Every page fetches the programme through programme_or_404 (outside the user's reach: 404),
then the record inside it, so an id from another programme is a 404 too."""


from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from commissioning.access import programme_or_404
from commissioning.sections import page_panels
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record_many
from coproduction.core.access import require_visible
from coproduction.core.csv_files import csv_download
from coproduction.core.downloads import members_file_download
from coproduction.core.forms import errors_onto_form

from . import selectors, services
from .forms import (
    EVIDENCE_CONTENT_TYPES,
    CommentForm,
    EvidenceForm,
    IndicatorForm,
    OutcomeForm,
    ProposalForm,
    ShortlistForm,
)
from .models import Evidence, Indicator, Outcome, Priority

VIEW, TAKE_PART, MANAGE = "commissioning.view_programme", "commissioning.take_part", "commissioning.manage_programme"
PRIORITIES_TAB, OUTCOMES_TAB = "priorities:priority_list", "priorities:outcome_list"


def _can(request: HttpRequest, programme) -> dict:
    return {
        "can_take_part": request.user.has_perm(TAKE_PART, programme),
        "can_manage": request.user.has_perm(MANAGE, programme),
    }


def _form_page(request, programme, form, *, title: str, back: str, back_label: str, tab: str, intro: str = "") -> HttpResponse:
    return render(request, "commissioning/form.html", {
        "programme": programme, "form": form, "page_title": title, "back_url": back, "back_label": back_label,
        "section_url_name": tab, "intro": intro,
    })


def _audit_stories(request: HttpRequest, evidence) -> None:
    """Reading a story is reading a record about a person: one INSERT for the page."""
    stories = [item for item in evidence if item.is_story]
    audit_record_many(actor=request.user, action=AuditEvent.Action.VIEW, objects=stories, subject_of=lambda story: story.teller, request=request, detail="story read")


# Priorities

@require_GET
def priority_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, VIEW)
    priorities = selectors.priorities_for_list(programme=programme, user=request.user)
    page = Paginator(priorities, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "priorities/priority_list.html", {
        "programme": programme, "page": page, "shortlist": selectors.shortlist_entries_current(programme=programme),
        "section_url_name": PRIORITIES_TAB, **_can(request, programme),
    })


@require_http_methods(["GET", "POST"])
def priority_propose(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, TAKE_PART)
    form = ProposalForm(data=request.POST or None)
    if form.is_valid():
        priority = services.priority_propose(programme=programme, by=request.user, **form.cleaned_data)
        messages.success(request, f"Thank you. “{priority.title}” is now on the list for the group to discuss and support.")
        return redirect("priorities:priority_detail", programme_id=programme.pk, priority_id=priority.pk)
    return _form_page(
        request, programme, form, title="Suggest a priority or an outcome", tab=PRIORITIES_TAB,
        back=reverse("priorities:priority_list", kwargs={"programme_id": programme.pk}), back_label="Back to priorities",
        intro="Everyone in the group can suggest what the service should focus on, or what should be different for people. "
              "Other members can then comment on it and support it.",
    )


def _priority(request: HttpRequest, programme, priority_id: int) -> Priority:
    return selectors.priority_page_or_404(programme=programme, user=request.user, priority_id=priority_id)


def _priority_page(request: HttpRequest, programme, priority: Priority, form: CommentForm | None) -> HttpResponse:
    can = _can(request, programme)
    priority.programme = programme  # the panels other sub-apps add ask their rules of it
    if form is None and can["can_take_part"]:
        form = CommentForm(action=reverse("priorities:priority_comment", kwargs={"programme_id": programme.pk, "priority_id": priority.pk}))
    comments = Paginator(selectors.priority_comments(priority=priority), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    evidence = selectors.evidence_for_priority(priority=priority)
    _audit_stories(request, evidence)
    return render(request, "priorities/priority_detail.html", {
        "programme": programme, "priority": priority, "comments": comments, "form": form, "evidence": evidence,
        "section_url_name": PRIORITIES_TAB, "wtfc_link": selectors.raised_in_reviews(priority=priority), **can,
        "page_panels": page_panels("priority", priority, request.user),
    })


@require_GET
def priority_detail(request: HttpRequest, programme_id: int, priority_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, VIEW)
    return _priority_page(request, programme, _priority(request, programme, priority_id), None)


@require_POST
def priority_comment(request: HttpRequest, programme_id: int, priority_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, TAKE_PART)
    priority = _priority(request, programme, priority_id)
    url = reverse("priorities:priority_comment", kwargs={"programme_id": programme.pk, "priority_id": priority.pk})
    form = CommentForm(data=request.POST, action=url)
    if not form.is_valid():
        return _priority_page(request, programme, priority, form)
    services.priority_comment_add(priority=priority, by=request.user, text=form.cleaned_data["text"])
    messages.success(request, "Your comment has been added")
    return redirect(reverse("priorities:priority_detail", kwargs={"programme_id": programme.pk, "priority_id": priority.pk}) + "#comments")


def _after_support(request: HttpRequest, programme, priority_id: int) -> HttpResponse:
    priority = _priority(request, programme, priority_id)  # fresh counts
    if request.htmx:
        return render(request, "priorities/partials/_support.html", {"programme": programme, "priority": priority, "can_take_part": True})
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(back)
    return redirect("priorities:priority_detail", programme_id=programme.pk, priority_id=priority.pk)


@require_POST
@vary_on_headers("HX-Request")
def priority_support(request: HttpRequest, programme_id: int, priority_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, TAKE_PART)
    priority = get_object_or_404(selectors.priorities_of(programme=programme), pk=priority_id)
    if services.priority_support(priority=priority, member=request.user) and not request.htmx:
        messages.success(request, f"You support “{priority.title}”")
    return _after_support(request, programme, priority.pk)


@require_POST
@vary_on_headers("HX-Request")
def priority_support_withdraw(request: HttpRequest, programme_id: int, priority_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, TAKE_PART)
    priority = get_object_or_404(selectors.priorities_of(programme=programme), pk=priority_id)
    if services.priority_support_withdraw(priority=priority, member=request.user) and not request.htmx:
        messages.success(request, f"You no longer support “{priority.title}”")
    return _after_support(request, programme, priority.pk)


@require_http_methods(["GET", "POST"])
def shortlist_agree(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    candidates = selectors.shortlist_candidates(programme=programme)
    current = selectors.shortlist_entries_current(programme=programme)
    form = ShortlistForm(
        data=request.POST or None, candidates=candidates, revising=bool(current),
        current_ranks={entry.priority_id: entry.rank for entry in current},
        initial={"decided_by": "The co-production group"},
    )
    if form.is_valid():
        try:
            services.shortlist_agree(
                programme=programme, ranked=form.ranked(), decided_by=form.cleaned_data["decided_by"],
                decided_on=form.cleaned_data["decided_on"], revision_reason=form.cleaned_data.get("revision_reason", ""), by=request.user,
            )
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "The shortlist has been recorded in the decisions log")
            return redirect("priorities:priority_list", programme_id=programme.pk)
    return render(request, "priorities/shortlist_agree.html", {
        "programme": programme, "form": form, "current": current, "candidates": candidates, "section_url_name": PRIORITIES_TAB,
    })


# The outcomes framework

@require_GET
def outcome_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, VIEW)
    can = _can(request, programme)
    agreed = selectors.agreed_outcomes_not_in_framework(programme=programme) if can["can_manage"] else []
    return render(request, "priorities/outcome_list.html", {
        "programme": programme, "outcomes": selectors.outcomes_framework(programme=programme), "agreed_outcomes": agreed,
        "section_url_name": OUTCOMES_TAB, **can,
    })


@require_GET
def outcome_framework_csv(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, VIEW)
    rows = [["Outcome", "What it means", "Indicator", "How it will be measured", "Who measures it", "Where the figures come from"]]
    for outcome in selectors.outcomes_framework(programme=programme):
        for indicator in outcome.current_indicators or [None]:
            rows.append([
                outcome.title, outcome.description,
                *((indicator.name, indicator.how_measured, indicator.who_measures, indicator.data_source) if indicator else ("", "", "", "")),
            ])
    return csv_download(rows, filename=f"outcomes-framework-{programme.pk}.csv", content_type="text/csv; charset=utf-8")


@require_http_methods(["GET", "POST"])
def outcome_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    form = OutcomeForm(data=request.POST or None)
    if form.is_valid():
        outcome = services.outcome_create(programme=programme, **form.cleaned_data)
        messages.success(request, "The outcome has been added to the framework. Now add how you will know it is happening.")
        return redirect("priorities:outcome_detail", programme_id=programme.pk, outcome_id=outcome.pk)
    return _form_page(
        request, programme, form, title="Add an outcome", tab=OUTCOMES_TAB,
        back=reverse("priorities:outcome_list", kwargs={"programme_id": programme.pk}), back_label="Back to the outcomes framework",
    )


@require_POST
def outcome_from_priority(request: HttpRequest, programme_id: int, priority_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    entry = next((e for e in selectors.agreed_outcomes_not_in_framework(programme=programme) if e.priority_id == priority_id), None)
    if entry is None:
        raise Http404
    outcome = services.outcome_create(programme=programme, title=entry.priority.title, description=entry.priority.description, from_priority=entry.priority)
    messages.success(request, f"“{outcome.title}” is now in the outcomes framework")
    return redirect("priorities:outcome_detail", programme_id=programme.pk, outcome_id=outcome.pk)


def _outcome(programme, outcome_id: int) -> Outcome:
    return get_object_or_404(selectors.outcomes_of(programme=programme), pk=outcome_id)


def _outcome_page(request: HttpRequest, programme, outcome: Outcome, form: CommentForm | None) -> HttpResponse:
    can = _can(request, programme)
    if form is None and can["can_take_part"]:
        form = CommentForm(action=reverse("priorities:outcome_comment", kwargs={"programme_id": programme.pk, "outcome_id": outcome.pk}))
    comments = Paginator(selectors.outcome_comments(outcome=outcome), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    indicators = outcome.indicators.filter(retired_on__isnull=True).order_by("position", "pk")
    return render(request, "priorities/outcome_detail.html", {
        "programme": programme, "outcome": outcome, "indicators": indicators, "comments": comments, "form": form,
        "section_url_name": OUTCOMES_TAB, **can,
    })


@require_GET
def outcome_detail(request: HttpRequest, programme_id: int, outcome_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, VIEW)
    return _outcome_page(request, programme, _outcome(programme, outcome_id), None)


@require_POST
def outcome_comment(request: HttpRequest, programme_id: int, outcome_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, TAKE_PART)
    outcome = _outcome(programme, outcome_id)
    form = CommentForm(data=request.POST, action=reverse("priorities:outcome_comment", kwargs={"programme_id": programme.pk, "outcome_id": outcome.pk}))
    if not form.is_valid():
        return _outcome_page(request, programme, outcome, form)
    services.outcome_comment_add(outcome=outcome, by=request.user, text=form.cleaned_data["text"])
    messages.success(request, "Your comment has been added")
    return redirect(reverse("priorities:outcome_detail", kwargs={"programme_id": programme.pk, "outcome_id": outcome.pk}) + "#comments")


@require_http_methods(["GET", "POST"])
def outcome_edit(request: HttpRequest, programme_id: int, outcome_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    outcome = _outcome(programme, outcome_id)
    form = OutcomeForm(data=request.POST or None, instance=outcome, with_position=True)
    if form.is_valid():
        services.outcome_update(outcome=outcome, **form.cleaned_data)
        messages.success(request, "The outcome has been saved")
        return redirect("priorities:outcome_detail", programme_id=programme.pk, outcome_id=outcome.pk)
    return _form_page(
        request, programme, form, title="Change the outcome", tab=OUTCOMES_TAB,
        back=reverse("priorities:outcome_detail", kwargs={"programme_id": programme.pk, "outcome_id": outcome.pk}), back_label="Back to the outcome",
    )


@require_http_methods(["GET", "POST"])
def indicator_add(request: HttpRequest, programme_id: int, outcome_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    outcome = _outcome(programme, outcome_id)
    form = IndicatorForm(data=request.POST or None)
    if form.is_valid():
        services.indicator_create(outcome=outcome, **form.cleaned_data)
        messages.success(request, "The indicator has been added")
        return redirect("priorities:outcome_detail", programme_id=programme.pk, outcome_id=outcome.pk)
    return _form_page(
        request, programme, form, title="Add an indicator", tab=OUTCOMES_TAB, intro=f"For the outcome “{outcome.title}”.",
        back=reverse("priorities:outcome_detail", kwargs={"programme_id": programme.pk, "outcome_id": outcome.pk}), back_label="Back to the outcome",
    )


def _indicator(programme, indicator_id: int) -> Indicator:
    return get_object_or_404(
        selectors.indicators_in_use(programme=programme), pk=indicator_id
    )


@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, programme_id: int, indicator_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    indicator = _indicator(programme, indicator_id)
    form = IndicatorForm(data=request.POST or None, instance=indicator, with_position=True)
    if form.is_valid():
        services.indicator_update(indicator=indicator, data=form.cleaned_data)
        messages.success(request, "The indicator has been saved")
        return redirect("priorities:outcome_detail", programme_id=programme.pk, outcome_id=indicator.outcome_id)
    return _form_page(
        request, programme, form, title="Change the indicator", tab=OUTCOMES_TAB, intro=f"For the outcome “{indicator.outcome.title}”.",
        back=reverse("priorities:outcome_detail", kwargs={"programme_id": programme.pk, "outcome_id": indicator.outcome_id}), back_label="Back to the outcome",
    )


@require_POST
def indicator_retire(request: HttpRequest, programme_id: int, indicator_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    indicator = _indicator(programme, indicator_id)
    services.indicator_retire(indicator=indicator)
    messages.success(request, f"“{indicator.name}” has been taken out of the framework")
    return redirect("priorities:outcome_detail", programme_id=programme.pk, outcome_id=indicator.outcome_id)


# Evidence for the business case

@require_GET
def evidence_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, VIEW)
    page = Paginator(selectors.evidence_for_list(programme=programme), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    _audit_stories(request, page.object_list)
    return render(request, "priorities/evidence_list.html", {
        "programme": programme, "page": page, "section_url_name": PRIORITIES_TAB, **_can(request, programme),
    })


@require_http_methods(["GET", "POST"])
def evidence_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, TAKE_PART)
    priorities = selectors.priorities_of(programme=programme).order_by("title", "pk")
    form = EvidenceForm(data=request.POST or None, files=request.FILES or None, priorities=priorities)
    if form.is_valid():
        data = form.cleaned_data
        evidence = services.evidence_record(
            programme=programme, by=request.user, data=data, file=data.get("file") or None,
            file_type=getattr(form, "file_type", ""), own_story=data.get("own_story", False), request=request,
        )
        messages.success(request, "The evidence has been added")
        return redirect("priorities:evidence_detail", programme_id=programme.pk, evidence_id=evidence.pk)
    return _form_page(
        request, programme, form, title="Add evidence for the business case", tab=PRIORITIES_TAB,
        back=reverse("priorities:evidence_list", kwargs={"programme_id": programme.pk}), back_label="Back to the evidence",
        intro="Local figures, stories and things people have told us all help show why the service matters.",
    )


def _evidence(programme, evidence_id: int) -> Evidence:
    """Current evidence only: a withdrawn story is gone, even by its old address."""
    return get_object_or_404(
        selectors.evidence_current(programme=programme), pk=evidence_id
    )


@require_GET
def evidence_detail(request: HttpRequest, programme_id: int, evidence_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, VIEW)
    evidence = _evidence(programme, evidence_id)
    _audit_stories(request, [evidence])
    return render(request, "priorities/evidence_detail.html", {
        "programme": programme, "evidence": evidence, "section_url_name": PRIORITIES_TAB,
        "can_withdraw": request.user.has_perm("priorities.withdraw_evidence", evidence),
    })


@require_GET
def evidence_file(request: HttpRequest, programme_id: int, evidence_id: int) -> FileResponse:
    programme = programme_or_404(request, programme_id, VIEW)
    evidence = _evidence(programme, evidence_id)
    return members_file_download(request, record=evidence, content_types=EVIDENCE_CONTENT_TYPES, name="evidence",
                                 subject=evidence.teller, detail="evidence file downloaded")


@require_http_methods(["GET", "POST"])
def evidence_withdraw(request: HttpRequest, programme_id: int, evidence_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, VIEW)
    evidence = require_visible(request, _evidence(programme, evidence_id), "priorities.withdraw_evidence")
    if request.method == "GET":
        _audit_stories(request, [evidence])
        return render(request, "priorities/evidence_withdraw.html", {"programme": programme, "evidence": evidence, "section_url_name": PRIORITIES_TAB})
    services.evidence_withdraw(evidence=evidence, by=request.user, request=request)
    messages.success(request, "The story has been withdrawn. It no longer appears on any page." if evidence.is_story else "The evidence has been removed")
    return redirect("priorities:evidence_list", programme_id=programme.pk)
