from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commissioning.access import programme_or_404
from commissioning.sections import page_panels
from coproduction.core.forms import errors_onto_form
from coproduction.core.paging import KeptCountPaginator

from . import selectors, services, wtfc_services
from .forms import (
    CoAssessmentForm,
    ComplaintForm,
    DecideForm,
    ExerciseForm,
    FocusGroupForm,
    FocusThemeForm,
    PrioritiesForm,
    QuestionForm,
    SurveyAnswerForm,
    SurveyForm,
    ThemeForm,
)
from .models import MIN_PEOPLE, StatementKind, Survey

TAB = "coassessment:review_home"
VIEW, TAKE_PART, MANAGE = "coassessment.view_review", "coassessment.take_part", "coassessment.manage_review"
STATEMENTS_PER_PAGE = 20


def _ctx(programme, **extra) -> dict:
    return {"programme": programme, "section_url_name": TAB, **extra}


def _form_page(request, programme, form, page_title, back_url, intro="") -> HttpResponse:
    return render(request, "commissioning/form.html", _ctx(
        programme, form=form, page_title=page_title, back_url=back_url, back_label="Back", intro=intro))


def _contracts(programme):
    return selectors.contracts_of(programme=programme)


@require_GET
def review_home(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, VIEW)
    return render(request, "coassessment/review_home.html", _ctx(
        programme,
        co_assessments=selectors.co_assessments_for(programme=programme)[:50],
        surveys=selectors.surveys_for(programme=programme)[:50],
        focus_groups=selectors.focus_groups_for(programme=programme)[:50],
        exercises=selectors.exercises_for(programme=programme)[:50],
        can_manage=request.user.has_perm(MANAGE, programme),
    ))


# --- Working Together for Change ------------------------------------------------------------


def _exercise(request, programme_id: int, exercise_id: int, permission: str = VIEW):
    programme = programme_or_404(request, programme_id, permission)
    return selectors.exercise_or_404(programme=programme, exercise_id=exercise_id)


def _board_url(exercise, query: dict) -> str:
    url = reverse("coassessment:wtfc_detail", kwargs={"programme_id": exercise.programme_id, "exercise_id": exercise.pk})
    kept = {key: value for key, value in query.items() if key in ("theme", "kind", "page") and str(value).isalnum()}
    return url + (f"?{urlencode(kept)}" if kept else "")


def _theme_options(themes, current) -> str:
    """The themes to move a statement to, made once for every statement on the page: all of
    them are in the theme shown (or in none)."""
    return format_html_join("", '<option value="{}"{}>{}</option>', (
        (theme.pk, mark_safe(" selected") if theme == current else "", theme.name) for theme in themes
    ))


