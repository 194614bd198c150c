from django.urls import path

from . import views

app_name = "budgeting"
ROUND = "programmes/<int:programme_id>/budgeting/<int:round_id>/"
urlpatterns = [
    path("programmes/<int:programme_id>/budgeting/", views.round_list, name="round_list"),
    path("programmes/<int:programme_id>/budgeting/new/", views.round_add, name="round_add"),
    path(ROUND, views.round_detail, name="round_detail"),
    path(ROUND + "settings/", views.round_settings, name="round_settings"),
    path(ROUND + "pots/new/", views.pot_add, name="pot_add"),
    path(ROUND + "move-on/", views.round_move_on, name="round_move_on"),
    path(ROUND + "publish/", views.results_publish, name="results_publish"),
    path(ROUND + "ideas/", views.proposal_list, name="proposal_list"),
    path(ROUND + "ideas/new/", views.proposal_add, name="proposal_add"),
    path(ROUND + "ideas/<int:proposal_id>/", views.proposal_detail, name="proposal_detail"),
    path(ROUND + "ideas/<int:proposal_id>/check/", views.proposal_review, name="proposal_review"),
    path(ROUND + "register/", views.register, name="register"),
    path(ROUND + "pots/<int:pot_id>/vote/", views.ballot, name="ballot"),
    path(ROUND + "voting-code/", views.code_entry, name="code_entry"),
    path(ROUND + "pots/<int:pot_id>/vote-with-code/", views.code_ballot, name="code_ballot"),
    path(ROUND + "pots/<int:pot_id>/paper-ballot/", views.paper_ballot, name="paper_ballot"),
    path(ROUND + "results/", views.results, name="results"),
    path(ROUND + "results/public/", views.results_public, name="results_public"),
    path(ROUND + "results/count-again/", views.count_requeue, name="count_requeue"),
    path(ROUND + "results.csv", views.results_csv, name="results_csv"),
    path(ROUND + "print/", views.print_paper, name="print"),
]
