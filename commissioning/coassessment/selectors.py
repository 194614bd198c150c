"""Reads for the review part. Every page's queries are fixed in number; counts are made in SQL
and small counts are hidden, so no figure points at one person."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncQuarter
from django.http import Http404

from commissioning.models import Programme
from coproduction.accounts.models import Team

from .models import (
    MIN_PEOPLE,
    CoAssessment,
    FocusGroup,
    FocusGroupTheme,
    StatementKind,
    Survey,
    SurveyAnswer,
    SurveyParticipation,
    SurveyQuestion,
    WtfcExercise,
    WtfcPriority,
    WtfcStatement,
    WtfcTheme,
)


def shown(count: int | None) -> str:
    """A count as a page may show it: below the threshold (but not none) it is hidden."""
    count = count or 0
    return str(count) if count == 0 or count >= MIN_PEOPLE else f"fewer than {MIN_PEOPLE}"


# --- Working Together for Change ----------------------------------------------------------


def exercises_for(*, programme: Programme) -> QuerySet[WtfcExercise]:
    return WtfcExercise.objects.filter(programme=programme).annotate(
        theme_count=Count("themes", distinct=True),
    ).order_by("-created_at", "-pk")


def exercise_or_404(*, programme: Programme, exercise_id: int) -> WtfcExercise:
    found = WtfcExercise.objects.select_related("activity").filter(programme=programme, pk=exercise_id).first()
    if found is None:
        raise Http404
    found.programme = programme
    return found


def theme_or_404(*, exercise: WtfcExercise, theme_id) -> WtfcTheme:
    found = WtfcTheme.objects.filter(exercise=exercise, pk=theme_id).first()
    if found is None:
        raise Http404
    return found


def statement_or_404(*, exercise: WtfcExercise, statement_id: int) -> WtfcStatement:
    found = WtfcStatement.objects.filter(exercise=exercise, pk=statement_id).first()
    if found is None:
        raise Http404
    return found


def wtfc_theme_counts(*, exercise: WtfcExercise) -> list[WtfcTheme]:
    """Themes ranked by how many people raised them, then by statements: one query of the
    themes alone, as each keeps its own counts (statements and distinct people, in all and
    statements of each kind)."""
    themes = list(
        WtfcTheme.objects.filter(exercise=exercise)
        .select_related("priority_link__priority")
        .order_by("-people", "-statement_total", "name", "pk")
    )
    # Every statement comes from an exercise of at least MIN_PEOPLE people's reviews (checked
    # when it is made), so a theme's count alone cannot single anyone out: the group sees every
    # count and can rank. Breakdowns by team, equality group or date still hide small numbers.
    whole = exercise.people_count >= MIN_PEOPLE
    for rank, theme in enumerate(themes, start=1):
        theme.rank = rank
        theme.counts_shown = whole
        theme.people_shown = str(theme.people) if whole else shown(theme.people)
        theme.exercise = exercise
    return themes


@dataclass
class Board:
    themes: list
    statements: object  # a page of statements
    unthemed: int
    kind_totals: dict = field(default_factory=dict)


def wtfc_statements(*, exercise: WtfcExercise, theme: WtfcTheme | None, kind: str) -> QuerySet[WtfcStatement]:
    """Statements to theme: those not yet in a theme, or one theme's, of one kind or all, in
    the exercise's shuffled order (an index serves each of these)."""
    statements = WtfcStatement.objects.filter(exercise=exercise, theme=theme).only(
        "pk", "kind", "perspective", "text", "theme_id", "suggested_theme",
    )
    if kind in StatementKind.values:
        statements = statements.filter(kind=kind)
    return statements.order_by("pk")


def wtfc_kind_totals(*, exercise: WtfcExercise, themes: list[WtfcTheme]) -> dict:
    """Statements of each kind, in all, and how many are not in a theme yet (in all and of each
    kind), from the counts the exercise and its themes keep: no query."""
    totals = {kind: getattr(exercise, kind) for kind in StatementKind.values}
    totals["total"] = exercise.statement_count
    totals["unthemed"] = exercise.statement_count - sum(theme.statement_total for theme in themes)
    for kind in StatementKind.values:
        totals[f"unthemed_{kind}"] = totals[kind] - sum(getattr(theme, kind) for theme in themes)
    return totals


def wtfc_statement_count(*, totals: dict, theme: WtfcTheme | None, kind: str) -> int:
    """How many statements wtfc_statements gives, from the kept counts."""
    if kind not in StatementKind.values:
        return theme.statement_total if theme is not None else totals["unthemed"]
    return getattr(theme, kind) if theme is not None else totals[f"unthemed_{kind}"]


