from django.urls import path

from . import views

app_name = "coassessment"
REVIEW = "programmes/<int:programme_id>/review/"
WTFC = REVIEW + "working-together-for-change/<int:exercise_id>/"
SURVEY = REVIEW + "surveys/<int:survey_id>/"
urlpatterns = [
    path(REVIEW, views.review_home, name="review_home"),
    # Working Together for Change
    path(REVIEW + "working-together-for-change/add/", views.wtfc_add, name="wtfc_add"),
    path(WTFC, views.wtfc_detail, name="wtfc_detail"),
    path(WTFC + "statements/<int:statement_id>/theme/", views.wtfc_statement_theme, name="wtfc_statement_theme"),
    path(WTFC + "themes/add/", views.wtfc_theme_add, name="wtfc_theme_add"),
    path(WTFC + "themes/<int:theme_id>/edit/", views.wtfc_theme_edit, name="wtfc_theme_edit"),
    path(WTFC + "results/", views.wtfc_results, name="wtfc_results"),
    path(WTFC + "priorities/", views.wtfc_priorities, name="wtfc_priorities"),
    # Surveys and focus groups
    path(REVIEW + "surveys/add/", views.survey_add, name="survey_add"),
    path(SURVEY, views.survey_detail, name="survey_detail"),
    path(SURVEY + "questions/add/", views.survey_question_add, name="survey_question_add"),
    path(SURVEY + "questions/<int:question_id>/remove/", views.survey_question_remove, name="survey_question_remove"),
    path(SURVEY + "open/", views.survey_status, {"action": "open"}, name="survey_open"),
    path(SURVEY + "close/", views.survey_status, {"action": "close"}, name="survey_close"),
    path(SURVEY + "answer/", views.survey_answer, name="survey_answer"),
    path(SURVEY + "results/", views.survey_results, name="survey_results"),
    path("surveys/<str:token>/", views.survey_public, name="survey_public"),
    path("survey-answered/", views.survey_thanks, name="survey_thanks"),
    path(REVIEW + "focus-groups/add/", views.focus_group_add, name="focus_group_add"),
    path(REVIEW + "focus-groups/<int:focus_group_id>/", views.focus_group_detail, name="focus_group_detail"),
    # Complaints and compliments
    path("complaints/", views.complaints_summary, name="complaints_summary"),
    path("complaints/log/", views.complaints_log, name="complaints_log"),
    path("complaints/log/add/", views.complaint_add, name="complaint_add"),
    # Co-assessment
    path(REVIEW + "co-assessments/add/", views.co_assessment_add, name="co_assessment_add"),
    path(REVIEW + "co-assessments/<int:co_assessment_id>/", views.co_assessment_detail, name="co_assessment_detail"),
    path(REVIEW + "co-assessments/<int:co_assessment_id>/decide/", views.co_assessment_decide, name="co_assessment_decide"),
]
