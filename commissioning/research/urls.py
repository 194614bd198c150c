from django.urls import path

from . import views

app_name = "research"
P = "programmes/<int:programme_id>/research/"
R = P + "<int:project_id>/"
urlpatterns = [
    path(P, views.project_list, name="project_list"),
    path(P + "add/", views.project_add, name="project_add"),
    path(R, views.project_detail, name="project_detail"),
    path(R + "interviews/add/", views.interview_add, name="interview_add"),
    path(R + "findings/add/", views.finding_add, name="finding_add"),
    path(R + "findings/pdf/", views.findings_pdf, name="findings_pdf"),
    path(P + "findings/<int:finding_id>/theme/", views.finding_theme, name="finding_theme"),
    path(P + "priorities/<int:priority_id>/findings/", views.priority_findings, name="priority_findings"),
]
