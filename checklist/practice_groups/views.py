from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from checklist.models import PracticeGroup
from checklist.selectors import min_group
from coproduction.core.access import require_perm, require_visible
from coproduction.core.forms import form_page as _form_page, saved_or_errors

from . import selectors, services
from .forms import ActionForm, GroupForm, MemberForm, ShareForm, StatementForm


def _group(request: HttpRequest, group_id: int, permission: str = "checklist.view_practice_group") -> PracticeGroup:
    return require_visible(request, selectors.group_or_none(group_id=group_id), permission, visible_perm="checklist.view_practice_group")


def group_url(group: PracticeGroup, anchor: str = "") -> str:
    return reverse("checklist:practice_group_detail", kwargs={"group_id": group.pk}) + (f"#{anchor}" if anchor else "")


@require_GET
def group_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "checklist.view_practice_groups")
    return render(request, "checklist/practice_groups/group_list.html", {
        "groups": selectors.groups_visible_to(user=request.user), "can_add": request.user.has_perm("checklist.add_practice_group"),
    })


@require_http_methods(["GET", "POST"])
def group_add(request: HttpRequest) -> HttpResponse:
    require_perm(request, "checklist.add_practice_group")
    form = GroupForm(data=request.POST or None, statements=selectors.statement_choices(), teams=selectors.teams_managed_by(user=request.user))
    group = saved_or_errors(form, lambda: services.group_create(by=request.user, request=request, **form.cleaned_data))
    if group is not None:
        messages.success(request, f"{group.name} started")
        return redirect(group_url(group))
    return _form_page(request, form, "Start a practice group", back_url=reverse("checklist:practice_groups"),
                      intro="Managers of different teams use the checklist together: each shares their team's totals and examples "
                            "for a statement, and the group agrees what to do.")


@require_GET
def group_detail(request: HttpRequest, group_id: int) -> HttpResponse:
    group = _group(request, group_id)
    return render(request, "checklist/practice_groups/group_detail.html", {
        "group": group, "members": selectors.current_members(group=group),
        "shared": selectors.shared_for_statement(group=group, statement=group.statement),
        "actions": selectors.actions_with_goals(group=group), "min_group": min_group(),
        "can_take_part": request.user.has_perm("checklist.take_part_in_practice_group", group),
    })


@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, group_id: int) -> HttpResponse:
    group = _group(request, group_id, "checklist.take_part_in_practice_group")
    form = MemberForm(data=request.POST or None, places=selectors.manager_places(group=group))

    def save():
        manager, team = selectors.manager_and_team(*form.cleaned_data["place"])
        return services.member_add(group=group, manager=manager, team=team, by=request.user, request=request)

    member = saved_or_errors(form, save)
    if member is not None:
        messages.success(request, f"{member.team.name} added to the group")
        return redirect(group_url(group, "members"))
    return _form_page(request, form, f"Add a manager to {group.name}", back_url=group_url(group, "members"),
                      intro="Any team manager can join, for a team they manage.")


@require_POST
def member_leave(request: HttpRequest, group_id: int, member_id: int) -> HttpResponse:
    group = _group(request, group_id, "checklist.take_part_in_practice_group")
    member = next((place for place in selectors.my_places(group=group, user=request.user) if place.pk == member_id), None)
    if member is None:  # a manager takes only their own team out of the group
        raise Http404
    services.member_leave(member=member, by=request.user, request=request)
    messages.success(request, f"{member.team.name} has left the group")
    return redirect("checklist:practice_groups")


@require_http_methods(["GET", "POST"])
def statement_change(request: HttpRequest, group_id: int) -> HttpResponse:
    group = _group(request, group_id, "checklist.take_part_in_practice_group")
    form = StatementForm(data=request.POST or None, initial={"statement": group.statement_id}, statements=selectors.statement_choices())
    if saved_or_errors(form, lambda: services.statement_choose(group=group, by=request.user, request=request, **form.cleaned_data)):
        messages.success(request, "The group is now looking at this statement")
        return redirect(group_url(group))
    return _form_page(request, form, "Choose the statement to look at", back_url=group_url(group))


@require_http_methods(["GET", "POST"])
def share(request: HttpRequest, group_id: int) -> HttpResponse:
    group = _group(request, group_id, "checklist.take_part_in_practice_group")
    form = ShareForm(data=request.POST or None, places=selectors.my_places(group=group, user=request.user))
    saved = saved_or_errors(form, lambda: services.team_share(statement=group.statement, by=request.user, request=request, **form.cleaned_data))
    if saved is not None:
        messages.success(request, f"{saved.member.team.name}'s totals and examples shared with the group")
        return redirect(group_url(group, "shared"))
    return _form_page(
        request, form, f"Share your team's figures for statement {group.statement.number}", back_url=group_url(group, "shared"),
        intro=f"The group sees your team's totals for \u201c{group.statement.plain_wording}\u201d: how many answered and the average "
              f"rating, from people and from practitioners. Totals from fewer than {min_group()} people are not shown. The group "
              "never sees anyone's own answers or comments.",
    )


@require_http_methods(["GET", "POST"])
def action_add(request: HttpRequest, group_id: int) -> HttpResponse:
    group = _group(request, group_id, "checklist.take_part_in_practice_group")
    form = ActionForm(data=request.POST or None)
    action = saved_or_errors(form, lambda: services.action_agree(group=group, statement=group.statement, by=request.user, request=request, **form.cleaned_data))
    if action is not None:
        messages.success(request, "Action recorded. Managers can link their team goals to it.")
        return redirect(group_url(group, "actions"))
    return _form_page(request, form, f"Record an action for statement {group.statement.number}", back_url=group_url(group, "actions"))