def wtfc_priority_for(*, priority) -> WtfcPriority | None:
    return WtfcPriority.objects.select_related("theme__exercise").filter(priority=priority).first()


# --- Surveys and focus groups -----------------------------------------------------------------


def surveys_for(*, programme: Programme) -> QuerySet[Survey]:
    return Survey.objects.filter(programme=programme).annotate(response_count=Count("responses", distinct=True)).order_by("-created_at", "-pk")


def survey_or_404(*, programme: Programme, survey_id: int) -> Survey:
    found = Survey.objects.select_related("activity", "contract").filter(programme=programme, pk=survey_id).first()
    if found is None:
        raise Http404
    found.programme = programme
    return found


def survey_by_token_or_404(*, token: str) -> Survey:
    """The survey behind a share link: only while it is open and shared by link."""
    found = Survey.objects.filter(share_token=token, shared_by_link=True, status=Survey.Status.OPEN).first()
    if found is None:
        raise Http404
    return found


def questions_of(*, survey: Survey) -> list[SurveyQuestion]:
    questions = list(SurveyQuestion.objects.filter(survey=survey).order_by("position", "pk"))
    for question in questions:
        question.survey = survey
    return questions


def question_or_404(*, survey: Survey, question_id: int) -> SurveyQuestion:
    found = SurveyQuestion.objects.filter(survey=survey, pk=question_id).first()
    if found is None:
        raise Http404
    return found


TEXT_ANSWERS_SHOWN = 200


def survey_results(*, survey: Survey, questions: list[SurveyQuestion]) -> dict:
    """Counts per option and scale point, and text answers, in three queries. Nothing is shown
    until MIN_PEOPLE have answered; an option chosen by fewer people shows as "fewer than"."""
    responses = survey.responses.count()
    if responses < MIN_PEOPLE:
        return {"responses": responses, "enough": False, "questions": questions}
    counts = defaultdict(dict)
    rows = (
        SurveyAnswer.objects.filter(question__survey=survey).exclude(option="", number__isnull=True)
        .values("question_id", "option", "number").annotate(n=Count("pk")).order_by()
    )
    for row in rows:
        key = row["option"] if row["option"] else row["number"]
        counts[row["question_id"]][key] = row["n"]
    texts = defaultdict(list)
    for question_id, text in (
        SurveyAnswer.objects.filter(question__survey=survey).exclude(text="")
        .order_by("question_id", "pk").values_list("question_id", "text")[:TEXT_ANSWERS_SHOWN]
    ):
        texts[question_id].append(text)
    for question in questions:
        mine = counts.get(question.pk, {})
        if question.has_options:
            question.results = [(option, shown(mine.get(option, 0))) for option in question.options]
        elif question.kind == SurveyQuestion.Kind.SCALE:
            total = sum(mine.values())
            question.results = [(str(point), shown(mine.get(point, 0))) for point in range(1, 6)]
            question.average = (sum(point * n for point, n in mine.items()) / total) if total >= MIN_PEOPLE else None
        else:
            question.texts = texts.get(question.pk, [])
    return {"responses": responses, "enough": True, "questions": questions}


def focus_groups_for(*, programme: Programme) -> QuerySet[FocusGroup]:
    return FocusGroup.objects.filter(programme=programme).select_related("activity", "contract").annotate(
        theme_count=Count("themes")
    ).order_by("-activity__happened_on", "-pk")


def focus_group_or_404(*, programme: Programme, focus_group_id: int) -> FocusGroup:
    found = FocusGroup.objects.select_related("activity", "contract").filter(programme=programme, pk=focus_group_id).first()
    if found is None:
        raise Http404
    found.programme = programme
    return found


def focus_group_themes(*, focus_group: FocusGroup) -> list[FocusGroupTheme]:
    return list(FocusGroupTheme.objects.filter(focus_group=focus_group))


# --- Complaints -----------------------------------------------------------------------------


def _complaint_model():
    from commissioning.monitoring.models import Complaint

    return Complaint


def quarter_label(start) -> str:
    from commissioning.monitoring.models import quarter_label as label

    return label(start)


