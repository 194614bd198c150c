from django.urls import path

from . import views

urlpatterns = [
    path("manage/subject-access/", views.sar_search, name="sar_search"),
    path("manage/subject-access/person/<int:person_id>/", views.sar_person, name="sar_person"),
    path("manage/subject-access/account/<int:user_id>/", views.sar_account, name="sar_account"),
    path("manage/subject-access/<uuid:job_id>/", views.sar_detail, name="sar_detail"),
    path("manage/subject-access/<uuid:job_id>/download/", views.sar_download, name="sar_download"),
]
