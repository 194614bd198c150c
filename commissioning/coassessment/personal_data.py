from coproduction.core.personal_data import exempt, register

from .models import (
    CoAssessment,
    Survey,
    SurveyParticipation,
    SurveyResponse,
    WtfcExercise,
    WtfcPriority,
)

register(
    SurveyResponse,
    title="Surveys you answered with your name",
    user_paths=["respondent"],
    fields=[("Survey", "survey__title"), ("Sent", "submitted_on")],
    order_by=["-submitted_on"],
    explanation="Anonymous answers are not kept with your name, so they cannot be shown here.",
)
register(
    SurveyParticipation,
    title="Surveys you took part in",
    user_paths=["user"],
    fields=[("Survey", "survey__title")],
)
exempt(Survey, reason="names the staff member who wrote it: their work, not a record about them")
exempt(WtfcExercise, reason="names the staff member who ran it; its statements hold no link to any person")
exempt(WtfcPriority, reason="names the staff member who made the priority: their work, not a record about them")
exempt(CoAssessment, reason="names the staff member who started it: their work, not a record about them")
