from django.urls import path

from . import views

app_name = "networks"
N = "networks/<int:network_id>/"
T = N + "discussions/<int:thread_id>/"
M = N + "meetings/<int:meeting_id>/"
urlpatterns = [
    path("networks/", views.network_list, name="network_list"),
    path("networks/add/", views.network_add, name="network_add"),
    path(N, views.network_detail, name="network_detail"),
    path(N + "members/add/", views.member_add, name="member_add"),
    path(N + "members/<int:member_id>/leave/", views.member_leave, name="member_leave"),
    path(N + "way-of-working/", views.way_of_working_edit, name="way_of_working_edit"),
    path(N + "way-of-working/agree/", views.way_of_working_agree, name="way_of_working_agree"),
    path(N + "discussions/add/", views.thread_add, name="thread_add"),
    path(T, views.thread_detail, name="thread_detail"),
    path(T + "posts/<int:post_id>/hide/", views.post_hide, name="post_hide"),
    path(N + "library/add/", views.library_add, name="library_add"),
    path(N + "asset-map/", views.listing, name="listing"),
    path(N + "meetings/add/", views.meeting_add, name="meeting_add"),
    path(M, views.meeting_detail, name="meeting_detail"),
    path(M + "papers/", views.papers_pack, name="papers_pack"),
    path(M + "papers/add/", views.paper_add, name="paper_add"),
    path(M + "papers/send/", views.papers_send, name="papers_send"),
    path(M + "minutes/", views.minutes_edit, name="minutes_edit"),
    path(M + "minutes/agree/", views.minutes_agree, name="minutes_agree"),
    path(M + "attendance/", views.attendance, name="attendance"),
    path(M + "recognition/", views.recognition, name="recognition"),
    path(N + "alliances/add/", views.alliance_add, name="alliance_add"),
    path(N + "alliances/<int:alliance_id>/", views.alliance_detail, name="alliance_detail"),
]
