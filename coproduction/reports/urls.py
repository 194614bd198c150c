from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("your-data/", views.my_data, name="my_data"),
    path("<uuid:job_id>/", views.job_detail, name="job_detail"),
    path("<uuid:job_id>/download/", views.job_download, name="job_download"),
]
