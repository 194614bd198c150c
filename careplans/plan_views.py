"""The plan: its task list, one screen per section, agreement, versions, comments, PDF."""

from django.contrib import messages
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.forms import errors_onto_form
from coproduction.people.selectors import own_person_record
from coproduction.reports.models import ReportJob
from coproduction.reports.services import report_job_request

from . import formats, selectors, services
from .forms import (
    AgreementForm,
    CommentForm,
    ConversationForm,
    InvolvementForm,
    ItemForm,
    OwnAgreementForm,
    PlanCopiesForm,
    PreparedStatementForm,
    ReviewFinishForm,
    ReviewItemForm,
    ReviewStartForm,
    SectionForm,
)
from .models import ReviewItem
from coproduction.people.models import Person
from .plan_content import compare, describe, display_value, section_or_404, whose
from .reports import KIND_FOR_FORMAT
from .sections import COPY_FORMAT, COUNCIL_DECIDES, whose_label
from .section_panels import section_panels_for
from .views import person_or_404


def _draft_or_404(person: Person):
    draft = selectors.plan_draft(person=person)
    if draft is None:
        raise Http404
    return draft


def _writer(request: HttpRequest, person: Person) -> str:
    """Who is writing in the plan: the team, the person, or their representative."""
    if request.user.has_perm("careplans.change_plan", person):
        return "staff"
    return "person" if person.user_id == request.user.pk else "representative"


def _writable_section_or_403(request: HttpRequest, person: Person, key: str):
    """The section, if this user may write it: the council's own sections are the team's."""
    section = section_or_404(person, key)
    if section.staff_only and not request.user.has_perm("careplans.change_plan", person):
        raise PermissionDenied
    return section


def _changes_since(data: dict, since) -> list[dict]:
    """What the person or their representative changed in a section after ``since``."""
    return [
        change for change in data.get("changes", [])
        if change.get("side") != "staff" and (since is None or datetime.fromisoformat(change["at"]) > since)
    ]


def _conversation_shown(person: Person, *, own: bool, only: tuple[str, ...] | None = None) -> dict | None:
    """The conversation about what matters, ready to show: its answers (or those a section draws
    on), and whose words they are."""
    conversation = selectors.conversation_of(person=person)
    if conversation is None:
        return None
    answers = [(label, text) for name, label, text in conversation.answers() if only is None or name in only]
    return {"answers": answers, "whose_label": whose_label(conversation.whose, name=person.display_name, own=own), "updated_at": conversation.updated_at}


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
    is_self = person.user_id == request.user.pk
    sections = describe(plan, person, own=is_self, shown_to_read=True) if plan else []
    panels = section_panels_for(person=person, user=request.user, section_keys=[part["section"].key for part in sections])
    can_change = request.user.has_perm("careplans.change_plan", person)
    can_write = plan is not None and plan.is_draft and request.user.has_perm("careplans.write_plan", person)
    # The team sees what the person or their representative changed since they last looked.
    looked = services.plan_looked_at(plan=plan, by=request.user) if can_change and plan is not None and plan.is_draft else None
    for part in sections:
        key = part["section"].key
        part["comments"] = comments.get(key, [])
        part["comment_form"] = CommentForm(section=part["section"])
        part["panels"] = panels.get(key, [])
        part["writable"] = can_write and (can_change or not part["section"].staff_only)
        part["changes_since"] = _changes_since(plan.section_data(key), looked) if can_change and plan.is_draft else []
    context = {
        "person": person,
        "plan": plan,
        "sections": sections,
        "is_self": is_self,
        "can_write": can_write,
        "can_change": can_change,
        "can_agree_own": can_write and request.user.has_perm("careplans.agree_own_plan", person),
        "can_prepare_review": plan is not None and plan.status == "agreed" and request.user.has_perm("careplans.prepare_review", person),
        "reviews": selectors.reviews_finished(person=person) if plan is not None else [],
        "not_yet": selectors.plan_response_latest(plan=plan) if plan is not None and plan.is_draft else None,
        "can_agree_review_own": request.user.has_perm("careplans.agree_own_review", person),
        "can_record_review_agreement": can_change,
        "conversation": _conversation_shown(person, own=is_self),
        "can_write_conversation": request.user.has_perm("careplans.write_conversation", person),
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
    """One section, saved on its own: by the team, or by the person or their representative in
    their own words. A save over a version changed since the page was opened is refused, and
    shows what is saved now beside the words just typed."""
    person = person_or_404(request, person_id, "careplans.write_plan")
    section = _writable_section_or_403(request, person, key)
    writer = _writer(request, person)
    plan = _draft_or_404(person)
    stored = selectors.plan_section_answers(plan=plan, key=key)
    form = SectionForm(data=request.POST or None, section=section, stored=stored, writer=writer)
    saved_now = None
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_section_save(
                plan=plan, key=key, fields=form.stored_fields(), completed=form.cleaned_data["completed"] == "yes",
                by=request.user, request=request, seen_version=form.cleaned_data.get("seen_version"),
            )
        except services.StaleSection as stale:
            # Their words stay in the form; saving again (now over what they have seen) keeps them.
            data = request.POST.copy()
            data["seen_version"] = str(stale.version)
            form = SectionForm(data=data, section=section, stored=stale.saved, writer=writer)
            form.is_valid()
            first = next((field.name for field in form.editable_fields), "completed")
            errors_onto_form(form, stale, field=first)
            saved_now = _saved_answers(section, stale.saved, person, own=writer == "person")
        except ValidationError as error:
            errors_onto_form(form, error, field="completed")
        else:
            messages.success(request, f"Saved: {section.title}")
            return redirect("careplans:plan_detail", person_id=person.pk)
    if request.method == "GET":
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=plan, subject=person.user, request=request, detail=f"section: {key}")
    return _render_section(request, person, plan, section, form, writer=writer, saved_now=saved_now)