def complaints_summary(*, contract_ids=None, between: tuple | None = None) -> list[dict]:
    """Complaints and compliments by service, quarter, kind and theme, counted in SQL, small
    counts hidden. Rows: service, quarter (date), kind, theme label, count shown."""
    Complaint = _complaint_model()
    complaints = Complaint.objects.all()
    if contract_ids is not None:
        complaints = complaints.filter(contract_id__in=contract_ids)
    if between is not None:
        complaints = complaints.filter(received_on__range=between)
    rows = (
        complaints.annotate(quarter=TruncQuarter("received_on"))
        .values("contract_id", "contract__service_name", "contract__provider__name", "quarter", "kind", "theme")
        .annotate(n=Count("pk"))
        .order_by("contract__service_name", "contract_id", "-quarter", "kind", "-n", "theme")
    )
    themes, kinds = dict(Complaint.Theme.choices), dict(Complaint.Kind.choices)
    return [
        {
            "contract_id": row["contract_id"], "service": row["contract__service_name"], "provider": row["contract__provider__name"],
            "quarter": row["quarter"], "quarter_label": quarter_label(row["quarter"]), "kind": kinds.get(row["kind"], row["kind"]), "theme": themes.get(row["theme"], row["theme"]),
            "count": shown(row["n"]), "n": row["n"],
        }
        for row in rows
    ]


def complaints_logged(*, contract_ids=None) -> QuerySet:
    Complaint = _complaint_model()
    complaints = Complaint.objects.select_related("contract")
    if contract_ids is not None:
        complaints = complaints.filter(contract_id__in=contract_ids)
    return complaints.order_by("-received_on", "-pk")


# --- Co-assessment ---------------------------------------------------------------------------


def co_assessments_for(*, programme: Programme) -> QuerySet[CoAssessment]:
    return CoAssessment.objects.filter(programme=programme).select_related("activity", "contract", "decision").order_by("-created_at", "-pk")


def co_assessment_or_404(*, programme: Programme, co_assessment_id: int) -> CoAssessment:
    found = (
        CoAssessment.objects.select_related("activity", "contract__provider", "decision__revises")
        .filter(programme=programme, pk=co_assessment_id).first()
    )
    if found is None:
        raise Http404
    found.programme = programme
    return found


def co_assessment_evidence(*, co_assessment: CoAssessment) -> dict:
    """Everything known about the service in the period, in a fixed number of queries."""
    from commissioning.monitoring.models import Finding, ReturnFigure

    contract = co_assessment.contract
    period = (co_assessment.looking_at_from, co_assessment.looking_at_to)
    figures = list(
        ReturnFigure.objects.filter(
            monitoring_return__contract=contract, monitoring_return__period__range=period, monitoring_return__submitted_at__isnull=False,
        ).select_related("indicator", "monitoring_return").order_by("indicator__position", "indicator_id", "monitoring_return__period")
    )
    findings = list(
        Finding.objects.filter(visit__contract=contract, visit__visited_on__range=period, visit__status="reviewed")
        .select_related("characteristic", "visit").order_by("-visit__visited_on", "visit_id", "characteristic__position", "pk")
    )
    surveys = list(
        Survey.objects.filter(programme_id=co_assessment.programme_id, contract=contract)
        .exclude(status=Survey.Status.DRAFT).annotate(response_count=Count("responses")).order_by("-created_at", "-pk")
    )
    for survey in surveys:
        survey.enough = survey.response_count >= MIN_PEOPLE
    focus_themes = list(
        FocusGroupTheme.objects.filter(focus_group__contract=contract, focus_group__activity__happened_on__range=period)
        .select_related("focus_group__activity").order_by("-focus_group__activity__happened_on", "-people_count", "pk")
    )
    complaints = complaints_summary(contract_ids=[contract.pk], between=period)
    participants = list(co_assessment.activity.participants.select_related("user").order_by("member_role", "user__full_name"))
    return {
        "figures": figures, "findings": findings, "surveys": surveys, "focus_themes": focus_themes,
        "complaints": complaints, "participants": participants,
    }


def contracts_of(*, programme: Programme | None = None) -> QuerySet:
    """Contracts to choose from: the programme's, or every programme's."""
    from commissioning.monitoring.models import Contract  # monitoring builds on this app's reviews

    contracts = Contract.objects.select_related("programme").order_by("service_name", "pk")
    return contracts.filter(programme=programme) if programme is not None else contracts


def teams_for_choice() -> QuerySet[Team]:
    return Team.objects.order_by("name")


def survey_answered_by(*, survey: Survey, user) -> bool:
    """Whether this person has answered the survey (their answers themselves stay anonymous)."""
    return user.is_authenticated and SurveyParticipation.objects.filter(survey=survey, user=user).exists()
