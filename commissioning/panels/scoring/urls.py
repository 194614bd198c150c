from django.urls import path

from . import views

PANEL = "programmes/<int:programme_id>/panels/<int:panel_id>/"
# Bids, scoring, moderation and outputs.
urlpatterns = [
    path(PANEL + "bids/", views.bids, name="bids"),
    path(PANEL + "bids/<int:bidder_id>/questions/<int:question_id>/", views.response_enter, name="response_enter"),
    path(PANEL + "answers/<int:response_id>/", views.response_detail, name="response_detail"),
    path(PANEL + "answers/<int:response_id>/file/", views.response_file, name="response_file"),
    path(PANEL + "answers/<int:response_id>/moderate/", views.response_moderate, name="response_moderate"),
    path(PANEL + "shortlisting/", views.shortlisting, name="shortlisting"),
    path(PANEL + "shortlisting/<int:bidder_id>/", views.shortlist_check, name="shortlist_check"),
    path(PANEL + "shortlisting/<int:bidder_id>/letter/", views.shortlist_letter_pdf, name="shortlist_letter_pdf"),
    path(PANEL + "scoring/", views.scoring, name="scoring"),
    path(PANEL + "scoring/open/", views.scoring_open, name="scoring_open"),
    path(PANEL + "moderation/", views.moderation, name="moderation"),
    path(PANEL + "moderation/start/", views.moderation_start, name="moderation_start"),
    path(PANEL + "bidders/<int:bidder_id>/price/", views.price_enter, name="price_enter"),
    path(PANEL + "totals/", views.totals, name="totals"),
    path(PANEL + "award/", views.award, name="award"),
    path(PANEL + "notes/add/", views.annotation_add, name="annotation_add"),
    path(PANEL + "report/", views.report_pdf, name="report_pdf"),
    path(PANEL + "bidders/<int:bidder_id>/feedback/", views.feedback_pdf, name="feedback_pdf"),
    path(PANEL + "open-data.json", views.ocds_release_package, name="ocds_releases"),
]
