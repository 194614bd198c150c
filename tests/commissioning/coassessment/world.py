"""coassessment records for the authorization matrix and the accessibility test. Builds on
tests/commissioning/world.py (world["programme"], where the PERSON and CARER users are members).

world["wtfc_exercise"]: in world["programme"], statements without names, one theme (not yet a
priority); world["other_wtfc_exercise"] in world["other_programme"]. world["survey"]: open,
shared by link, one question; world["draft_survey"]: still being written. world["contract"]: a
day service in world["programme"], with a focus group, a complaint and a co-assessment."""

import datetime

from commissioning.participants import activity_participants_add
from commissioning.monitoring.models import Complaint
from coproduction.accounts.models import Role
from tests.commissioning.coassessment.factories import (
    CoAssessmentFactory,
    ContractFactory,
    FocusGroupFactory,
    FocusGroupThemeFactory,
    SurveyFactory,
    SurveyQuestionFactory,
    WtfcExerciseFactory,
    WtfcStatementFactory,
    WtfcThemeFactory,
)


def build_coassessment_world(world: dict) -> dict:
    users = world["users"]
    commissioner = users[Role.COMMISSIONER]
    programme = world["programme"]
    exercise = WtfcExerciseFactory(programme=programme, created_by=commissioner)
    theme = WtfcThemeFactory(exercise=exercise, name="Getting out at weekends", i_statement="I want to go out at weekends too")
    for key in range(1, 7):
        WtfcStatementFactory(exercise=exercise, person_key=key, theme=theme if key <= 5 else None, text="Nothing to do on Saturdays")
    statement = exercise.statements.first()
    other_exercise = WtfcExerciseFactory(programme=world["other_programme"], created_by=commissioner)
    survey = SurveyFactory(programme=programme, created_by=commissioner, status="open", shared_by_link=True)
    SurveyQuestionFactory(survey=survey)
    draft_survey = SurveyFactory(programme=programme, created_by=commissioner, title="Transport survey")
    question = SurveyQuestionFactory(survey=draft_survey)
    contract = ContractFactory(programme=programme, service_name="Day opportunities north", created_by=commissioner)
    focus_group = FocusGroupFactory(programme=programme, contract=contract, activity__recorded_by=commissioner)
    FocusGroupThemeFactory(focus_group=focus_group)
    Complaint.objects.create(
        contract=contract, kind="complaint", theme="reliability", outcome="upheld", received_on=datetime.date(2026, 7, 3),
        summary="The minibus was late three times.", recorded_by=commissioner,
    )
    co_assessment = CoAssessmentFactory(programme=programme, contract=contract, created_by=commissioner, activity__recorded_by=commissioner)
    activity_participants_add(activity=co_assessment.activity, members=[world["member"]])
    return {
        "wtfc_exercise": exercise, "wtfc_theme": theme, "wtfc_statement": statement, "other_wtfc_exercise": other_exercise,
        "survey": survey, "draft_survey": draft_survey, "survey_question": question, "contract": contract,
        "focus_group": focus_group, "co_assessment": co_assessment,
    }
