from django.urls import path

from . import views

app_name = "casesystem"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("mappings/add/", views.mapping_add, name="mapping_add"),
    path("mappings/<int:mapping_id>/", views.mapping_edit, name="mapping_edit"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/confirm/", views.import_confirm, name="import_confirm"),
    path("imports/<int:run_id>/", views.run_detail, name="run_detail"),
    path("export/", views.export_settings, name="export_settings"),
    path("export/send/", views.export_send, name="export_send"),
]
