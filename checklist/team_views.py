"""Using the checklist as a team: dashboards, goals, survey rounds, stories and the statements
themselves. Every figure here is a total; groups too small to hide someone are withheld."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from careplans.selectors import practitioners_in
from coproduction.accounts.models import Team
from coproduction.accounts.selectors import council_organisation
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access import get_visible_or_404, require_perm
from coproduction.core.forms import errors_onto_form
from coproduction.reports.models import ReportJob
from coproduction.reports.services import report_job_request

from . import charts, selectors, services
from .practice_groups.selectors import actions_for_goal_choice
from .forms import (
    DashboardFilterForm,
    GoalForm,
    GoalProgressForm,
    StatementSetForm,
    StoryShareForm,
    SurveyRoundForm,
)
from .models import Rating, SharedStory, Statement


def _dashboard_scope(request: HttpRequest):
    """The teams this viewer may see totals for, the statements, and the chosen filters."""
    teams = selectors.teams_for_dashboard(user=request.user)
    statement_set = selectors.statement_set_current()
    statements = selectors.planning_statements(statement_set=statement_set) if statement_set else []
    all_label = selectors.dashboard_all_teams_label(user=request.user, teams=teams)
    initial = {"period": "12m", "team": teams[0].pk if len(teams) == 1 else None}
    form = DashboardFilterForm(data=request.GET or None, initial=initial, teams=teams, statements=statements, all_teams_label=all_label)
    filters = form.filters() if request.GET else {"team": None, "period": "12m", "statement": None}
    if filters["team"] is None and len(teams) == 1:
        filters["team"] = teams[0].pk
    team_ids = selectors.dashboard_team_ids(user=request.user, teams=teams, chosen_team_id=filters["team"])
    return form, teams, statements, filters, team_ids


@require_GET
@vary_on_headers("HX-Request")
def dashboard(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("checklist.view_dashboard"):
        raise PermissionDenied
    form, teams, statements, filters, team_ids = _dashboard_scope(request)
    context = {
        "form": form, "teams": teams, "filters": filters, "min_group": selectors.min_group(),
        "can_see_every_team": request.user.has_perm("checklist.view_every_team"),
    }
    if teams:
        start = selectors.period_start(filters["period"])
        figure_team_ids = team_ids if team_ids is not None else [team.pk for team in teams]
        results = selectors.results_by_statement(statements=statements, team_ids=team_ids, start=start, statement_id=filters["statement"])
        trend = selectors.trend_by_quarter(team_ids=team_ids, start=start, statement_id=filters["statement"], statements=len(statements))
        goals = selectors.goals_open_for(team_ids=figure_team_ids)[:10]
        chosen_team = next((team for team in teams if team.pk == filters["team"]), None)
        context.update({
            "figures": selectors.caseload_figures(team_ids=team_ids),
            "results": results,
            "trend": trend,
            "goals": goals,
            "chosen_team": chosen_team,
            "period_label": selectors.PERIODS[filters["period"]][0],
            "average_chart": charts.average_bars(results, title="Average rating by statement"),
            "trend_chart": charts.trend_lines(trend, title="Average rating by quarter"),
            # Figures link to the lists behind them only for those who may open the lists.
            "can_see_caseload": request.user.has_perm("careplans.view_caseload"),
            "can_choose_stories": chosen_team is not None and request.user.has_perm("checklist.choose_stories", chosen_team),
        })
    template = "checklist/dashboard.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#dashboard-results"
    return render(request, template, context)


@require_GET
def teams_side_by_side(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("checklist.view_dashboard"):
        raise PermissionDenied
    form, teams, statements, filters, _ = _dashboard_scope(request)
    page = Paginator(teams, 25).get_page(request.GET.get("page"))
    rows = selectors.teams_side_by_side(
        teams=list(page.object_list), start=selectors.period_start(filters["period"]), statement_id=filters["statement"], statements=len(statements)
    )
    extra_query = f"period={filters['period']}&" + (f"statement={filters['statement']}&" if filters["statement"] else "")
    context = {"form": form, "page": page, "rows": rows, "filters": filters, "extra_query": extra_query, "period_label": selectors.PERIODS[filters["period"]][0], "min_group": selectors.min_group()}
    return render(request, "checklist/teams.html", context)


# Stories ----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def team_stories(request: HttpRequest, team_id: int, statement_id: int) -> HttpResponse:
    """A team's comments and stories for one statement, and its top three."""
    team = get_visible_or_404(request, Team, "checklist.choose_stories", pk=team_id)
    statement = get_object_or_404(Statement, pk=statement_id)
    error = None
    if request.method == "POST":
        if "choose" in request.POST:
            rating = get_object_or_404(Rating, pk=request.POST["choose"], team_id=team.pk, statement_id=statement.pk, submitted_on__isnull=False)
            try:
                services.story_choose(rating=rating, by=request.user, request=request)
            except ValidationError as problem:
                error = problem.messages[0]
            else:
                messages.success(request, "Story added to your team's top three")
                return redirect("checklist:team_stories", team_id=team.pk, statement_id=statement.pk)
        elif "remove" in request.POST:
            story = get_object_or_404(SharedStory, pk=request.POST["remove"], team_id=team.pk)
            services.story_unchoose(story=story, by=request.user, request=request)
            messages.success(request, "Story removed from your team's top three")
            return redirect("checklist:team_stories", team_id=team.pk, statement_id=statement.pk)
    audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=team, request=request, detail=f"checklist comments for statement {statement.number}")
    page = Paginator(selectors.team_comments(team_id=team.pk, statement_id=statement.pk), 20).get_page(request.GET.get("page"))
    context = {"team": team, "statement": statement, "stories": selectors.team_stories(team_id=team.pk, statement_id=statement.pk), "page": page, "error": error, "limit": services.STORIES_PER_STATEMENT}
    return render(request, "checklist/team_stories.html", context, status=400 if error else 200)


