from django.urls import path

from . import views

app_name = "priorities"
P = "programmes/<int:programme_id>/"
urlpatterns = [
    path(P + "priorities/", views.priority_list, name="priority_list"),
    path(P + "priorities/propose/", views.priority_propose, name="priority_propose"),
    path(P + "priorities/<int:priority_id>/", views.priority_detail, name="priority_detail"),
    path(P + "priorities/<int:priority_id>/comment/", views.priority_comment, name="priority_comment"),
    path(P + "priorities/<int:priority_id>/support/", views.priority_support, name="priority_support"),
    path(P + "priorities/<int:priority_id>/support/withdraw/", views.priority_support_withdraw, name="priority_support_withdraw"),
    path(P + "priorities/shortlist/", views.shortlist_agree, name="shortlist_agree"),
    path(P + "outcomes/", views.outcome_list, name="outcome_list"),
    path(P + "outcomes/framework.csv", views.outcome_framework_csv, name="outcome_framework_csv"),
    path(P + "outcomes/add/", views.outcome_add, name="outcome_add"),
    path(P + "outcomes/from-priority/<int:priority_id>/", views.outcome_from_priority, name="outcome_from_priority"),
    path(P + "outcomes/<int:outcome_id>/", views.outcome_detail, name="outcome_detail"),
    path(P + "outcomes/<int:outcome_id>/edit/", views.outcome_edit, name="outcome_edit"),
    path(P + "outcomes/<int:outcome_id>/comment/", views.outcome_comment, name="outcome_comment"),
    path(P + "outcomes/<int:outcome_id>/indicators/add/", views.indicator_add, name="indicator_add"),
    path(P + "indicators/<int:indicator_id>/edit/", views.indicator_edit, name="indicator_edit"),
    path(P + "indicators/<int:indicator_id>/retire/", views.indicator_retire, name="indicator_retire"),
    path(P + "evidence/", views.evidence_list, name="evidence_list"),
    path(P + "evidence/add/", views.evidence_add, name="evidence_add"),
    path(P + "evidence/<int:evidence_id>/", views.evidence_detail, name="evidence_detail"),
    path(P + "evidence/<int:evidence_id>/file/", views.evidence_file, name="evidence_file"),
    path(P + "evidence/<int:evidence_id>/withdraw/", views.evidence_withdraw, name="evidence_withdraw"),
]