def _saved_answers(section, data: dict, person: Person, *, own: bool) -> list[dict]:
    """A section's text as saved now, question by question, with whose words each is."""
    saved = []
    for field in section.fields:
        raw = data.get("fields", {}).get(field.name)
        if display_value(field, raw):
            saved.append({"label": field.label, "text": display_value(field, raw), "whose": whose_label(whose(raw), name=person.display_name, own=own)})
    return saved


def _render_section(request, person, plan, section, form, item_forms=None, *, writer="staff", saved_now=None):
    own = writer == "person"
    part = next(part for part in describe(plan, person, own=own) if part["section"].key == section.key)
    item_forms = item_forms or {}
    lists = []
    for shown in part["lists"]:
        name = shown["definition"].name
        form_for_list = item_forms.get(name) or ItemForm(item_list=shown["definition"], prefix=name, writer=writer)
        form_for_list.helper.form_action = reverse(
            "careplans:item_add", kwargs={"person_id": person.pk, "key": section.key, "list_name": name}
        )
        lists.append({**shown, "form": form_for_list})
    bound = next((f for f in [form, *item_forms.values()] if f is not None and f.is_bound and f.errors), form)
    return render(
        request, "careplans/section_edit.html",
        {
            "person": person, "plan": plan, "section": section, "form": form, "lists": lists, "total": part["total"],
            "summary_form": bound, "still_needed": part["missing"], "writer": writer, "own": own, "saved_now": saved_now,
            # Beside what they write, the answers only the council gives, and why.
            "council_decides": [
                {"label": field.label, "value": display_value(field, plan.section_data(section.key).get("fields", {}).get(field.name))}
                for field in section.fields if field.council_decides and writer != "staff"
            ],
            "council_decides_reason": COUNCIL_DECIDES,
            # What the person said matters, beside the section that draws on it.
            "conversation": _conversation_shown(person, own=own, only=section.draws_on) if section.draws_on else None,
            # What other apps add under this section: a way to the local map, say.
            "panels": section_panels_for(person=person, user=request.user, section_keys=[section.key]).get(section.key, []),
        },
    )


