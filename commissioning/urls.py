from django.urls import path

from . import views

app_name = "commissioning"
urlpatterns = [
    path("", views.programme_list, name="programme_list"),
    path("programmes/<int:programme_id>/", views.programme_detail, name="programme_detail"),
]
