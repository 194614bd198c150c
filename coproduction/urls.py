from django.urls import include, path

urlpatterns = [
    path("", include("coproduction.core.urls")),
    path("", include("coproduction.accounts.urls")),
    path("audit/", include("coproduction.audit.urls")),
    path("reports/", include("coproduction.reports.urls")),
    path("people/", include("careplans.urls")),
    path("checklist/", include("checklist.urls")),
]
