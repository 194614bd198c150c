from django.urls import path

from . import views

app_name = "assets"
PROGRAMME = "programmes/<int:programme_id>/local-assets/"
urlpatterns = [
    # The community's map: public pages (published assets only, public fields only).
    path("assets/", views.search, name="search"),
    path("assets/<int:asset_id>/", views.asset_detail, name="asset_detail"),
    # Building it together.
    path("assets/suggest/", views.suggest, name="suggest"),
    path("assets/<int:asset_id>/correct/", views.correct, name="correct"),
    path("assets/my-suggestions/", views.my_suggestions, name="my_suggestions"),
    path("assets/review/", views.review_list, name="review_list"),
    path("assets/suggestions/<int:suggestion_id>/review/", views.review, name="review"),
    path("assets/<int:asset_id>/edit/", views.edit, name="edit"),
    path("assets/<int:asset_id>/checked/", views.mark_checked, name="mark_checked"),
    path("assets/<int:asset_id>/close/", views.close, name="close"),
    path("assets/moderators/", views.moderators, name="moderators"),
    path("assets/moderators/<int:moderator_id>/remove/", views.moderator_remove, name="moderator_remove"),
    # A programme's needs and the assets that meet them; its mapping walks.
    path(PROGRAMME, views.coverage, name="coverage"),
    path(PROGRAMME + "<int:asset_id>/links/", views.links, name="links"),
    path(PROGRAMME + "mapping/add/", views.mapping_add, name="mapping_add"),
    path(PROGRAMME + "mapping/<int:exercise_id>/", views.mapping_detail, name="mapping_detail"),
    # A care plan's support.
    path("people/<int:person_id>/local-assets/", views.plan_add, name="plan_add"),
    path("people/<int:person_id>/local-assets/<int:link_id>/remove/", views.plan_remove, name="plan_remove"),
]

# Open data and import: the Open Referral UK feed (its endpoints share one stub, as the
# standard asks), its download, and the CSV import with its dry run.
from . import open_views  # noqa: E402

ORUK = "assets/open-referral/"
urlpatterns += [
    path("assets/open-data/", open_views.open_data, name="open_data"),
    path(ORUK, open_views.oruk_api_details, name="oruk_api_details"),
    path(ORUK + "services", open_views.oruk_service_list, name="oruk_service_list"),
    path(ORUK + "services/<uuid:service_id>", open_views.oruk_service_detail, name="oruk_service_detail"),
    path("assets/open-data/download.json", open_views.oruk_export, name="oruk_export"),
    path("assets/import/", open_views.asset_import, name="asset_import"),
    path("assets/import/confirm/", open_views.asset_import_confirm, name="asset_import_confirm"),
    path("assets/import/template.csv", open_views.asset_import_template, name="asset_import_template"),
]
