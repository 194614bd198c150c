from binascii import unhexlify

from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from .models import User


def totp_token_matches(*, key_hex: str, token: str) -> bool:
    """Check a code against a key that is not saved yet (while an authenticator is set up)."""
    totp = TOTP(unhexlify(key_hex), step=30, t0=0, digits=6, drift=0)
    return totp.verify(int(token), tolerance=1)


@transaction.atomic
def totp_device_confirm(*, user: User, key_hex: str, request=None) -> TOTPDevice:
    """Save the authenticator the user has just proved they hold."""
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", key=key_hex, confirmed=True)
    audit_record(actor=user, action=AuditEvent.Action.MFA, obj=device, subject=user, request=request, detail="authenticator set up")
    return device
