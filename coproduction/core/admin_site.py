"""The admin pages, used only by administrators to manage accounts, organisations and teams."""

from functools import wraps

from django.contrib.admin import AdminSite
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy


class CouncilAdminSite(AdminSite):
    site_header = "Manage accounts"
    site_title = "Manage accounts"
    index_title = "Accounts, organisations and teams"

    def get_urls(self):
        urls = super().get_urls()
        # LoginRequiredMiddleware sends signed-out visitors to a view's login_url; the admin
        # sets its own login page there, and everyone must use the one sign-in page instead.
        for pattern in urls:
            if hasattr(getattr(pattern, "callback", None), "login_url"):
                pattern.callback.login_url = reverse_lazy("accounts:login")
        return urls

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())  # the one sign-in page
            # Signed in without the administrator role: say no, rather than ask them to sign in again.
            if request.user.is_authenticated and not self.has_permission(request):
                raise PermissionDenied
            return inner(request, *args, **kwargs)

        return guarded
