from django.urls import path

from . import views

app_name = "workshops"
WORKSHOP = "programmes/<int:programme_id>/workshops/<int:workshop_id>/"
urlpatterns = [
    path("programmes/<int:programme_id>/workshops/", views.workshop_list, name="workshop_list"),
    path("programmes/<int:programme_id>/workshops/new/", views.workshop_add, name="workshop_add"),
    path(WORKSHOP, views.workshop_detail, name="workshop_detail"),
    path(WORKSHOP + "change/", views.workshop_edit, name="workshop_edit"),
    path(WORKSHOP + "invite/", views.invite, name="invite"),
    path(WORKSHOP + "invite/without-an-account/", views.guest_invite, name="guest_invite"),
    path(WORKSHOP + "invite/without-an-account/<int:guest_id>/", views.guest_invitation, name="guest_invitation"),
    path(WORKSHOP + "reply/", views.reply, name="reply"),
    path(WORKSHOP + "who-came/", views.attendance, name="attendance"),
    path(WORKSHOP + "what-came-out-of-it/", views.outcomes, name="outcomes"),
    path(WORKSHOP + "ideas/<int:idea_id>/remove/", views.idea_remove, name="idea_remove"),
    path(WORKSHOP + "what-it-fed/", views.fed_edit, name="fed_edit"),
    path("workshops/your-invitations/", views.my_invitations, name="my_invitations"),
]
