"""The co-assessment page and the Working Together for Change theme counts run a fixed number of
queries however much data there is (ten times the statements, themes and evidence)."""

import datetime

from django.urls import reverse

from commissioning.coassessment.models import WtfcStatement
from commissioning.coassessment.wtfc_services import wtfc_counts_rebuild
from commissioning.participants import activity_participants_add
from commissioning.monitoring.models import Complaint
from tests.commissioning.coassessment.factories import (
    CoAssessmentFactory,
    FocusGroupFactory,
    FocusGroupThemeFactory,
    SurveyAnswerFactory,
    SurveyFactory,
    SurveyQuestionFactory,
    SurveyResponseFactory,
    WtfcExerciseFactory,
    WtfcStatementFactory,
    WtfcThemeFactory,
)
from tests.commissioning.monitoring.factories import (
    FindingFactory,
    MonitoringReturnFactory,
    QualityVisitFactory,
    ReturnFigureFactory,
)
from tests.harness.queries import assert_fixed_queries


def _statements(exercise, themes: int, per_theme: int, theme=None):
    """Statements in new themes (or in `theme`) and as many in none, counted once at the end."""
    rows = []
    for chosen in [theme] if theme else (WtfcThemeFactory(exercise=exercise) for _ in range(themes)):
        rows += WtfcStatementFactory.build_batch(per_theme, exercise=exercise, theme=chosen)
    rows += WtfcStatementFactory.build_batch(per_theme, exercise=exercise)
    WtfcStatement.objects.bulk_create(rows)
    wtfc_counts_rebuild(exercise=exercise)


def test_wtfc_board_and_ranked_themes_have_fixed_queries(client_as, person, programme):
    exercise = WtfcExerciseFactory(programme=programme)
    _statements(exercise, 2, 3)
    client = client_as(person)
    base = {"programme_id": programme.pk, "exercise_id": exercise.pk}
    # programme, memberships, exercise, themes with their kept counts, the page of statements (no
    # count: the themes keep theirs), the peer research findings; the ranked themes: the first four
    board = reverse("coassessment:wtfc_detail", kwargs=base)
    assert_fixed_queries(lambda: client.get(board), budget=6, grow=lambda: _statements(exercise, 18, 30))
    theme = exercise.themes.first()
    assert_fixed_queries(lambda: client.get(board, {"theme": theme.pk, "kind": "not_working", "page": "2"}), budget=6,
                         grow=lambda: _statements(exercise, 1, 60, theme=theme))
    assert_fixed_queries(lambda: client.get(reverse("coassessment:wtfc_results", kwargs=base)), budget=4, grow=lambda: _statements(exercise, 10, 10))


QUARTERS = iter([datetime.date(2026, 4, 1), datetime.date(2026, 7, 1), datetime.date(2026, 10, 1)])


def _evidence(co_assessment, size):
    contract = co_assessment.contract
    figures_return = MonitoringReturnFactory(contract=contract, period=next(QUARTERS))
    ReturnFigureFactory.create_batch(size, monitoring_return=figures_return)
    visit = QualityVisitFactory(contract=contract, status="reviewed", visited_on=datetime.date(2026, 6, 1))
    FindingFactory.create_batch(size, visit=visit)
    for _ in range(size):
        group = FocusGroupFactory(programme=co_assessment.programme, contract=contract)
        FocusGroupThemeFactory(focus_group=group)
        survey = SurveyFactory(programme=co_assessment.programme, contract=contract, status="closed")
        SurveyAnswerFactory(response=SurveyResponseFactory(survey=survey), question=SurveyQuestionFactory(survey=survey))
        Complaint.objects.create(contract=contract, kind="complaint", theme="staff", outcome="open",
                                 received_on=datetime.date(2026, 5, 1), recorded_by=co_assessment.created_by)


def test_co_assessment_page_has_fixed_queries(client_as, carer, programme):
    co_assessment = CoAssessmentFactory(programme=programme)
    activity_participants_add(activity=co_assessment.activity, members=programme.members.all())
    _evidence(co_assessment, 1)
    client = client_as(carer)
    url = reverse("coassessment:co_assessment_detail", kwargs={"programme_id": programme.pk, "co_assessment_id": co_assessment.pk})
    # programme, memberships, co-assessment, figures, findings, surveys, focus themes, complaints, participants
    assert_fixed_queries(lambda: client.get(url), budget=9, grow=lambda: _evidence(co_assessment, 10))


def test_survey_results_have_fixed_queries(client_as, carer, programme):
    survey = SurveyFactory(programme=programme, status="closed")
    question = SurveyQuestionFactory(survey=survey)
    text = SurveyQuestionFactory(survey=survey, kind="long_text", options=[])

    def answers(count):
        for _ in range(count):
            response = SurveyResponseFactory(survey=survey)
            SurveyAnswerFactory(response=response, question=question)
            SurveyAnswerFactory(response=response, question=text, option="", text="Fine")

    answers(5)
    client = client_as(carer)
    url = reverse("coassessment:survey_results", kwargs={"programme_id": programme.pk, "survey_id": survey.pk})
    assert_fixed_queries(lambda: client.get(url), budget=7, grow=lambda: answers(50))
