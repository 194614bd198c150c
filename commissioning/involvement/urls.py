from django.urls import path

from commissioning.involvement.ledger.urls import urlpatterns as ledger_urlpatterns
from commissioning.involvement.selfassessment.urls import urlpatterns as selfassessment_urlpatterns

from . import views

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
]
# The recognition ledger and the self-assessments keep their own lists in the same namespace.
urlpatterns += [*ledger_urlpatterns, *selfassessment_urlpatterns]