@require_POST
def item_add(request: HttpRequest, person_id: int, key: str, list_name: str) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.write_plan")
    section = _writable_section_or_403(request, person, key)
    writer = _writer(request, person)
    item_list = next((item_list for item_list in section.lists if item_list.name == list_name), None)
    if item_list is None:
        raise Http404
    plan = _draft_or_404(person)
    form = ItemForm(data=request.POST, item_list=item_list, prefix=list_name, writer=writer)
    if form.is_valid():
        services.plan_item_add(plan=plan, key=key, list_name=list_name, item=form.stored_item(), by=request.user, request=request)
        messages.success(request, f"Added the {item_list.item_name}")
        return redirect("careplans:section_edit", person_id=person.pk, key=key)
    section_form = SectionForm(section=section, stored=plan.section_data(key), writer=writer)
    return _render_section(request, person, plan, section, section_form, {list_name: form}, writer=writer)


@require_POST
def item_remove(request: HttpRequest, person_id: int, key: str, list_name: str, item_id: str) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.write_plan")
    _writable_section_or_403(request, person, key)
    plan = _draft_or_404(person)
    services.plan_item_remove(plan=plan, key=key, list_name=list_name, item_id=item_id, by=request.user, request=request)
    messages.success(request, "Removed")
    return redirect("careplans:section_edit", person_id=person.pk, key=key)


@require_http_methods(["GET", "POST"])
def plan_agree(request: HttpRequest, person_id: int) -> HttpResponse:
    """Check the plan, then record an agreement given another way (on paper, verbally, through an
    interpreter, with an advocate) or a best-interests decision. Only once every section is complete."""
    person = person_or_404(request, person_id, "careplans.change_plan")
    plan = _draft_or_404(person)
    sections = describe(plan, person)
    incomplete = [part for part in sections if part["status"] != "completed"]
    form = AgreementForm(data=request.POST or None, person=person)
    if request.method == "POST" and not incomplete and form.is_valid():
        data = form.cleaned_data
        try:
            services.plan_agree(
                plan=plan, by=request.user, how=data["how"], agreed_by_name=data["agreed_by_name"], agreed_on=data["agreed_on"],
                notes=data["notes"], consulted=data["consulted"], request=request,
            )
        except ValidationError as error:
            errors_onto_form(form, error, field="how")
        else:
            messages.success(request, f"Version {plan.version} of the plan is agreed")
            return redirect("careplans:plan_detail", person_id=person.pk)
    context = {
        "person": person, "plan": plan, "sections": sections, "incomplete": incomplete, "form": form,
        "refused": request.method == "POST" and bool(incomplete), "not_yet": selectors.plan_response_latest(plan=plan),
    }
    return render(request, "careplans/plan_agree.html", context)


