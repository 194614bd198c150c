"""Signing in through the council's identity provider (OpenID Connect, authorization code
flow with PKCE), for council staff. mozilla-django-oidc builds the request (state, nonce, PKCE
challenge, all kept in the session) and checks the callback's state; these views add the
discovery document, plain-English refusals and the two-factor decision."""

import logging

import requests
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_GET
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from . import identity_provider, selectors
from .middleware import MFA_BY_PROVIDER_SESSION_KEY
from .services import INVITATION_DAYS, INVITATION_SESSION_KEY, SignOnRefused, invitation_token_hash

logger = logging.getLogger(__name__)

# Marks a session begun through the provider, so signing out offers the provider's sign-out.
SIGNED_IN_THROUGH_PROVIDER = "signed_in_through_provider"


def _refused(request: HttpRequest, *, message: str, detail: str, status: int = 403) -> HttpResponse:
    logger.warning("Sign-in through the identity provider refused: %s", detail)
    audit_record(actor=None, action=AuditEvent.Action.LOGIN_FAILED, request=request, detail=detail[:200])
    return render(request, "accounts/provider_refused.html", {"message": message}, status=status)


def _unavailable(request: HttpRequest) -> HttpResponse:
    return _refused(
        request,
        message=f"We could not reach {settings.OIDC_PROVIDER_NAME} just now. Try again in a few minutes.",
        detail="single sign-on: provider unavailable",
        status=503,
    )


@method_decorator(login_not_required, name="dispatch")
class ProviderSignInView(OIDCAuthenticationRequestView):
    """Sends the browser to the provider's sign-in page."""

    def __init__(self, *args, **kwargs):
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID

    def get(self, request: HttpRequest) -> HttpResponse:
        if not identity_provider.configured():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = identity_provider.discovery()["authorization_endpoint"]
        except identity_provider.ProviderUnavailable:
            return _unavailable(request)
        return super().get(request)


@method_decorator(login_not_required, name="dispatch")
class ProviderCallbackView(OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back with a code, or an error."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not identity_provider.configured():
            raise Http404
        try:
            return super().get(request)
        except SignOnRefused as refusal:
            return _refused(request, message=str(refusal), detail=refusal.detail)
        except SuspiciousOperation as error:
            # A wrong state, or an ID token that fails a check: never who it says it is.
            return _refused(
                request,
                message=f"We could not sign you in through {settings.OIDC_PROVIDER_NAME}. Start again from the sign-in page.",
                detail=f"single sign-on: {error}",
            )
        except requests.HTTPError as error:
            if error.response is not None and 400 <= error.response.status_code < 500:
                # The provider refused the code: used already, run out, or not this browser's (PKCE).
                return _refused(
                    request,
                    message=f"Signing in through {settings.OIDC_PROVIDER_NAME} did not finish. Start again from the sign-in page.",
                    detail="single sign-on: code refused by provider",
                )
            return _unavailable(request)
        except (identity_provider.ProviderUnavailable, requests.RequestException):
            return _unavailable(request)

    def login_failure(self) -> HttpResponse:
        return _refused(
            self.request,
            message=f"Signing in through {settings.OIDC_PROVIDER_NAME} did not finish. Start again from the sign-in page.",
            detail="single sign-on: not completed",
        )

    def login_success(self) -> HttpResponse:
        response = super().login_success()
        session = self.request.session
        session[SIGNED_IN_THROUGH_PROVIDER] = True
        session.pop(INVITATION_SESSION_KEY, None)
        if getattr(self.request, "identity_provider_mfa", False):
            # The provider asserted multi-factor authentication: the service's own code is not asked.
            session[MFA_BY_PROVIDER_SESSION_KEY] = True
            audit_record(
                actor=self.user, action=AuditEvent.Action.MFA, obj=self.user, subject=self.user, request=self.request,
                detail="multi-factor asserted by identity provider",
            )
        return response


@login_not_required
@require_GET
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """An administrator's emailed invitation: remembered in this browser's session, then on to the
    provider; the first sign-in there joins the council account to the invited account."""
    if not identity_provider.configured():
        raise Http404
    found = selectors.provider_invitation_by_token_hash(token_hash=invitation_token_hash(token))
    if found is None or not found.is_usable():
        return render(request, "accounts/provider_invitation_expired.html", {"days": INVITATION_DAYS}, status=404)
    request.session[INVITATION_SESSION_KEY] = found.pk
    return redirect("accounts:sso_start")
