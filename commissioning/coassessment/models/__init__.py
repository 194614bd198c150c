from .review import CoAssessment
from .surveys import (
    FocusGroup,
    FocusGroupTheme,
    Survey,
    SurveyAnswer,
    SurveyParticipation,
    SurveyQuestion,
    SurveyResponse,
)
from .wtfc import (
    MIN_PEOPLE,
    StatementKind,
    WtfcExercise,
    WtfcPriority,
    WtfcStatement,
    WtfcTheme,
)

__all__ = [
    "MIN_PEOPLE", "CoAssessment", "FocusGroup", "FocusGroupTheme", "StatementKind", "Survey", "SurveyAnswer",
    "SurveyParticipation", "SurveyQuestion", "SurveyResponse", "WtfcExercise", "WtfcPriority", "WtfcStatement", "WtfcTheme",
]
