from django.urls import path

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

# ---- Bids, scoring, moderation and outputs ----
from . import scoring_views  # noqa: E402

urlpatterns += [
    path(PANEL + "bids/", scoring_views.bids, name="bids"),
    path(PANEL + "bids/<int:bidder_id>/questions/<int:question_id>/", scoring_views.response_enter, name="response_enter"),
    path(PANEL + "answers/<int:response_id>/", scoring_views.response_detail, name="response_detail"),
    path(PANEL + "answers/<int:response_id>/file/", scoring_views.response_file, name="response_file"),
    path(PANEL + "answers/<int:response_id>/moderate/", scoring_views.response_moderate, name="response_moderate"),
    path(PANEL + "scoring/", scoring_views.scoring, name="scoring"),
    path(PANEL + "scoring/open/", scoring_views.scoring_open, name="scoring_open"),
    path(PANEL + "moderation/", scoring_views.moderation, name="moderation"),
    path(PANEL + "moderation/start/", scoring_views.moderation_start, name="moderation_start"),
    path(PANEL + "bidders/<int:bidder_id>/price/", scoring_views.price_enter, name="price_enter"),
    path(PANEL + "totals/", scoring_views.totals, name="totals"),
    path(PANEL + "award/", scoring_views.award, name="award"),
    path(PANEL + "notes/add/", scoring_views.annotation_add, name="annotation_add"),
    path(PANEL + "report/", scoring_views.report_pdf, name="report_pdf"),
    path(PANEL + "bidders/<int:bidder_id>/feedback/", scoring_views.feedback_pdf, name="feedback_pdf"),
]
