from django.urls import path

from . import views

app_name = "commissioning"
P = "programmes/<int:programme_id>/"
urlpatterns = [
    path("", views.programme_list, name="programme_list"),
    path("programmes/new/", views.programme_add, name="programme_add"),
    path(P, views.programme_detail, name="programme_detail"),
    path(P + "change/", views.programme_edit, name="programme_edit"),
    path(P + "current-stage/", views.programme_stage_move, name="programme_stage_move"),
    path(P + "dates/", views.key_dates, name="key_dates"),
    path(P + "dates/<int:key_date_id>/remove/", views.key_date_remove, name="key_date_remove"),
    path(P + "stages/", views.stage_list, name="stage_list"),
    path(P + "stages/add/", views.stage_add, name="stage_add"),
    path(P + "stages/<int:stage_id>/", views.stage_detail, name="stage_detail"),
    path(P + "stages/<int:stage_id>/change/", views.stage_edit, name="stage_edit"),
    path(P + "stages/<int:stage_id>/move/", views.stage_move, name="stage_move"),
    path(P + "stages/<int:stage_id>/remove/", views.stage_remove, name="stage_remove"),
    path(P + "group/", views.group, name="group"),
    path(P + "group/add/", views.member_add, name="member_add"),
    path(P + "group/<int:member_id>/role/", views.member_role, name="member_role"),
    path(P + "group/<int:member_id>/leave/", views.member_leave, name="member_leave"),
    path(P + "activities/add/", views.activity_add, name="activity_add"),
    path(P + "activities/<int:activity_id>/change/", views.activity_edit, name="activity_edit"),
    path(P + "decisions/", views.decision_list, name="decision_list"),
    path(P + "decisions/add/", views.decision_add, name="decision_add"),
    path(P + "decisions/<int:decision_id>/", views.decision_detail, name="decision_detail"),
    path(P + "decisions/<int:decision_id>/revise/", views.decision_revise, name="decision_revise"),
    path(P + "decisions/<int:decision_id>/progress/", views.delivery_edit, name="delivery_edit"),
    path(P + "you-said-we-did/", views.delivery_list, name="delivery_list"),
]
