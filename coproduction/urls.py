from django.urls import include, path

urlpatterns = [
    path("", include("coproduction.core.urls")),
    path("", include("coproduction.accounts.urls")),
    path("audit/", include("coproduction.audit.urls")),
    path("reports/", include("coproduction.reports.urls")),
    path("", include("coproduction.notifications.urls")),
    path("", include("coproduction.governance.urls")),
    path("case-system/", include("coproduction.casesystem.urls")),
    path("people/", include("careplans.urls")),
    path("checklist/", include("checklist.urls")),
    path("commissioning/", include("commissioning.urls")),
    path("commissioning/", include("commissioning.priorities.urls")),
    path("commissioning/", include("commissioning.budgeting.urls")),
    path("commissioning/", include("commissioning.workshops.urls")),
    path("commissioning/", include("commissioning.specifications.urls")),
    path("commissioning/", include("commissioning.panels.urls")),
    path("commissioning/", include("commissioning.assets.urls")),
    path("commissioning/", include("commissioning.involvement.urls")),
    path("commissioning/", include("commissioning.monitoring.urls")),
    path("commissioning/", include("commissioning.coassessment.urls")),
    path("commissioning/", include("commissioning.boards.urls")),
]