@require_http_methods(["GET", "POST"])
def plan_agree_own(request: HttpRequest, person_id: int) -> HttpResponse:
    """The person (or their representative) agrees the plan on screen in their own name, or says
    "I do not agree yet" and why."""
    person = person_or_404(request, person_id, "careplans.agree_own_plan")
    plan = _draft_or_404(person)
    own = person.user_id == request.user.pk
    incomplete = [part for part in describe(plan, person, own=own) if part["status"] != "completed"]
    form = OwnAgreementForm(data=request.POST or None, can_agree=not incomplete)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["answer"] == "agree":
                services.plan_agree_own(plan=plan, by=request.user, notes=form.cleaned_data["text"], request=request)
                messages.success(request, "Thank you. The plan is agreed")
            else:
                services.plan_not_agreed_yet(plan=plan, by=request.user, reason=form.cleaned_data["text"], request=request)
                messages.success(request, "Thank you. The practitioner will see that you do not agree yet, and why")
        except ValidationError as error:
            errors_onto_form(form, error, field="answer")
        else:
            return redirect("careplans:plan_detail", person_id=person.pk)
    return render(request, "careplans/plan_agree_own.html", {"person": person, "plan": plan, "form": form, "incomplete": incomplete, "own": own})


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
    return render(request, "careplans/plan_versions.html", {
        "person": person, "versions": versions, "older": older, "newer": newer, "changes": changes, "own": person.user_id == request.user.pk,
    })


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


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def plan_copies(request: HttpRequest, person_id: int) -> HttpResponse:
    """Ask for the plan in the formats the person needs, and see those copies being made."""
    person = person_or_404(request, person_id, "careplans.view_plan")
    plan = selectors.plan_latest(person=person)
    if plan is None:
        raise Http404
    unavailable = {value: reason for value in KIND_FOR_FORMAT if (reason := formats.format_unavailable(value))}
    needed = selectors.plan_format_needed(person=person, plan=plan)
    form = PlanCopiesForm(data=request.POST if request.method == "POST" else None, unavailable=unavailable, needed=needed)
    if form.is_valid():
        services.plan_copies_request(plan=plan, kinds=[KIND_FOR_FORMAT[value] for value in form.cleaned_data["formats"]], by=request.user, request=request)
        messages.success(request, "Your copies are being made. They appear below when they are ready.")
        return redirect("careplans:plan_copies", person_id=person.pk)
    copies = selectors.plan_copies_asked(plan=plan, user=request.user, kinds=KIND_FOR_FORMAT.values())
    template = "careplans/plan_copies.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#copies"  # the list of copies only: no more of their record is read
    else:
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=plan, subject=person.user, request=request, detail="formats needed")
    return render(request, template, {
        "person": person, "plan": plan, "form": form, "copies": copies, "is_self": person.user_id == request.user.pk,
        "needed_label": dict(COPY_FORMAT).get(needed, ""), "unavailable": unavailable,
        "still_making": any(not copy.is_finished for copy in copies),
    })


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
        form = ReviewStartForm(data=request.POST or None, name=person.display_name)
        if form.is_valid():
            services.review_start(
                plan=plan, held_on=form.cleaned_data["held_on"], took_part=form.cleaned_data["took_part"], by=request.user, request=request,
            )
            return redirect("careplans:review", person_id=person.pk)
        return render(request, "careplans/review_start.html", {"person": person, "plan": plan, "form": form})
    audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=open_review, subject=person.user, request=request)
    return _render_review(request, person, plan, open_review)


