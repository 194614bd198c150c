"""Commissioning programmes: the overview, stages, the co-production group, activities and the
decisions log. Commissioners change things; the group sees everything but changes nothing here;
anyone may read a public programme's summary."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record_many
from coproduction.core.forms import errors_onto_form, saved_or_errors

from . import selectors, services
from .access import programme_or_404
from .forms import (
    DeliveryForm,
    ActivityForm,
    DecisionFilterForm,
    DecisionForm,
    KeyDateForm,
    MemberAddForm,
    MemberLeaveForm,
    MemberRoleForm,
    ProgrammeForm,
    StageForm,
    StageMoveForm,
)
from .models import Programme
from .sections import activity_links_prepare, decision_trail, owner_url, timeline_warnings, your_parts

MANAGE = "commissioning.manage_programme"


def _form_page(request, programme: Programme, form, *, title: str, back: str, back_label: str, intro: str = "", section: str = "") -> HttpResponse:
    return render(request, "commissioning/form.html", {
        "programme": programme, "form": form, "page_title": title, "back_url": back, "back_label": back_label,
        "intro": intro, "section_url_name": section,
    })


@require_GET
def programme_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("commissioning.view_programme_list"):
        raise PermissionDenied
    programmes = selectors.programmes_visible_to(user=request.user).order_by("title", "pk")
    page = Paginator(programmes, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "commissioning/programme_list.html", {
        "page": page, "can_add": request.user.has_perm("commissioning.add_programme"),
    })


@require_http_methods(["GET", "POST"])
def programme_add(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("commissioning.add_programme"):
        raise PermissionDenied
    form = ProgrammeForm(data=request.POST or None, initial={"lead": request.user.pk})
    if form.is_valid():
        programme = services.programme_create(**form.cleaned_data)
        messages.success(request, "Programme started. It begins at the first stage: change the stages to suit it.")
        return redirect("commissioning:programme_detail", programme_id=programme.pk)
    return render(request, "includes/form_page.html", {"form": form, "page_title": "Start a programme"})


@login_not_required  # a public programme's summary is open to anyone; the check is below
@require_GET
def programme_detail(request: HttpRequest, programme_id: int) -> HttpResponse:
    if not request.user.is_authenticated and not selectors.is_public_programme_id(programme_id):
        return redirect_to_login(request.get_full_path())
    programme = programme_or_404(request, programme_id, "commissioning.view_programme_summary")
    # Members and commissioners see the whole overview; anyone else only what the council publishes.
    full = request.user.has_perm("commissioning.view_programme", programme)
    stages = selectors.stages_with_coproduction(programme=programme)
    # What the person takes part in comes first, with what they are asked to do now.
    parts = your_parts(request.user, programme) if full else []
    return render(request, "commissioning/programme_detail.html", {
        "programme": programme, "section_url_name": "commissioning:programme_detail", "full": full,
        "can_manage": request.user.has_perm(MANAGE, programme),
        "stages": stages, "next_stage": selectors.stage_after(stages=stages, current_id=programme.current_stage_id),
        "your_parts": parts, "your_asks": [part for part in parts if part.ask],
        "key_dates": list(programme.key_dates.select_related("stage").order_by("date", "pk")),
        "timeline_warnings": timeline_warnings(programme) if full else [],
        "group_counts": selectors.group_counts(programme=programme) if full else [],
        "decisions": selectors.latest_decisions(programme=programme),
    })


@require_http_methods(["GET", "POST"])
def programme_edit(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    form = ProgrammeForm(data=request.POST or None, instance=programme)
    if form.is_valid():
        services.programme_update(programme=programme, data=form.cleaned_data, by=request.user)
        messages.success(request, "Programme details saved")
        return redirect("commissioning:programme_detail", programme_id=programme.pk)
    if form.is_bound:
        programme.refresh_from_db()  # the page shows the saved title, not what was typed
    back = reverse("commissioning:programme_detail", kwargs={"programme_id": programme.pk})
    return _form_page(request, programme, form, title="Change programme details", back=back, back_label="Back to the overview")


@require_http_methods(["GET", "POST"])
def programme_stage_move(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    direction = request.GET.get("direction", "forward")
    form = StageMoveForm(data=request.POST or None, programme=programme, initial={"stage": selectors.neighbouring_stage(
        programme=programme, forward=direction != "back")})
    decision = saved_or_errors(form, lambda: services.programme_move_stage(
        programme=programme, to=form.cleaned_data["stage"], reason=form.cleaned_data["reason"], by=request.user))
    if decision is not None:
        messages.success(request, f"The programme is now at “{decision.stage.name}”. The move is in the decisions log and the group has been told.")
        return redirect("commissioning:programme_detail", programme_id=programme.pk)
    back = reverse("commissioning:programme_detail", kwargs={"programme_id": programme.pk})
    now = programme.current_stage.name if programme.current_stage else "no stage yet"
    return _form_page(request, programme, form, title="Move the programme to another stage", back=back,
                      back_label="Back to the overview",
                      intro=f"The programme is at “{now}”. Moving it is recorded in the decisions log with your name, "
                            "today's date and the reason, and everyone in the group is told.")


@require_http_methods(["GET", "POST"])
def key_dates(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    form = KeyDateForm(data=request.POST or None, programme=programme)
    if form.is_valid():
        services.key_date_add(programme=programme, **form.cleaned_data)
        messages.success(request, f"Key date added: {form.cleaned_data['label']}")
        return redirect("commissioning:key_dates", programme_id=programme.pk)
    return render(request, "commissioning/key_dates.html", {
        "programme": programme, "form": form,
        "key_dates": list(programme.key_dates.select_related("stage").order_by("date", "pk")),
    })


@require_POST
def key_date_remove(request: HttpRequest, programme_id: int, key_date_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    key_date = get_object_or_404(programme.key_dates, pk=key_date_id)
    services.key_date_remove(key_date=key_date)
    messages.success(request, f"Key date removed: {key_date.label}")
    return redirect("commissioning:key_dates", programme_id=programme.pk)


@require_GET
def stage_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    return render(request, "commissioning/stage_list.html", {
        "programme": programme, "stages": selectors.stages_with_coproduction(programme=programme),
    })


@require_http_methods(["GET", "POST"])
def stage_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    form = StageForm(data=request.POST or None, submit="Add the stage")
    if form.is_valid():
        stage = services.stage_add(programme=programme, **form.cleaned_data)
        messages.success(request, f"Stage added: {stage.name}")
        return redirect("commissioning:stage_list", programme_id=programme.pk)
    back = reverse("commissioning:stage_list", kwargs={"programme_id": programme.pk})
    return _form_page(request, programme, form, title="Add a stage", back=back, back_label="Back to the stages",
                      intro="The new stage goes at the end of its phase. You can move it up afterwards.")


@require_GET
def stage_detail(request: HttpRequest, programme_id: int, stage_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id)
    stage = get_object_or_404(programme.stages, pk=stage_id)
    activities = selectors.stage_activities(stage=stage)
    activity_links_prepare(request.user, activities)
    # Who took part shows their place in the group, which is personal: record who looked.
    audit_record_many(
        actor=request.user, action=AuditEvent.Action.VIEW, request=request, subject_of=lambda member: member.user,
        objects={member.pk: member for activity in activities for member in activity.participants.all()}.values(),
    )
    return render(request, "commissioning/stage_detail.html", {
        "programme": programme, "stage": stage, "activities": activities,
        "decisions": list(stage.decisions.select_related("revised_by").order_by("-decided_on", "-pk")),
        "can_manage": request.user.has_perm(MANAGE, programme),
    })


@require_http_methods(["GET", "POST"])
def stage_edit(request: HttpRequest, programme_id: int, stage_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    stage = get_object_or_404(programme.stages, pk=stage_id)
    initial = {"phase": stage.phase, "name": stage.name, "description": stage.description}
    form = StageForm(data=request.POST or None, initial=initial, submit="Save the stage")
    if form.is_valid():
        services.stage_update(stage=stage, **form.cleaned_data)
        messages.success(request, f"Stage saved: {stage.name}")
        return redirect("commissioning:stage_list", programme_id=programme.pk)
    back = reverse("commissioning:stage_list", kwargs={"programme_id": programme.pk})
    return _form_page(request, programme, form, title=f"Change the stage “{initial['name']}”", back=back, back_label="Back to the stages")


@require_POST
def stage_move(request: HttpRequest, programme_id: int, stage_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    stage = get_object_or_404(programme.stages, pk=stage_id)
    try:
        services.stage_move(stage=stage, up=request.POST.get("direction") == "up")
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"Moved “{stage.name}” {'up' if request.POST.get('direction') == 'up' else 'down'}")
    return redirect(reverse("commissioning:stage_list", kwargs={"programme_id": programme.pk}) + f"#stage-{stage.pk}")


@require_http_methods(["GET", "POST"])
def stage_remove(request: HttpRequest, programme_id: int, stage_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    stage = get_object_or_404(programme.stages, pk=stage_id)
    error = None
    if request.method == "POST":
        try:
            services.stage_remove(stage=stage, programme=programme)
        except ValidationError as problem:
            error = problem.messages[0]
        else:
            messages.success(request, f"Stage removed: {stage.name}")
            return redirect("commissioning:stage_list", programme_id=programme.pk)
    return render(request, "commissioning/stage_remove.html", {
        "programme": programme, "stage": stage, "error": error, "in_use": services.stage_in_use(stage=stage),
    })


@require_GET
def group(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id)
    current, past = selectors.group_members(programme=programme)
    # A place in the group, with a lived-experience role, is personal: record who looked.
    audit_record_many(actor=request.user, action=AuditEvent.Action.VIEW, objects=current + past,
                      subject_of=lambda member: member.user, request=request)
    return render(request, "commissioning/group.html", {
        "programme": programme, "current": current, "past": past, "section_url_name": "commissioning:group",
        "can_manage": request.user.has_perm(MANAGE, programme),
    })


@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    form = MemberAddForm(data=request.POST or None)
    if form.is_valid():
        try:
            member = services.member_add(programme=programme, user=form.user, member_role=form.cleaned_data["member_role"], by=request.user)
        except ValidationError as error:
            errors_onto_form(form, error, "email")
        else:
            messages.success(request, f"{member.user.full_name} is now in the group")
            return redirect("commissioning:group", programme_id=programme.pk)
    back = reverse("commissioning:group", kwargs={"programme_id": programme.pk})
    return _form_page(request, programme, form, title="Add someone to the group", back=back, back_label="Back to the group",
                      section="commissioning:group")


def _member_or_404(request: HttpRequest, programme_id: int, member_id: int):
    programme = programme_or_404(request, programme_id, MANAGE)
    return programme, get_object_or_404(programme.members.select_related("user"), pk=member_id)


@require_http_methods(["GET", "POST"])
def member_role(request: HttpRequest, programme_id: int, member_id: int) -> HttpResponse:
    programme, member = _member_or_404(request, programme_id, member_id)
    form = MemberRoleForm(data=request.POST or None, initial={"member_role": member.member_role})
    if form.is_valid():
        services.member_change_role(member=member, member_role=form.cleaned_data["member_role"], by=request.user)
        messages.success(request, f"Role saved for {member.user.full_name}")
        return redirect("commissioning:group", programme_id=programme.pk)
    back = reverse("commissioning:group", kwargs={"programme_id": programme.pk})
    return _form_page(request, programme, form, title=f"Change {member.user.full_name}’s role", back=back,
                      back_label="Back to the group", section="commissioning:group")


@require_http_methods(["GET", "POST"])
def member_leave(request: HttpRequest, programme_id: int, member_id: int) -> HttpResponse:
    programme, member = _member_or_404(request, programme_id, member_id)
    form = MemberLeaveForm(data=request.POST or None)
    if form.is_valid():
        try:
            services.member_leave(member=member, left_on=form.cleaned_data["left_on"], by=request.user)
        except ValidationError as error:
            errors_onto_form(form, error, "left_on")
        else:
            messages.success(request, f"Recorded that {member.user.full_name} left the group")
            return redirect("commissioning:group", programme_id=programme.pk)
    back = reverse("commissioning:group", kwargs={"programme_id": programme.pk})
    intro = (f"{member.user.full_name} will no longer see the group’s members-only pages. What they took part in stays on record.")
    return _form_page(request, programme, form, title=f"Record that {member.user.full_name} left the group", back=back,
                      back_label="Back to the group", intro=intro, section="commissioning:group")


def _activity_form(request: HttpRequest, programme: Programme, *, initial: dict, activity=None) -> ActivityForm:
    members = selectors.current_members(programme=programme)
    if activity is not None:  # people who took part and have since left stay ticked
        members = (members | programme.members.filter(activities=activity)).select_related("user").distinct()
    return ActivityForm(data=request.POST or None, initial=initial, programme=programme, members=members)


@require_http_methods(["GET", "POST"])
def activity_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    stage_id = request.GET.get("stage", "")
    initial = {"stage": int(stage_id) if stage_id.isdigit() else programme.current_stage_id, "others_taking_part": 0}
    form = _activity_form(request, programme, initial=initial)
    if form.is_valid():
        activity = services.activity_record(programme=programme, data=dict(form.cleaned_data), by=request.user)
        messages.success(request, f"Activity recorded: {activity.title}")
        return redirect("commissioning:stage_detail", programme_id=programme.pk, stage_id=activity.stage_id)
    back = reverse("commissioning:programme_detail", kwargs={"programme_id": programme.pk})
    return _form_page(request, programme, form, title="Record co-production", back=back, back_label="Back to the overview")


@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, programme_id: int, activity_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    activity = get_object_or_404(programme.activities, pk=activity_id)
    owner_page = owner_url(activity)
    if owner_page:  # a workshop or budgeting round keeps its activity in step: change it there
        return redirect(owner_page)
    initial = {
        "stage": activity.stage_id, "kind": activity.kind, "title": activity.title, "happened_on": activity.happened_on,
        "summary": activity.summary, "ladder_rung": activity.ladder_rung, "others_taking_part": activity.others_taking_part,
        "participants": [member.pk for member in activity.participants.all()],
    }
    form = _activity_form(request, programme, initial=initial, activity=activity)
    if form.is_valid():
        services.activity_update(activity=activity, data=dict(form.cleaned_data), by=request.user)
        messages.success(request, f"Activity saved: {activity.title}")
        return redirect("commissioning:stage_detail", programme_id=programme.pk, stage_id=activity.stage_id)
    back = reverse("commissioning:programme_detail", kwargs={"programme_id": programme.pk})
    if activity.stage_id:
        back = reverse("commissioning:stage_detail", kwargs={"programme_id": programme.pk, "stage_id": activity.stage_id})
    return _form_page(request, programme, form, title=f"Change “{initial['title']}”", back=back, back_label="Back to the stage")


@require_GET
def decision_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id)
    stages = list(programme.stages.order_by("position"))
    filters = DecisionFilterForm(data=request.GET, stages=stages)
    stage_id = filters.cleaned_data.get("stage") if filters.is_valid() else None
    stage = next((stage for stage in stages if stage.pk == stage_id), None)
    decisions = selectors.decisions_log(programme=programme, stage=stage)
    page = Paginator(decisions, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    activity_links_prepare(request.user, [activity for decision in page.object_list for activity in decision.informed_by.all()])
    return render(request, "commissioning/decision_list.html", {
        "programme": programme, "page": page, "filters": filters, "stage": stage,
        "extra_query": urlencode({"stage": stage.pk}) + "&" if stage else "",
        "section_url_name": "commissioning:decision_list", "can_manage": request.user.has_perm(MANAGE, programme),
    })


@require_GET
def decision_detail(request: HttpRequest, programme_id: int, decision_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id)
    decision = get_object_or_404(selectors.decisions_log(programme=programme), pk=decision_id)
    activity_links_prepare(request.user, decision.informed_by.all())
    return render(request, "commissioning/decision_detail.html", {
        "programme": programme, "decision": decision, "section_url_name": "commissioning:decision_list",
        "trail": decision_trail(decision, request.user),
        "can_manage": request.user.has_perm(MANAGE, programme),
    })


@require_http_methods(["GET", "POST"])
def decision_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    form = DecisionForm(data=request.POST or None, programme=programme, initial={"stage": programme.current_stage_id, "decided_on": timezone.localdate()})
    if form.is_valid():
        try:
            decision = services.decision_record(programme=programme, data=form.decision_data(), by=request.user)
        except ValidationError as error:
            errors_onto_form(form, error, "informed_by")
        else:
            messages.success(request, f"Decision recorded: {decision.title}")
            return redirect("commissioning:decision_detail", programme_id=programme.pk, decision_id=decision.pk)
    back = reverse("commissioning:decision_list", kwargs={"programme_id": programme.pk})
    return _form_page(request, programme, form, title="Record a decision", back=back, back_label="Back to the decisions log",
                      section="commissioning:decision_list")


@require_http_methods(["GET", "POST"])
def decision_revise(request: HttpRequest, programme_id: int, decision_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    old = get_object_or_404(programme.decisions.select_related("revised_by"), pk=decision_id)
    initial = {
        "stage": old.stage_id, "title": old.title, "decision": old.decision, "decided_by": old.decided_by,
        "evidence": old.evidence, "informed_by": list(old.informed_by.values_list("pk", flat=True)),
        "decided_on": timezone.localdate(),
    }
    form = DecisionForm(data=request.POST or None, programme=programme, revising=True, initial=initial)
    if form.is_valid():
        try:
            decision = services.decision_record(
                programme=programme, data=form.decision_data(), by=request.user, revises=old, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            errors_onto_form(form, error, "reason")
        else:
            messages.success(request, f"Revised decision recorded: {decision.title}")
            return redirect("commissioning:decision_detail", programme_id=programme.pk, decision_id=decision.pk)
    back = reverse("commissioning:decision_detail", kwargs={"programme_id": programme.pk, "decision_id": old.pk})
    return render(request, "commissioning/decision_revise.html", {
        "programme": programme, "form": form, "old": old, "back_url": back, "section_url_name": "commissioning:decision_list",
    })


# Signed out too, for a public programme: anyone can follow what became of what they said.
@login_not_required
@require_GET
def delivery_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    if not request.user.is_authenticated and not selectors.is_public_programme_id(programme_id):
        return redirect_to_login(request.get_full_path())
    programme = programme_or_404(request, programme_id, "commissioning.view_programme_summary")
    page = Paginator(selectors.decisions_for_delivery(programme=programme), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "commissioning/delivery_list.html", {
        "programme": programme, "page": page, "section_url_name": "commissioning:delivery_list",
        "counts": selectors.delivery_counts(programme=programme), "can_manage": request.user.has_perm(MANAGE, programme),
        "full": request.user.has_perm("commissioning.view_programme", programme),
    })


@require_http_methods(["GET", "POST"])
def delivery_edit(request: HttpRequest, programme_id: int, decision_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    decision = get_object_or_404(programme.decisions.filter(revised_by__isnull=True), pk=decision_id)
    initial = {"you_said": decision.you_said, "status": decision.delivery_status, "percent": decision.delivery_percent,
               "stopped_reason": decision.stopped_reason}
    form = DeliveryForm(data=request.POST or None, initial=initial, open_milestones=decision.milestones.filter(reached_on__isnull=True))
    if form.is_valid():
        try:
            services.decision_delivery_update(decision=decision, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Progress saved: {decision.title}")
            return redirect("commissioning:delivery_list", programme_id=programme.pk)
    back = reverse("commissioning:delivery_list", kwargs={"programme_id": programme.pk})
    return _form_page(request, programme, form, title=f"Progress: {decision.title}", back=back,
                      back_label="Back to You said, we did", section="commissioning:delivery_list",
                      intro=f"What was decided: {decision.decision}")
