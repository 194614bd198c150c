from django.urls import path

from . import views

app_name = "careplans"
urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("add/", views.person_add, name="person_add"),
    path("<int:person_id>/", views.person_detail, name="person_detail"),
    path("<int:person_id>/change/", views.person_edit, name="person_edit"),
    path("<int:person_id>/representatives/add/", views.representative_add, name="representative_add"),
    path(
        "<int:person_id>/representatives/<int:representative_id>/withdraw/",
        views.representative_withdraw,
        name="representative_withdraw",
    ),
]
