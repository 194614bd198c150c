import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse


# Set when the identity provider asserted multi-factor authentication for this sign-in.
MFA_BY_PROVIDER_SESSION_KEY = "mfa_by_identity_provider"


def mfa_passed(request: HttpRequest) -> bool:
    """This session has passed two-factor: a code from the service's authenticator app, or the
    council's identity provider vouching that it did multi-factor authentication itself."""
    return request.user.is_verified() or bool(request.session.get(MFA_BY_PROVIDER_SESSION_KEY))


def session_seconds_left(request: HttpRequest) -> int:
    """Seconds before this session ends through inactivity or the absolute limit."""
    now = time.time()
    last = request.session.get("last_activity", now)
    started = request.session.get("auth_started", now)
    idle_left = settings.SESSION_IDLE_TIMEOUT - (now - last)
    absolute_left = settings.SESSION_ABSOLUTE_TIMEOUT - (now - started)
    return max(0, int(min(idle_left, absolute_left)))


class SessionTimeoutMiddleware:
    """Ends a session after 30 idle minutes or 12 hours, whichever comes first."""

    # Activity is written at most this often, so most requests do not write the session.
    TOUCH_EVERY = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            if session_seconds_left(request) <= 0:
                logout(request)
                request.session["signed_out_reason"] = "timeout"
                login_url = reverse("accounts:login")
                if request.htmx:
                    response = HttpResponse(status=204)
                    response["HX-Redirect"] = login_url
                    return response
                return redirect(login_url)
            request.session.setdefault("auth_started", int(now))
            if now - request.session.get("last_activity", 0) >= self.TOUCH_EVERY:
                request.session["last_activity"] = int(now)
        return self.get_response(request)


class StaffMFAMiddleware:
    """Staff who handle other people's records must pass a TOTP check before anything else."""

    ALLOWED_URL_NAMES = {"mfa", "logout", "session_extend"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if not settings.REQUIRE_STAFF_MFA:
            return None
        user = request.user
        if not user.is_authenticated or not user.needs_mfa or mfa_passed(request):
            return None
        match = request.resolver_match
        if match and match.namespace == "accounts" and match.url_name in self.ALLOWED_URL_NAMES:
            return None
        if match and match.namespace == "core":
            return None  # health checks and public pages
        return redirect("accounts:mfa")
