"""Sign-in events are only reachable through Django's auth signals; everything else
is audited explicitly by the service that does it."""

import time

from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.dispatch import receiver

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record


@receiver(user_logged_in)
def _on_login(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session["auth_started"] = now
        request.session["last_activity"] = now
    through_provider = getattr(user, "backend", "").endswith(".IdentityProviderBackend")
    audit_record(
        actor=user, action=AuditEvent.Action.LOGIN, obj=user, subject=user, request=request,
        detail="single sign-on" if through_provider else "",
    )


@receiver(user_logged_out)
def _on_logout(sender, request, user, **kwargs) -> None:
    if user is not None:
        audit_record(actor=user, action=AuditEvent.Action.LOGOUT, obj=user, subject=user, request=request)


@receiver(user_login_failed)
def _on_login_failed(sender, credentials, request=None, **kwargs) -> None:
    # The typed email is not stored: it may be someone else's, or mistyped personal data.
    audit_record(actor=None, action=AuditEvent.Action.LOGIN_FAILED, request=request)