@require_http_methods(["GET", "POST"])
def wtfc_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    form = ExerciseForm(data=request.POST or None, teams=selectors.teams_for_choice())
    if form.is_valid():
        try:
            exercise = wtfc_services.wtfc_exercise_create(programme=programme, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_onto_form(form, error, "teams")
        else:
            messages.success(request, f"{exercise.statement_count} statements from {exercise.people_count} people's reviews are ready to theme, without names.")
            return redirect(_board_url(exercise, {}))
    return _form_page(request, programme, form, "Start a Working Together for Change exercise", reverse(TAB, kwargs={"programme_id": programme.pk}),
                      intro=f"The statements people made in their reviews about what is working, not working and important for the future are copied without names. "
                            f"Nothing is used from people who said no. At least {MIN_PEOPLE} people's reviews are needed.")


@require_GET
def wtfc_detail(request: HttpRequest, programme_id: int, exercise_id: int) -> HttpResponse:
    exercise = _exercise(request, programme_id, exercise_id)
    theme_id, kind = request.GET.get("theme", ""), request.GET.get("kind", "")
    themes = selectors.wtfc_theme_counts(exercise=exercise)
    totals = selectors.wtfc_kind_totals(exercise=exercise, themes=themes)
    current = next((theme for theme in themes if str(theme.pk) == theme_id), None)
    statements = selectors.wtfc_statements(exercise=exercise, theme=current, kind=kind)
    count = selectors.wtfc_statement_count(totals=totals, theme=current, kind=kind)
    page = KeptCountPaginator(statements, STATEMENTS_PER_PAGE, count=count).get_page(request.GET.get("page"))
    move_url = reverse("coassessment:wtfc_statement_theme", kwargs={"programme_id": programme_id, "exercise_id": exercise.pk, "statement_id": 0})
    for statement in page:  # one page of statements: each one's form posts here
        statement.move_url = move_url.replace("/statements/0/", f"/statements/{statement.pk}/")
    filters = {"theme": current.pk if current else "", "kind": kind if kind in StatementKind.values else ""}
    return render(request, "coassessment/wtfc_detail.html", _ctx(
        exercise.programme, exercise=exercise, themes=themes, current=current, page=page, kind=filters["kind"],
        kinds=StatementKind.choices, totals=totals, theme_form=ThemeForm(), theme_options=_theme_options(themes, current),
        extra_query=urlencode({k: v for k, v in filters.items() if v}) + ("&" if any(filters.values()) else ""),
        filters=urlencode({k: v for k, v in {**filters, "page": page.number}.items() if v}),
        can_take_part=request.user.has_perm(TAKE_PART, exercise.programme), can_manage=request.user.has_perm(MANAGE, exercise.programme),
        page_panels=page_panels("wtfc_board", exercise, request.user),
    ))


@require_POST
def wtfc_statement_theme(request: HttpRequest, programme_id: int, exercise_id: int, statement_id: int) -> HttpResponse:
    """Put a statement in a theme (or take it out). The form on each statement works without
    JavaScript; dragging a statement onto a theme submits the same form."""
    exercise = _exercise(request, programme_id, exercise_id, TAKE_PART)
    statement = selectors.statement_or_404(exercise=exercise, statement_id=statement_id)
    chosen = request.POST.get("theme", "")
    theme = selectors.theme_or_404(exercise=exercise, theme_id=int(chosen)) if chosen.isdigit() else None
    wtfc_services.wtfc_statement_move(statement=statement, theme=theme)
    if not request.htmx:
        messages.success(request, f"Moved to “{theme.name}”" if theme else "Taken out of its theme")
    back = dict(part.split("=", 1) for part in request.POST.get("filters", "").split("&") if "=" in part)
    return redirect(_board_url(exercise, back))


@require_http_methods(["GET", "POST"])
def wtfc_theme_add(request: HttpRequest, programme_id: int, exercise_id: int) -> HttpResponse:
    exercise = _exercise(request, programme_id, exercise_id, TAKE_PART)
    form = ThemeForm(data=request.POST or None)
    if form.is_valid():
        try:
            theme = wtfc_services.wtfc_theme_create(exercise=exercise, **form.cleaned_data)
        except ValidationError as error:
            errors_onto_form(form, error, "name")
        else:
            messages.success(request, f"Theme “{theme.name}” added. Put statements in it.")
            return redirect(_board_url(exercise, {}))
    return _form_page(request, exercise.programme, form, "Add a theme", _board_url(exercise, {}))


@require_http_methods(["GET", "POST"])
def wtfc_theme_edit(request: HttpRequest, programme_id: int, exercise_id: int, theme_id: int) -> HttpResponse:
    exercise = _exercise(request, programme_id, exercise_id, TAKE_PART)
    theme = selectors.theme_or_404(exercise=exercise, theme_id=theme_id)
    form = ThemeForm(data=request.POST or None, initial={"name": theme.name, "i_statement": theme.i_statement}, submit="Save theme")
    if form.is_valid():
        try:
            wtfc_services.wtfc_theme_update(theme=theme, **form.cleaned_data)
        except ValidationError as error:
            errors_onto_form(form, error, "name")
        else:
            messages.success(request, "Theme saved")
            return redirect(_board_url(exercise, {"theme": theme.pk}))
    return _form_page(request, exercise.programme, form, f"Change the theme “{theme.name}”", _board_url(exercise, {"theme": theme.pk}))


@require_GET
def wtfc_results(request: HttpRequest, programme_id: int, exercise_id: int) -> HttpResponse:
    exercise = _exercise(request, programme_id, exercise_id)
    themes = selectors.wtfc_theme_counts(exercise=exercise)
    return render(request, "coassessment/wtfc_results.html", _ctx(
        exercise.programme, exercise=exercise, themes=themes,
        totals=selectors.wtfc_kind_totals(exercise=exercise, themes=themes), min_people=MIN_PEOPLE,
        can_manage=request.user.has_perm(MANAGE, exercise.programme),
    ))


@require_http_methods(["GET", "POST"])
def wtfc_priorities(request: HttpRequest, programme_id: int, exercise_id: int) -> HttpResponse:
    exercise = _exercise(request, programme_id, exercise_id, MANAGE)
    themes = [theme for theme in selectors.wtfc_theme_counts(exercise=exercise) if not hasattr(theme, "priority_link")]
    form = PrioritiesForm(data=request.POST or None, themes=themes)
    if form.is_valid():
        try:
            made = wtfc_services.wtfc_priorities_create(exercise=exercise, themes=form.chosen(), by=request.user)
        except ValidationError as error:
            errors_onto_form(form, error, "themes")
        else:
            messages.success(request, f"{len(made)} new {'priority' if len(made) == 1 else 'priorities'} in the programme")
            return redirect("coassessment:wtfc_results", programme_id=exercise.programme_id, exercise_id=exercise.pk)
    results = reverse("coassessment:wtfc_results", kwargs={"programme_id": exercise.programme_id, "exercise_id": exercise.pk})
    if not themes:
        messages.info(request, "Every theme is already a priority, or there are no themes yet.")
        return redirect(results)
    return _form_page(request, exercise.programme, form, "Turn themes into priorities", results)


# --- Surveys ----------------------------------------------------------------------------------


def _survey(request, programme_id: int, survey_id: int, permission: str = VIEW) -> Survey:
    programme = programme_or_404(request, programme_id, permission)
    return selectors.survey_or_404(programme=programme, survey_id=survey_id)


def _survey_url(survey: Survey) -> str:
    return reverse("coassessment:survey_detail", kwargs={"programme_id": survey.programme_id, "survey_id": survey.pk})


@require_http_methods(["GET", "POST"])
def survey_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    form = SurveyForm(data=request.POST or None, contracts=_contracts(programme))
    if form.is_valid():
        data = {**form.cleaned_data, "anonymous": form.cleaned_data["anonymous"] == "yes"}
        survey = services.survey_create(programme=programme, by=request.user, **data)
        messages.success(request, "Survey started. Add its questions.")
        return redirect(_survey_url(survey))
    return _form_page(request, programme, form, "Start a survey", reverse(TAB, kwargs={"programme_id": programme.pk}))


@require_GET
def survey_detail(request: HttpRequest, programme_id: int, survey_id: int) -> HttpResponse:
    survey = _survey(request, programme_id, survey_id)
    programme = survey.programme
    answered = selectors.survey_answered_by(survey=survey, user=request.user)
    return render(request, "coassessment/survey_detail.html", _ctx(
        programme, survey=survey, questions=selectors.questions_of(survey=survey), answered=answered,
        share_url=request.build_absolute_uri(reverse("coassessment:survey_public", kwargs={"token": survey.share_token})),
        can_manage=request.user.has_perm(MANAGE, programme), can_take_part=request.user.has_perm(TAKE_PART, programme),
    ))


@require_http_methods(["GET", "POST"])
def survey_question_add(request: HttpRequest, programme_id: int, survey_id: int) -> HttpResponse:
    survey = _survey(request, programme_id, survey_id, MANAGE)
    if not survey.is_draft:
        messages.error(request, services.NOT_DRAFT)
        return redirect(_survey_url(survey))
    form = QuestionForm(data=request.POST or None, initial={"required": True})
    if form.is_valid():
        data = form.cleaned_data
        services.question_add(survey=survey, kind=data["kind"], text=data["text"], hint=data["hint"], options=data["option_list"], required=data["required"])
        messages.success(request, "Question added")
        return redirect(_survey_url(survey) + "#questions")
    return _form_page(request, survey.programme, form, f"Add a question to “{survey.title}”", _survey_url(survey),
                      intro="Ask one thing at a time, in plain English. Text answers must not ask for names.")


@require_POST
def survey_question_remove(request: HttpRequest, programme_id: int, survey_id: int, question_id: int) -> HttpResponse:
    survey = _survey(request, programme_id, survey_id, MANAGE)
    question = selectors.question_or_404(survey=survey, question_id=question_id)
    question.survey = survey
    try:
        services.question_remove(question=question)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Question removed")
    return redirect(_survey_url(survey) + "#questions")


@require_POST
def survey_status(request: HttpRequest, programme_id: int, survey_id: int, action: str) -> HttpResponse:
    survey = _survey(request, programme_id, survey_id, MANAGE)
    change = {"open": services.survey_open, "close": services.survey_close}.get(action)
    if change is None:
        raise PermissionDenied
    try:
        change(survey=survey, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "The survey is open for answers" if action == "open" else "The survey is closed")
    return redirect(_survey_url(survey))


def _answer(request, survey, user, template_context: dict, thanks_url: str) -> HttpResponse:
    questions = selectors.questions_of(survey=survey)
    form = SurveyAnswerForm(data=request.POST or None, questions=questions)
    if form.is_valid():
        try:
            services.survey_answer(survey=survey, questions=questions, answers=form.answers(), user=user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        return redirect(thanks_url)
    return render(request, "coassessment/survey_answer.html", {**template_context, "survey": survey, "form": form})


@require_http_methods(["GET", "POST"])
def survey_answer(request: HttpRequest, programme_id: int, survey_id: int) -> HttpResponse:
    survey = _survey(request, programme_id, survey_id, TAKE_PART)
    if not survey.is_open or selectors.survey_answered_by(survey=survey, user=request.user):
        messages.info(request, "You have already answered this survey. Thank you." if survey.is_open else "This survey is not open for answers.")
        return redirect(_survey_url(survey))
    return _answer(request, survey, request.user, _ctx(survey.programme, signed_in=True), _survey_url(survey))


@login_not_required
@require_http_methods(["GET", "POST"])
def survey_public(request: HttpRequest, token: str) -> HttpResponse:
    """Answering by the shared link, without signing in. Nothing about who answers is kept."""
    survey = selectors.survey_by_token_or_404(token=token)
    return _answer(request, survey, None, {"signed_in": False}, reverse("coassessment:survey_thanks"))


@login_not_required
@require_GET
def survey_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "coassessment/survey_thanks.html")


@require_GET
def survey_results(request: HttpRequest, programme_id: int, survey_id: int) -> HttpResponse:
    survey = _survey(request, programme_id, survey_id)
    results = selectors.survey_results(survey=survey, questions=selectors.questions_of(survey=survey))
    return render(request, "coassessment/survey_results.html", _ctx(survey.programme, survey=survey, min_people=MIN_PEOPLE, **results))


# --- Focus groups -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def focus_group_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    form = FocusGroupForm(data=request.POST or None, contracts=_contracts(programme))
    if form.is_valid():
        focus_group = services.focus_group_record(programme=programme, by=request.user, **form.cleaned_data)
        messages.success(request, "Focus group recorded. Add the themes people raised.")
        return redirect("coassessment:focus_group_detail", programme_id=programme.pk, focus_group_id=focus_group.pk)
    return _form_page(request, programme, form, "Record a focus group", reverse(TAB, kwargs={"programme_id": programme.pk}))


@require_http_methods(["GET", "POST"])
def focus_group_detail(request: HttpRequest, programme_id: int, focus_group_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, VIEW)
    focus_group = selectors.focus_group_or_404(programme=programme, focus_group_id=focus_group_id)
    can_manage = request.user.has_perm(MANAGE, programme)
    if request.method == "POST" and not can_manage:
        raise PermissionDenied
    form = FocusThemeForm(data=request.POST or None) if can_manage else None
    if form is not None and form.is_valid():
        try:
            services.focus_group_theme_add(focus_group=focus_group, **form.cleaned_data)
        except ValidationError as error:
            errors_onto_form(form, error, "people_count")
        else:
            messages.success(request, "Theme added")
            return redirect("coassessment:focus_group_detail", programme_id=programme.pk, focus_group_id=focus_group.pk)
    return render(request, "coassessment/focus_group_detail.html", _ctx(
        programme, focus_group=focus_group, themes=selectors.focus_group_themes(focus_group=focus_group), form=form))


# --- Complaints ---------------------------------------------------------------------------------


@login_not_required
@require_GET
def complaints_summary(request: HttpRequest) -> HttpResponse:
    """For anyone: counts by service, quarter and theme, never what a complaint said."""
    return render(request, "coassessment/complaints_summary.html", {"rows": selectors.complaints_summary(), "min_people": MIN_PEOPLE})


@require_GET
def complaints_log(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("coassessment.log_complaints"):
        raise PermissionDenied
    page = Paginator(selectors.complaints_logged(), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "coassessment/complaints_log.html", {"page": page})


@require_http_methods(["GET", "POST"])
def complaint_add(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("coassessment.log_complaints"):
        raise PermissionDenied
    form = ComplaintForm(data=request.POST or None, contracts=selectors.contracts_of())
    if form.is_valid():
        try:
            services.complaint_log(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_onto_form(form, error, "received_on")
        else:
            messages.success(request, "Logged")
            return redirect("coassessment:complaints_log")
    return render(request, "coassessment/complaint_add.html", {"form": form})


# --- Co-assessment -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def co_assessment_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    members = programme.members.filter(left_on__isnull=True).select_related("user").order_by("member_role", "user__full_name")
    form = CoAssessmentForm(data=request.POST or None, contracts=_contracts(programme), members=members)
    if form.is_valid():
        co_assessment = services.co_assessment_start(programme=programme, by=request.user, **form.cleaned_data)
        messages.success(request, "Co-assessment started")
        return redirect("coassessment:co_assessment_detail", programme_id=programme.pk, co_assessment_id=co_assessment.pk)
    return _form_page(request, programme, form, "Start a co-assessment of a service", reverse(TAB, kwargs={"programme_id": programme.pk}),
                      intro="The group, including people who use the service, looks at everything known about it and agrees whether change is needed.")


@require_GET
def co_assessment_detail(request: HttpRequest, programme_id: int, co_assessment_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, VIEW)
    co_assessment = selectors.co_assessment_or_404(programme=programme, co_assessment_id=co_assessment_id)
    return render(request, "coassessment/co_assessment_detail.html", _ctx(
        programme, co_assessment=co_assessment, min_people=MIN_PEOPLE, can_manage=request.user.has_perm(MANAGE, programme),
        **selectors.co_assessment_evidence(co_assessment=co_assessment),
    ))


@require_http_methods(["GET", "POST"])
def co_assessment_decide(request: HttpRequest, programme_id: int, co_assessment_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    co_assessment = selectors.co_assessment_or_404(programme=programme, co_assessment_id=co_assessment_id)
    back = reverse("coassessment:co_assessment_detail", kwargs={"programme_id": programme.pk, "co_assessment_id": co_assessment.pk})
    if co_assessment.is_decided:
        messages.info(request, "The group's decision is already recorded.")
        return redirect(back)
    decisions = programme.decisions.filter(revised_by__isnull=True).order_by("-decided_on", "-pk")
    form = DecideForm(data=request.POST or None, decisions=decisions,
                      initial={"decision_title": f"Outcome of {co_assessment.activity.title}", "decided_by": "The co-assessment group"})
    if form.is_valid():
        try:
            services.co_assessment_decide(co_assessment=co_assessment, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_onto_form(form, error, None)
        else:
            messages.success(request, "The decision is in the decisions log")
            return redirect(back)
    return _form_page(request, programme, form, "Record what the group agreed", back)
