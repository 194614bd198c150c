from django.urls import path

from . import views

app_name = "monitoring"
P = "programmes/<int:programme_id>/"
C = P + "contracts/<int:contract_id>/"
M = C + "meetings/<int:meeting_id>/"
V = C + "quality-visits/<int:visit_id>/"
F = P + "quality-frameworks/<int:framework_id>/"
urlpatterns = [
    path(P + "contracts/", views.contract_list, name="contract_list"),
    path(P + "contracts/add/", views.contract_add, name="contract_add"),
    path(C, views.contract_detail, name="contract_detail"),
    path(C + "edit/", views.contract_edit, name="contract_edit"),
    path(C + "returns/", views.return_list, name="return_list"),
    path(C + "returns/send/", views.return_start, name="return_start"),
    path(C + "returns/<str:period>/", views.return_edit, name="return_edit"),
    path(C + "actions/<int:action_id>/done/", views.action_done, name="action_done"),
    path(C + "meetings/add/", views.meeting_add, name="meeting_add"),
    path(M, views.meeting_detail, name="meeting_detail"),
    path(M + "edit/", views.meeting_edit, name="meeting_edit"),
    path(M + "members/add/", views.member_add, name="member_add"),
    path(M + "members/<int:member_id>/remove/", views.member_remove, name="member_remove"),
    path(M + "attendance/", views.attendance, name="attendance"),
    path(M + "papers/add/", views.paper_add, name="paper_add"),
    path(M + "papers/<int:paper_id>/file/", views.paper_file, name="paper_file"),
    path(M + "papers/<int:paper_id>/remove/", views.paper_remove, name="paper_remove"),
    path(M + "papers/send/", views.papers_send, name="papers_send"),
    path(M + "papers/", views.papers_pack, name="papers_pack"),
    path(M + "papers/pdf/", views.papers_pdf, name="papers_pdf"),
    path(M + "indicators/<int:indicator_id>/", views.indicator_report, name="indicator_report"),
    path(M + "minutes/", views.minutes_edit, name="minutes_edit"),
    path(M + "minutes/agree/", views.minutes_agree, name="minutes_agree"),
    path(M + "actions/add/", views.meeting_action_add, name="meeting_action_add"),
    path(C + "quality-visits/add/", views.visit_add, name="visit_add"),
    path(V, views.visit_detail, name="visit_detail"),
    path(V + "findings/", views.visit_findings, name="visit_findings"),
    path(V + "review/", views.visit_review, name="visit_review"),
    path(V + "respond/", views.visit_respond, name="visit_respond"),
    path(V + "actions/add/", views.visit_action_add, name="visit_action_add"),
    path(V + "recognition/", views.visit_recognition, name="visit_recognition"),
    path(P + "quality-frameworks/", views.framework_list, name="framework_list"),
    path(P + "quality-frameworks/add/", views.framework_add, name="framework_add"),
    path(F, views.framework_detail, name="framework_detail"),
    path(F + "edit/", views.framework_edit, name="framework_edit"),
    path(F + "characteristics/add/", views.characteristic_add, name="characteristic_add"),
    path(F + "characteristics/<int:characteristic_id>/edit/", views.characteristic_edit, name="characteristic_edit"),
    path(F + "characteristics/<int:characteristic_id>/remove/", views.characteristic_remove, name="characteristic_remove"),
    path("monitoring/mine/", views.my_monitoring, name="my_monitoring"),
]
