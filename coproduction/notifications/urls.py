from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("messages/", views.message_list, name="message_list"),
    path("messages/<int:message_id>/", views.message_detail, name="message_detail"),
    path("messages/<int:message_id>/read/", views.message_mark, name="message_mark"),
    path("messages/preferences/", views.preferences, name="preferences"),
    path("messages/preferences/people/<int:person_id>/", views.person_preferences, name="person_preferences"),
    path("manage/messages/", views.delivery_list, name="delivery_list"),
    path("manage/messages/<int:delivery_id>/send-again/", views.delivery_retry, name="delivery_retry"),
]
