from django.urls import path

from . import inactive_accounts_views, views

urlpatterns: list = [
    path("people/<int:person_id>/access/", views.access_review, name="access_review"),
    path("manage/inactive-accounts/", inactive_accounts_views.inactive_account_list, name="inactive_accounts"),
    path("manage/inactive-accounts/<int:user_id>/disable/", inactive_accounts_views.inactive_account_disable,
         name="inactive_account_disable"),
]
