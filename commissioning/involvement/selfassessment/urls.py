from django.urls import path

from . import views

urlpatterns = [
    # The commissioning team's Spectrum of Practice self-assessment.
    path("involvement/self-assessment/", views.selfassessment, name="selfassessment"),
    path("involvement/self-assessment/new/", views.round_add, name="round_add"),
    path("involvement/self-assessment/<int:round_id>/", views.round_detail, name="round_detail"),
    path("involvement/self-assessment/<int:round_id>/change/", views.round_edit, name="round_edit"),
    # A practitioner's "doing with, not doing to" self-check, and the team's totals.
    path("involvement/doing-with/", views.self_checks, name="self_checks"),
    path("involvement/doing-with/new/", views.self_check_add, name="self_check_add"),
    path("involvement/doing-with/<int:check_id>/", views.self_check_detail, name="self_check_detail"),
    path("involvement/doing-with/team/", views.self_check_team, name="self_check_team"),
]
