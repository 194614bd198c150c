from django.urls import path

from . import views

app_name = "recruitment"
C = "recruitment/<int:campaign_id>/"
urlpatterns = [
    path("recruitment/", views.campaign_list, name="campaign_list"),
    path("recruitment/add/", views.campaign_add, name="campaign_add"),
    path(C, views.campaign_detail, name="campaign_detail"),
    path(C + "panel/add/", views.member_add, name="member_add"),
    path(C + "briefing/", views.briefing, name="briefing"),
    path(C + "briefing/pdf/", views.briefing_pdf, name="briefing_pdf"),
    path(C + "briefing/send/", views.briefing_send, name="briefing_send"),
    path(C + "whom-you-know/", views.conflicts, name="conflicts"),
    path(C + "values/add/", views.value_add, name="value_add"),
    path(C + "values/<int:value_id>/", views.value_discuss, name="value_discuss"),
    path(C + "questions/add/", views.question_add, name="question_add"),
    path(C + "agree/", views.agree, name="agree"),
    path(C + "candidates/add/", views.candidate_add, name="candidate_add"),
    path(C + "candidates/<int:candidate_id>/score/", views.score, name="score"),
    path(C + "candidates/<int:candidate_id>/scores/", views.candidate_scores, name="candidate_scores"),
    path(C + "recommend/", views.recommend, name="recommend"),
    path(C + "appointment/", views.appointment, name="appointment"),
    path(C + "recognition/", views.recognition, name="recognition"),
]
