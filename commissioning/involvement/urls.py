from django.urls import path

from . import ledger_views, selfassessment_views, views

app_name = "involvement"
PROGRAMME = "programmes/<int:programme_id>/"
urlpatterns = [
    # A person's own involvement profile.
    path("involvement/profile/", views.profile, name="profile"),
    path("involvement/profile/change/", views.profile_edit, name="profile_edit"),
    path("involvement/profile/equality/", views.equality_edit, name="equality_edit"),
    path("involvement/profile/download.<str:file_format>", views.profile_download, name="profile_download"),
    path("involvement/profile/delete/", views.profile_delete, name="profile_delete"),
    # Who took part, across the council and per programme, and the area's population.
    path("involvement/who-took-part/", views.council_reach, name="council_reach"),
    path("involvement/local-population/", views.population, name="population"),
    path("involvement/local-population/<str:question>/", views.population_edit, name="population_edit"),
    path(PROGRAMME + "who-took-part/", views.programme_reach, name="programme_reach"),
    path(PROGRAMME + "activities/<int:activity_id>/access-needs/", views.activity_access_needs, name="activity_access_needs"),
    # Peer researchers and their interviews.
    path(PROGRAMME + "peer-researchers/", views.peer_researchers, name="peer_researchers"),
    path(PROGRAMME + "peer-researchers/add/", views.peer_researcher_add, name="peer_researcher_add"),
    path(PROGRAMME + "peer-researchers/<int:researcher_id>/change/", views.peer_researcher_edit, name="peer_researcher_edit"),
    path(PROGRAMME + "peer-researchers/<int:researcher_id>/interviews/add/", views.interview_add, name="interview_add"),
    # Recognition and expenses: a person's own claims, the organiser's, spend and payment files.
    path("involvement/claims/", ledger_views.my_claims, name="my_claims"),
    path("involvement/claims/add/", ledger_views.claim_add, name="claim_add"),
    path("involvement/claims/<int:claim_id>/change/", ledger_views.claim_edit, name="claim_edit"),
    path(PROGRAMME + "claims/", ledger_views.programme_claims, name="programme_claims"),
    path(PROGRAMME + "claims/add/", ledger_views.claim_enter, name="claim_enter"),
    path(PROGRAMME + "claims/<int:claim_id>/approve/", ledger_views.claim_approve, name="claim_approve"),
    path(PROGRAMME + "claims/<int:claim_id>/query/", ledger_views.claim_query, name="claim_query"),
    path(PROGRAMME + "spend/", ledger_views.programme_spend, name="programme_spend"),
    path("involvement/spend/", ledger_views.spend, name="spend"),
    path("involvement/payments/", ledger_views.payments, name="payments"),
    path("involvement/payments/create/", ledger_views.payment_export, name="payment_export"),
    path("involvement/payments/<int:export_id>.csv", ledger_views.payment_file, name="payment_file"),
    path("involvement/rates/", ledger_views.rates, name="rates"),
    path("involvement/rates/<int:rate_id>/retire/", ledger_views.rate_retire, name="rate_retire"),
    # The commissioning team's Spectrum of Practice self-assessment.
    path("involvement/self-assessment/", selfassessment_views.selfassessment, name="selfassessment"),
    path("involvement/self-assessment/new/", selfassessment_views.round_add, name="round_add"),
    path("involvement/self-assessment/<int:round_id>/", selfassessment_views.round_detail, name="round_detail"),
    path("involvement/self-assessment/<int:round_id>/change/", selfassessment_views.round_edit, name="round_edit"),
    # A practitioner's "doing with, not doing to" self-check, and the team's totals.
    path("involvement/doing-with/", selfassessment_views.self_checks, name="self_checks"),
    path("involvement/doing-with/new/", selfassessment_views.self_check_add, name="self_check_add"),
    path("involvement/doing-with/<int:check_id>/", selfassessment_views.self_check_detail, name="self_check_detail"),
    path("involvement/doing-with/team/", selfassessment_views.self_check_team, name="self_check_team"),
]
