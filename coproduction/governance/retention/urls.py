from django.urls import path

from . import views

urlpatterns: list = [
    path("manage/retention/", views.retention_schedule, name="retention_schedule"),
    path("manage/retention/due/", views.retention_due, name="retention_due"),
    path("manage/retention/runs/", views.retention_runs, name="retention_runs"),
    path("manage/retention/erasure/", views.erasure_list, name="erasure_list"),
    path("manage/retention/erasure/new/", views.erasure_add, name="erasure_add"),
    path("manage/retention/erasure/<int:erasure_id>/", views.erasure_detail, name="erasure_detail"),
]