def _render_review(request, person, plan, open_review, item_form=None, finish_form=None):
    item_form = item_form or ReviewItemForm(prefix="item")
    item_form.helper.form_action = reverse("careplans:review_item_add", kwargs={"person_id": person.pk})
    finish_form = finish_form or ReviewFinishForm(outcomes=_plan_outcomes(plan), prefix="finish")
    finish_form.helper.form_action = reverse("careplans:review_finish", kwargs={"person_id": person.pk})
    items = list(open_review.items.select_related("theme", "prepared_from"))
    groups = [(label, [item for item in items if item.kind == kind]) for kind, label in ReviewItem.Kind.choices]
    bound = next((f for f in (item_form, finish_form) if f.is_bound and f.errors), item_form)
    return render(
        request, "careplans/review.html",
        {
            "person": person, "plan": plan, "review": open_review, "groups": groups, "item_form": item_form, "finish_form": finish_form,
            "summary_form": bound, "prepared": [item for item in items if hasattr(item, "prepared_from")],
        },
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


@require_http_methods(["GET", "POST"])
def review_prepare(request: HttpRequest, person_id: int) -> HttpResponse:
    """Getting ready for a review: the person (or their representative) writes what is working,
    what is not, and what matters for the future; the team sees it when the review starts."""
    person = person_or_404(request, person_id, "careplans.prepare_review")
    plan = selectors.plan_agreed(person=person)
    if plan is None:
        raise Http404
    form = PreparedStatementForm(data=request.POST or None)
    if form.is_valid():
        services.review_statement_prepare(plan=plan, kind=form.cleaned_data["kind"], text=form.cleaned_data["text"], by=request.user, request=request)
        messages.success(request, "Added. Your practitioner will see it when your review starts")
        return redirect("careplans:review_prepare", person_id=person.pk)
    prepared = selectors.statements_prepared(plan=plan)
    groups = [(label, [item for item in prepared if item.kind == kind]) for kind, label in ReviewItem.Kind.choices]
    context = {"person": person, "plan": plan, "form": form, "groups": groups, "own": person.user_id == request.user.pk}
    return render(request, "careplans/review_prepare.html", context)


# --- Agreeing a review's outcome, the same way as the plan ----------------------------------


def _review_or_404(person: Person, review_id: int):
    review = selectors.review_of_person(person=person, review_id=review_id)
    if review is None:
        raise Http404
    return review


def _after_review(person: Person, review) -> str:
    return reverse("careplans:plan_detail", kwargs={"person_id": person.pk}) + f"#review-{review.pk}"


@require_http_methods(["GET", "POST"])
def review_agree(request: HttpRequest, person_id: int, review_id: int) -> HttpResponse:
    """The practitioner records how the person agreed a finished review's outcome: on paper,
    verbally, through an interpreter, with an advocate, or a best-interests decision."""
    person = person_or_404(request, person_id, "careplans.change_plan")
    review = _review_or_404(person, review_id)
    form = AgreementForm(data=request.POST or None, person=person, what="the review’s outcome")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.review_agree(
                review=review, by=request.user, how=data["how"], agreed_by_name=data["agreed_by_name"], agreed_on=data["agreed_on"],
                notes=data["notes"], consulted=data["consulted"], request=request,
            )
        except ValidationError as error:
            errors_onto_form(form, error, field="how")
        else:
            messages.success(request, "The review’s outcome is agreed")
            return redirect(_after_review(person, review))
    context = {"person": person, "review": review, "reviews": [review], "form": form, "not_yet": review.responses.first(), "staff": True}
    return render(request, "careplans/review_agree.html", context)


@require_http_methods(["GET", "POST"])
def review_agree_own(request: HttpRequest, person_id: int, review_id: int) -> HttpResponse:
    """The person (or their representative) agrees what was decided at a review on screen, in their
    own name, or says "I do not agree yet" and why, which the practitioner sees."""
    person = person_or_404(request, person_id, "careplans.agree_own_review")
    review = _review_or_404(person, review_id)
    form = OwnAgreementForm(data=request.POST or None, review=True)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["answer"] == "agree":
                services.review_agree_own(review=review, by=request.user, notes=form.cleaned_data["text"], request=request)
                messages.success(request, "Thank you. You have agreed what was decided at the review")
            else:
                services.review_not_agreed_yet(review=review, by=request.user, reason=form.cleaned_data["text"], request=request)
                messages.success(request, "Thank you. The practitioner will see that you do not agree yet, and why")
        except ValidationError as error:
            errors_onto_form(form, error, field="answer")
        else:
            return redirect(_after_review(person, review))
    context = {"person": person, "review": review, "reviews": [review], "form": form, "own": person.user_id == request.user.pk}
    return render(request, "careplans/review_agree.html", context)


# --- A conversation about what matters ------------------------------------------------------


@require_http_methods(["GET", "POST"])
def conversation(request: HttpRequest, person_id: int) -> HttpResponse:
    """What matters to the person, what they are good at and enjoy, the people and places in their
    life, and what is working already: written with them, in their words, before or alongside the plan."""
    person = person_or_404(request, person_id, "careplans.write_conversation")
    writer = _writer(request, person)
    saved = selectors.conversation_of(person=person)
    initial = {name: getattr(saved, name) for name in saved.QUESTIONS} if saved else {}
    form = ConversationForm(data=request.POST or None, initial=initial, writer=writer, name=person.display_name)
    if request.method == "POST" and form.is_valid():
        try:
            services.conversation_save(person=person, answers=form.cleaned_data, by=request.user, request=request)
        except ValidationError as error:
            errors_onto_form(form, error, field="what_matters")
        else:
            messages.success(request, "Saved: the conversation about what matters")
            return redirect(reverse("careplans:plan_detail", kwargs={"person_id": person.pk}) + "#conversation")
    if request.method == "GET" and saved:
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=saved, subject=person.user, request=request)
    context = {"person": person, "form": form, "own": writer == "person", "writer": writer}
    return render(request, "careplans/conversation.html", context)
