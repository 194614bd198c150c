import base64
import io
import time
from binascii import unhexlify

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.qr import write_qrcode_image
from django_otp.util import random_hex

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from . import selectors
from .forms import (
    ChangePasswordForm,
    NewPasswordForm,
    PasswordResetRequestForm,
    SignInForm,
    TokenForm,
)
from .home import home_panels_for
from . import identity_provider
from .middleware import mfa_passed, session_seconds_left
from .models import Role
from .provider_views import SIGNED_IN_THROUGH_PROVIDER
from .services import totp_device_confirm, totp_token_matches

ROLE_SLUGS = {role.value.replace("_", "-"): role for role in Role}


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["signed_out_reason"] = self.request.session.pop("signed_out_reason", None)
        context["provider_sign_out_url"] = self.request.session.pop(PROVIDER_SIGN_OUT_URL, None)
        context["provider_sign_in"] = identity_provider.configured()
        context["provider_name"] = settings.OIDC_PROVIDER_NAME
        return context


# After signing out of a session begun through the identity provider: its sign-out, offered.
PROVIDER_SIGN_OUT_URL = "provider_sign_out_url"


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        through_provider = request.session.get(SIGNED_IN_THROUGH_PROVIDER, False)
        response = super().post(request, *args, **kwargs)
        if through_provider:
            # The service's session has ended; the council account's is the provider's to end.
            offer = identity_provider.end_session_url(after=request.build_absolute_uri(reverse("accounts:login")))
            if offer:
                request.session[PROVIDER_SIGN_OUT_URL] = offer
        return response


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Send each person to the home page of their first role."""
    roles = request.user.sorted_roles()
    if not roles:
        return render(request, "accounts/no_role.html", status=403)
    return redirect("accounts:role_home", role=roles[0].value.replace("_", "-"))


@require_GET
def role_home(request: HttpRequest, role: str) -> HttpResponse:
    role_value = ROLE_SLUGS.get(role)
    if role_value is None:
        raise Http404
    if not request.user.has_perm(f"accounts.view_{role_value.value}_home"):
        raise PermissionDenied
    user = request.user
    context = {
        "role": role_value,
        "other_roles": [
            (other.label, other.value.replace("_", "-")) for other in user.sorted_roles() if other != role_value
        ],
        "teams": [membership.team for membership in user.memberships],
        "panels": home_panels_for(user=user, role=role_value),
    }
    return render(request, "accounts/home.html", context)


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("accounts:home")


@require_http_methods(["GET", "POST"])
def mfa(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app the first time, then ask for its code at each sign-in."""
    user = request.user
    if mfa_passed(request) or not user.needs_mfa:
        # Two-factor is for staff; nobody else is ever asked, so nobody else sets it up.
        return redirect(_safe_next(request))
    device = selectors.confirmed_totp_device(user=user)
    if device is None:
        # The new key waits in the session until a code proves the app has it: no GET writes a row.
        key_hex = request.session.setdefault("mfa_setup_key", random_hex(20))
        form = TokenForm(data=request.POST or None, verify=lambda token: totp_token_matches(key_hex=key_hex, token=token))
        if form.is_valid():
            device = totp_device_confirm(user=user, key_hex=key_hex, request=request)
            del request.session["mfa_setup_key"]
            otp_login(request, device)
            messages.success(request, "Two-factor sign-in is set up")
            return redirect(_safe_next(request))
        return render(request, "accounts/mfa_setup.html", {"form": form, **_setup_context(user, key_hex)})
    form = TokenForm(data=request.POST or None, verify=device.verify_token)
    if form.is_valid():
        otp_login(request, device)
        audit_record(actor=user, action=AuditEvent.Action.MFA, obj=device, subject=user, request=request, detail="code verified")
        return redirect(_safe_next(request))
    return render(request, "accounts/mfa_verify.html", {"form": form})


def _setup_context(user, key_hex: str) -> dict:
    key_b32 = base64.b32encode(unhexlify(key_hex)).decode()
    uri = (
        f"otpauth://totp/{settings.OTP_TOTP_ISSUER}:{user.email}?secret={key_b32}"
        f"&issuer={settings.OTP_TOTP_ISSUER}&digits=6&period=30"
    ).replace(" ", "%20")
    svg = io.BytesIO()
    write_qrcode_image(uri, svg)
    return {
        "qr_data_uri": "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue()).decode(),
        "key_groups": [key_b32[i : i + 4] for i in range(0, len(key_b32), 4)],
    }


@require_POST
def session_extend(request: HttpRequest) -> HttpResponse:
    """'Stay signed in' from the timeout warning: any request resets the idle clock."""
    request.session["last_activity"] = int(time.time())
    if request.htmx or request.headers.get("Accept") == "application/json":
        return HttpResponse(str(session_seconds_left(request)), content_type="text/plain")
    return redirect(_safe_next(request))


password_reset = auth_views.PasswordResetView.as_view(
    form_class=PasswordResetRequestForm,
    template_name="accounts/password_reset.html",
    email_template_name="accounts/email/password_reset.txt",
    subject_template_name="accounts/email/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    form_class=NewPasswordForm,
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
password_change = auth_views.PasswordChangeView.as_view(
    form_class=ChangePasswordForm,
    template_name="accounts/password_change.html",
    success_url=reverse_lazy("accounts:password_change_done"),
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html")
