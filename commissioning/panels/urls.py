from django.urls import path

from commissioning.panels.scoring.urls import urlpatterns as scoring_urlpatterns

from . import views

app_name = "panels"
PANEL = "programmes/<int:programme_id>/panels/<int:panel_id>/"
urlpatterns = [
    path("programmes/<int:programme_id>/panels/", views.panel_list, name="panel_list"),
    path("programmes/<int:programme_id>/panels/add/", views.panel_add, name="panel_add"),
    path(PANEL, views.panel_detail, name="panel_detail"),
    path(PANEL + "edit/", views.panel_edit, name="panel_edit"),
    path(PANEL + "members/add/", views.member_add, name="member_add"),
    path(PANEL + "bidders/add/", views.bidder_add, name="bidder_add"),
    path(PANEL + "bidders/<int:bidder_id>/consortium/add/", views.consortium_member_add, name="consortium_member_add"),
    path(PANEL + "declaration/", views.declaration, name="declaration"),
    path(PANEL + "briefing/", views.briefing, name="briefing"),
    path(PANEL + "briefing/pdf/", views.briefing_pdf, name="briefing_pdf"),
    path(PANEL + "briefing/send/", views.briefing_send, name="briefing_send"),
    path(PANEL + "questions/", views.questions, name="questions"),
    path(PANEL + "questions/add/", views.question_add, name="question_add"),
    path(PANEL + "questions/<int:question_id>/reword/", views.question_reword, name="question_reword"),
    path(PANEL + "questions/<int:question_id>/comment/", views.question_comment, name="question_comment"),
    path(PANEL + "questions/agree/", views.questions_agree, name="questions_agree"),
    path(PANEL + "tender-questions/", views.tender_questions, name="tender_questions"),
    path(PANEL + "recognition/", views.recognition, name="recognition"),
    path(PANEL + "recognition/add/", views.recognition_add, name="recognition_add"),
]
# Bids, scoring, moderation and outputs keep their own list in the same namespace.
urlpatterns += scoring_urlpatterns
