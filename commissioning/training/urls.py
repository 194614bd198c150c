from django.urls import path

from . import views

app_name = "training"
P = "programmes/<int:programme_id>/training/"
C = P + "<int:course_id>/"
S = C + "sessions/<int:session_id>/"
urlpatterns = [
    path(P, views.course_list, name="course_list"),
    path(P + "add/", views.course_add, name="course_add"),
    path(C, views.course_detail, name="course_detail"),
    path(C + "sessions/add/", views.session_add, name="session_add"),
    path(S, views.session_detail, name="session_detail"),
    path(S + "co-trainers/add/", views.co_trainer_add, name="co_trainer_add"),
    path(S + "bookings/add/", views.booking_add, name="booking_add"),
    path(S + "attendance/", views.attendance, name="attendance"),
    path(S + "materials/add/", views.material_add, name="material_add"),
    path(S + "materials/<int:material_id>/", views.material_file, name="material_file"),
]
