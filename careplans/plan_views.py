"""The plan: its task list, one screen per section, agreement, versions, comments, PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.forms import errors_onto_form
from coproduction.people.selectors import own_person_record
from coproduction.reports.models import ReportJob
from coproduction.reports.services import report_job_request

from . import selectors, services
from .forms import (
    CommentForm,
    InvolvementForm,
    ItemForm,
    ReviewFinishForm,
    ReviewItemForm,
    ReviewStartForm,
    SectionForm,
)
from .models import ReviewItem
from coproduction.people.models import Person
from .plan_content import compare, describe, section_or_404
from .section_panels import section_panels_for
from .views import person_or_404


def _draft_or_404(person: Person):
    draft = selectors.plan_draft(person=person)
    if draft is None:
        raise Http404
    return draft


@require_GET
def my_plan(request: HttpRequest) -> HttpResponse:
    person = own_person_record(user=request.user)
    if person is None:
        raise Http404
    return redirect("careplans:plan_detail", person_id=person.pk)


@require_GET
def plan_detail(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.view_plan")
    plan = selectors.plan_latest(person=person)
    if plan is not None:
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=plan, subject=person.user, request=request)
    comments = selectors.plan_comments(plan=plan) if plan else {}
    sections = describe(plan, person) if plan else []
    panels = section_panels_for(person=person, user=request.user, section_keys=[part["section"].key for part in sections])
    for part in sections:
        part["comments"] = comments.get(part["section"].key, [])
        part["comment_form"] = CommentForm(section=part["section"])
        part["panels"] = panels.get(part["section"].key, [])
    context = {
        "person": person,
        "plan": plan,
        "sections": sections,
        "is_self": person.user_id == request.user.pk,
        "can_change": request.user.has_perm("careplans.change_plan", person),
        "can_comment": request.user.has_perm("careplans.comment_on_plan", person),
        "can_tell_involvement": request.user.has_perm("careplans.tell_involvement", person),
        "completed": sum(1 for part in sections if part["status"] == "completed"),
    }
    return render(request, "careplans/plan_detail.html", context)


@require_POST
def plan_start(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.change_plan")
    services.plan_start(person=person, by=request.user, request=request)
    return redirect("careplans:plan_detail", person_id=person.pk)


@require_http_methods(["GET", "POST"])
def section_edit(request: HttpRequest, person_id: int, key: str) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.change_plan")
    section = section_or_404(person, key)
    plan = _draft_or_404(person)
    stored = selectors.plan_section_answers(plan=plan, key=key)
    form = SectionForm(data=request.POST or None, section=section, stored=stored)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_section_save(
                plan=plan, key=key, fields=form.stored_fields(), completed=form.cleaned_data["completed"] == "yes",
                by=request.user, request=request,
            )
        except ValidationError as error:
            errors_onto_form(form, error, field="completed")
        else:
            messages.success(request, f"Saved: {section.title}")
            return redirect("careplans:plan_detail", person_id=person.pk)
    if request.method == "GET":
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=plan, subject=person.user, request=request, detail=f"section: {key}")
    return _render_section(request, person, plan, section, form)


def _render_section(request, person, plan, section, form, item_forms=None):
    part = next(part for part in describe(plan, person) if part["section"].key == section.key)
    item_forms = item_forms or {}
    lists = []
    for shown in part["lists"]:
        name = shown["definition"].name
        form_for_list = item_forms.get(name) or ItemForm(item_list=shown["definition"], prefix=name)
        form_for_list.helper.form_action = reverse(
            "careplans:item_add", kwargs={"person_id": person.pk, "key": section.key, "list_name": name}
        )
        lists.append({**shown, "form": form_for_list})
    bound = next((f for f in [form, *item_forms.values()] if f is not None and f.is_bound and f.errors), form)
    return render(
        request, "careplans/section_edit.html",
        {
            "person": person, "plan": plan, "section": section, "form": form, "lists": lists, "total": part["total"],
            "summary_form": bound, "still_needed": part["missing"],
        },
    )


@require_POST
def item_add(request: HttpRequest, person_id: int, key: str, list_name: str) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.change_plan")
    section = section_or_404(person, key)
    item_list = next((item_list for item_list in section.lists if item_list.name == list_name), None)
    if item_list is None:
        raise Http404
    plan = _draft_or_404(person)
    form = ItemForm(data=request.POST, item_list=item_list, prefix=list_name)
    if form.is_valid():
        services.plan_item_add(plan=plan, key=key, list_name=list_name, item=form.stored_item(), by=request.user, request=request)
        messages.success(request, f"Added the {item_list.item_name}")
        return redirect("careplans:section_edit", person_id=person.pk, key=key)
    section_form = SectionForm(section=section, stored=plan.section_data(key))
    return _render_section(request, person, plan, section, section_form, {list_name: form})


@require_POST
def item_remove(request: HttpRequest, person_id: int, key: str, list_name: str, item_id: str) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.change_plan")
    section_or_404(person, key)
    plan = _draft_or_404(person)
    services.plan_item_remove(plan=plan, key=key, list_name=list_name, item_id=item_id, by=request.user, request=request)
    messages.success(request, "Removed")
    return redirect("careplans:section_edit", person_id=person.pk, key=key)


@require_http_methods(["GET", "POST"])
def plan_agree(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.change_plan")
    plan = _draft_or_404(person)
    refused = False
    if request.method == "POST":
        try:
            services.plan_agree(plan=plan, by=request.user, request=request)
        except ValidationError:
            refused = True
        else:
            messages.success(request, f"Version {plan.version} of the plan is agreed")
            return redirect("careplans:plan_detail", person_id=person.pk)
    sections = describe(plan, person)
    context = {
        "person": person, "plan": plan, "sections": sections, "refused": refused,
        "incomplete": [part for part in sections if part["status"] != "completed"],
        "person_seen": plan.section_data("agreement").get("fields", {}).get("person_seen") == "yes",
    }
    return render(request, "careplans/plan_agree.html", context)


@require_GET
def plan_versions(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.view_plan")
    versions = list(selectors.plan_versions(person=person))
    by_number = {plan.version: plan for plan in versions}
    changes, older, newer = None, None, None
    try:
        older, newer = by_number.get(int(request.GET.get("from", 0))), by_number.get(int(request.GET.get("to", 0)))
    except ValueError:
        pass
    if older is None and len(versions) >= 2:
        older, newer = versions[1], versions[0]
    if older and newer:
        changes = compare(older, newer, person)
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=newer, subject=person.user, request=request, detail="versions compared")
    return render(request, "careplans/plan_versions.html", {"person": person, "versions": versions, "older": older, "newer": newer, "changes": changes})


@require_POST
def comment_add(request: HttpRequest, person_id: int, key: str) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.comment_on_plan")
    section = section_or_404(person, key)
    plan = selectors.plan_latest(person=person)
    if plan is None:
        raise Http404
    form = CommentForm(data=request.POST, section=section)
    if form.is_valid():
        services.plan_comment_add(plan=plan, section=key, text=form.cleaned_data["text"], by=request.user, request=request)
        messages.success(request, "Your comment is added")
        return redirect(reverse("careplans:plan_detail", kwargs={"person_id": person.pk}) + f"#section-{key}")
    return render(request, "careplans/comment_form.html", {"person": person, "section": section, "form": form})


@require_http_methods(["GET", "POST"])
def involvement(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.tell_involvement")
    plan = _draft_or_404(person)
    stored = plan.section_data("involvement").get("fields", {})
    initial = {"how": (stored.get("how") or {}).get("text"), "listened": stored.get("listened"), "listened_more": (stored.get("listened_more") or {}).get("text")}
    form = InvolvementForm(data=request.POST or None, initial=initial)
    if form.is_valid():
        whose = "person" if person.user_id == request.user.pk else "representative"
        fields = {
            "how": {"text": form.cleaned_data["how"], "whose": whose},
            "listened": form.cleaned_data["listened"],
            "listened_more": {"text": form.cleaned_data["listened_more"], "whose": whose} if form.cleaned_data["listened_more"] else None,
        }
        services.plan_section_save(plan=plan, key="involvement", fields=fields, completed=True, by=request.user, request=request)
        messages.success(request, "Thank you: how you took part is in the plan")
        return redirect("careplans:plan_detail", person_id=person.pk)
    return render(request, "careplans/involvement.html", {"person": person, "form": form})


@require_POST
def plan_pdf(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.view_plan")
    plan = selectors.plan_latest(person=person)
    if plan is None:
        raise Http404
    kind = ReportJob.Kind.CARE_PLAN_LARGE if request.POST.get("large_print") else ReportJob.Kind.CARE_PLAN
    job = report_job_request(kind=kind, requested_by=request.user, subject=plan, subject_user=person.user, request=request)
    return redirect("reports:job_detail", job_id=job.pk)


# --- Reviews ------------------------------------------------------------------------------


def _plan_outcomes(plan) -> list[str]:
    return [item.get("outcome", "") for item in plan.section_data("outcomes").get("lists", {}).get("outcomes", []) if item.get("outcome")]


@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, person_id: int) -> HttpResponse:
    """Start a review of the agreed plan, then add what is and isn't working, then decide."""
    person = person_or_404(request, person_id, "careplans.change_plan")
    plan = selectors.plan_agreed(person=person)
    if plan is None:
        raise Http404
    open_review = selectors.plan_review_open(plan=plan)
    if open_review is None:
        form = ReviewStartForm(data=request.POST or None)
        if form.is_valid():
            services.review_start(plan=plan, held_on=form.cleaned_data["held_on"], by=request.user, request=request)
            return redirect("careplans:review", person_id=person.pk)
        return render(request, "careplans/review_start.html", {"person": person, "plan": plan, "form": form})
    audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=open_review, subject=person.user, request=request)
    return _render_review(request, person, plan, open_review)