@require_http_methods(["GET", "POST"])
def story_share(request: HttpRequest, story_id: int) -> HttpResponse:
    story = get_visible_or_404(request, selectors.shared_story_for_page(), pk=story_id)
    require_perm(request, "checklist.choose_stories", story.team)
    form = StoryShareForm(data=request.POST or None)
    if form.is_valid():
        services.story_share(story=story, consent_from=form.cleaned_data["consent_from"], consent_notes=form.cleaned_data["consent_notes"], by=request.user, request=request)
        messages.success(request, "The story is now shared across the council")
        return redirect("checklist:team_stories", team_id=story.team_id, statement_id=story.statement_id)
    return render(request, "checklist/story_share.html", {"form": form, "story": story})


@require_GET
def shared_stories(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("checklist.view_shared_stories"):
        raise PermissionDenied
    statement_set = selectors.statement_set_current()
    statements = selectors.planning_statements(statement_set=statement_set) if statement_set else []
    chosen = request.GET.get("statement")
    statement_id = int(chosen) if chosen and chosen.isdigit() and any(s.pk == int(chosen) for s in statements) else None
    page = Paginator(selectors.shared_stories(statement_id=statement_id), 20).get_page(request.GET.get("page"))
    return render(request, "checklist/shared_stories.html", {"page": page, "statements": statements, "statement_id": statement_id})


# Goals ------------------------------------------------------------------------------------


@require_GET
def goal_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("checklist.view_goals"):
        raise PermissionDenied
    page = Paginator(selectors.goals_visible_to(user=request.user), 20).get_page(request.GET.get("page"))
    can_add = request.user.has_perm("checklist.agree_goals")
    return render(request, "checklist/goal_list.html", {"page": page, "can_add": can_add, "min_group": selectors.min_group()})


@require_http_methods(["GET", "POST"])
def goal_add(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("checklist.agree_goals"):
        raise PermissionDenied
    managed = selectors.teams_managed_by(user=request.user)
    statements = selectors.planning_statement_choices(statement_set=selectors.statement_set_current())
    form = GoalForm(
        data=request.POST or None, teams=managed, single_team=len(request.user.managed_team_ids) == 1, statements=statements,
        practitioners=practitioners_in(team_ids=request.user.managed_team_ids),
        practice_actions=actions_for_goal_choice(user=request.user),
    )
    if form.is_valid():
        if not request.user.has_perm("checklist.add_goal", form.cleaned_data["team"]):
            raise PermissionDenied
        goal = services.goal_create(data=form.cleaned_data, by=request.user, request=request)
        messages.success(request, "Goal agreed")
        return redirect("checklist:goal_detail", goal_id=goal.pk)
    return render(request, "checklist/goal_form.html", {"form": form, "page_title": "Agree a goal"})


@require_http_methods(["GET", "POST"])
def goal_detail(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = get_visible_or_404(request, selectors.goal_list_with_progress(), "checklist.view_goal", pk=goal_id)
    can_change = request.user.has_perm("checklist.change_goal", goal)
    form = GoalProgressForm(data=request.POST or None, instance=goal) if can_change else None
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        if form.is_valid():
            services.goal_update(goal=goal, data=form.cleaned_data, by=request.user, request=request)
            messages.success(request, "Goal updated")
            return redirect("checklist:goal_detail", goal_id=goal.pk)
    action = goal.practice_action
    return render(request, "checklist/goal_detail.html", {
        "goal": goal, "form": form, "min_group": selectors.min_group(),
        "practice_group_visible": action is not None and request.user.has_perm("checklist.view_practice_group", action.group),
    })


# Survey rounds ----------------------------------------------------------------------------


@require_GET
def round_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("checklist.view_rounds"):
        raise PermissionDenied
    page = Paginator(selectors.rounds_visible_to(user=request.user), 20).get_page(request.GET.get("page"))
    return render(request, "checklist/round_list.html", {"page": page})


@require_http_methods(["GET", "POST"])
def round_add(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("checklist.view_rounds"):
        raise PermissionDenied
    whole_council = request.user.has_perm("checklist.open_council_round")
    teams = list(selectors.teams_managed_by(user=request.user))
    if not teams and not whole_council:
        raise PermissionDenied
    form = SurveyRoundForm(data=request.POST or None, teams=teams, whole_council=whole_council)
    if form.is_valid():
        try:
            survey_round = services.survey_round_open(
                title=form.cleaned_data["title"], team=form.chosen_team(), opens_on=form.cleaned_data["opens_on"],
                closes_on=form.cleaned_data["closes_on"], by=request.user, request=request,
            )
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, f"Survey opened: {survey_round.title}")
            return redirect("checklist:round_detail", round_id=survey_round.pk)
    return render(request, "checklist/round_form.html", {"form": form, "page_title": "Open a checklist survey"})


@require_GET
def round_detail(request: HttpRequest, round_id: int) -> HttpResponse:
    survey_round = get_visible_or_404(request, selectors.rounds_visible_to(user=request.user), "checklist.view_round", pk=round_id)
    results = selectors.round_results(survey_round=survey_round)
    return render(request, "checklist/round_detail.html", {"round": survey_round, "results": results, "min_group": selectors.min_group()})


# Statement sets ---------------------------------------------------------------------------


@require_GET
def statement_set_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("checklist.publish_statement_set"):
        raise PermissionDenied
    page = Paginator(selectors.statement_sets(), 20).get_page(request.GET.get("page"))
    return render(request, "checklist/statement_set_list.html", {"page": page})


@require_http_methods(["GET", "POST"])
def statement_set_publish(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("checklist.publish_statement_set"):
        raise PermissionDenied
    current_set = selectors.statement_set_current()
    current = list(current_set.statements.order_by("number")) if current_set else []
    initial = {"title": current_set.title, "source": current_set.source, "source_url": current_set.source_url} if current_set else {}
    form = StatementSetForm(data=request.POST or None, current=current, initial=initial)
    if form.is_valid():
        data = form.cleaned_data
        statement_set = services.statement_set_publish(
            title=data["title"], source=data["source"], source_url=data["source_url"], wording_checked=data["wording_checked"],
            notes=data["notes"], statements=form.statements(), by=request.user, request=request,
        )
        messages.success(request, f"Version {statement_set.version} published. New checklists use it from now on.")
        return redirect("checklist:statement_sets")
    return render(request, "checklist/statement_set_form.html", {"form": form, "page_title": "Publish a new version of the statements", "current_set": current_set})



# Reports ----------------------------------------------------------------------------------


@require_POST
def report_request(request: HttpRequest) -> HttpResponse:
    """A team report, or (for a head of service) the council-wide one, made in the background."""
    team_id = request.POST.get("team", "")
    if team_id:
        if not team_id.isdigit():
            raise PermissionDenied
        subject = get_visible_or_404(request, Team, "checklist.view_team_results", pk=team_id)
        kind = ReportJob.Kind.CHECKLIST_TEAM
    else:
        if not request.user.has_perm("checklist.view_council_results"):
            raise PermissionDenied
        subject = council_organisation()
        if subject is None:
            raise Http404
        kind = ReportJob.Kind.CHECKLIST_COUNCIL
    if request.POST.get("kind") == "csv":
        kind = ReportJob.Kind.CHECKLIST_CSV
    period = request.POST.get("period") if request.POST.get("period") in selectors.PERIODS else "12m"
    job = report_job_request(kind=kind, requested_by=request.user, subject=subject, request=request, options={"period": period})
    return redirect("reports:job_detail", job_id=job.pk)
