from django.urls import path

from . import views

PROGRAMME = "programmes/<int:programme_id>/"
urlpatterns = [
    # Recognition and expenses: a person's own claims, the organiser's, spend and payment files.
    path("involvement/claims/", views.my_claims, name="my_claims"),
    path("involvement/claims/add/", views.claim_add, name="claim_add"),
    path("involvement/claims/<int:claim_id>/change/", views.claim_edit, name="claim_edit"),
    path(PROGRAMME + "claims/", views.programme_claims, name="programme_claims"),
    path(PROGRAMME + "claims/add/", views.claim_enter, name="claim_enter"),
    path(PROGRAMME + "claims/<int:claim_id>/approve/", views.claim_approve, name="claim_approve"),
    path(PROGRAMME + "claims/<int:claim_id>/query/", views.claim_query, name="claim_query"),
    path(PROGRAMME + "spend/", views.programme_spend, name="programme_spend"),
    path("involvement/spend/", views.spend, name="spend"),
    path("involvement/payments/", views.payments, name="payments"),
    path("involvement/payments/create/", views.payment_export, name="payment_export"),
    path("involvement/payments/<int:export_id>.csv", views.payment_file, name="payment_file"),
    path("involvement/rates/", views.rates, name="rates"),
    path("involvement/rates/<int:rate_id>/retire/", views.rate_retire, name="rate_retire"),
]