def _render_review(request, person, plan, open_review, item_form=None, finish_form=None):
    item_form = item_form or ReviewItemForm(prefix="item")
    item_form.helper.form_action = reverse("careplans:review_item_add", kwargs={"person_id": person.pk})
    finish_form = finish_form or ReviewFinishForm(outcomes=_plan_outcomes(plan), prefix="finish")
    finish_form.helper.form_action = reverse("careplans:review_finish", kwargs={"person_id": person.pk})
    items = list(open_review.items.select_related("theme"))
    groups = [(label, [item for item in items if item.kind == kind]) for kind, label in ReviewItem.Kind.choices]
    bound = next((f for f in (item_form, finish_form) if f.is_bound and f.errors), item_form)
    return render(
        request, "careplans/review.html",
        {"person": person, "plan": plan, "review": open_review, "groups": groups, "item_form": item_form, "finish_form": finish_form, "summary_form": bound},
    )


@require_POST
def review_item_add(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.change_plan")
    plan = selectors.plan_agreed(person=person)
    open_review = selectors.plan_review_open(plan=plan)
    if open_review is None:
        raise Http404
    form = ReviewItemForm(data=request.POST, prefix="item")
    if form.is_valid():
        services.review_item_add(review=open_review, data=form.cleaned_data, by=request.user, request=request)
        messages.success(request, "Statement added")
        return redirect("careplans:review", person_id=person.pk)
    return _render_review(request, person, plan, open_review, item_form=form)


@require_POST
def review_finish(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.change_plan")
    plan = selectors.plan_agreed(person=person)
    open_review = selectors.plan_review_open(plan=plan)
    if open_review is None:
        raise Http404
    form = ReviewFinishForm(data=request.POST, outcomes=_plan_outcomes(plan), prefix="finish")
    if form.is_valid():
        services.review_finish(
            review=open_review, progress=form.progress_rows(), decision=form.cleaned_data["decision"],
            notes=form.cleaned_data["decision_notes"], by=request.user, request=request,
        )
        messages.success(request, "The review is recorded")
        return redirect("careplans:plan_detail", person_id=person.pk)
    return _render_review(request, person, plan, open_review, finish_form=form)
