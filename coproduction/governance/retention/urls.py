from django.urls import path

from . import access_review_views, accounts_review_views, retention_views

urlpatterns: list = [
    path("manage/retention/", retention_views.retention_schedule, name="retention_schedule"),
    path("manage/retention/due/", retention_views.retention_due, name="retention_due"),
    path("manage/retention/runs/", retention_views.retention_runs, name="retention_runs"),
    path("manage/retention/erasure/", retention_views.erasure_list, name="erasure_list"),
    path("manage/retention/erasure/new/", retention_views.erasure_add, name="erasure_add"),
    path("manage/retention/erasure/<int:erasure_id>/", retention_views.erasure_detail, name="erasure_detail"),
    path("people/<int:person_id>/access/", access_review_views.access_review, name="access_review"),
    path("manage/inactive-accounts/", accounts_review_views.inactive_account_list, name="inactive_accounts"),
    path("manage/inactive-accounts/<int:user_id>/disable/", accounts_review_views.inactive_account_disable,
         name="inactive_account_disable"),
]
