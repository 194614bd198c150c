from django.urls import path

from . import views

app_name = "boards"
B = "boards/<int:board_id>/"
M = B + "meetings/<int:meeting_id>/"
urlpatterns = [
    path("boards/", views.board_list, name="board_list"),
    path("boards/add/", views.board_add, name="board_add"),
    path(B, views.board_detail, name="board_detail"),
    path(B + "members/add/", views.member_add, name="member_add"),
    path(B + "members/<int:member_id>/leave/", views.member_leave, name="member_leave"),
    path(B + "meetings/add/", views.meeting_add, name="meeting_add"),
    path(M, views.meeting_detail, name="meeting_detail"),
    path(M + "papers/", views.papers_pack, name="papers_pack"),
    path(M + "papers/add/", views.paper_add, name="paper_add"),
    path(M + "papers/send/", views.papers_send, name="papers_send"),
    path(M + "attendance/", views.attendance, name="attendance"),
    path(M + "decisions/add/", views.decision_add, name="decision_add"),
]
