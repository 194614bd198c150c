from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", include("coproduction.core.urls")),
    path("", include("coproduction.accounts.urls")),
    path("audit/", include("coproduction.audit.urls")),
    path("reports/", include("coproduction.reports.urls")),
    # One sign-in page for everything, so throttling and two-factor always apply.
    path("admin/login/", login_not_required(RedirectView.as_view(pattern_name="accounts:login", query_string=True))),
    path("admin/", admin.site.urls),
]
