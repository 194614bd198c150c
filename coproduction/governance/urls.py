from django.urls import include, path

app_name = "governance"
# Each part keeps its own URL list; all share the "governance" namespace.
urlpatterns = [
    path("", include("coproduction.governance.urls_sar")),
    path("", include("coproduction.governance.urls_consent")),
    path("", include("coproduction.governance.urls_retention")),
]
