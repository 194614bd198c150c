from binascii import unhexlify

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access_lost import access_lost

from .cached_user import user_cache_forget
from .models import Organisation, Team, TeamMembership, User


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


def _set_teams(*, user: User, teams, managed_teams) -> None:
    managed = {team.pk for team in managed_teams}
    wanted = {team.pk for team in teams}
    TeamMembership.objects.filter(user=user).exclude(team_id__in=wanted).delete()
    for team_id in wanted:
        TeamMembership.objects.update_or_create(user=user, team_id=team_id, defaults={"is_manager": team_id in managed})


@transaction.atomic
def account_create(*, data: dict, by: User, request=None) -> User:
    """Create an account with no usable password, then email the person a link to choose one."""
    user = User.objects.create_user(
        email=data["email"],
        password=None,
        full_name=data["full_name"],
        preferred_name=data.get("preferred_name", ""),
        organisation=data.get("organisation"),
        roles=list(data["roles"]),
    )
    _set_teams(user=user, teams=data.get("teams", []), managed_teams=data.get("managed_teams", []))
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=user, subject=user, request=request)
    transaction.on_commit(lambda: account_send_welcome(user=user, request=request))
    return user


def account_send_welcome(*, user: User, request=None) -> None:
    """Email a one-time link to choose a password (the reset link, worded as a welcome)."""
    context = {
        "email": user.email,
        "user": user,
        "domain": request.get_host() if request else settings.ALLOWED_HOSTS[0],
        "site_name": settings.SERVICE_NAME,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "protocol": "https" if request is None or request.is_secure() else "http",
    }
    PasswordResetForm().send_mail(
        "accounts/email/welcome_subject.txt", "accounts/email/welcome.txt", context, None, user.email
    )


@transaction.atomic
def account_update(*, user: User, data: dict, by: User, request=None) -> User:
    for field in ("full_name", "preferred_name", "email", "organisation", "is_active"):
        if field in data:
            setattr(user, field, data[field])
    user.roles = list(data["roles"])
    user.save()
    user_cache_forget(user_id=user.pk)  # a role lost or the account switched off: the next request knows
    _set_teams(user=user, teams=data.get("teams", []), managed_teams=data.get("managed_teams", []))
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=user, subject=user, request=request)
    # A team, a role or the whole account may have gone.
    access_lost(user_id=user.pk)
    return user


@transaction.atomic
def account_reset_two_factor(*, user: User, by: User, request=None) -> int:
    """For someone who lost their phone: they set up a new authenticator at next sign-in."""
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=user, subject=user, request=request, detail="two-factor reset")
    return deleted


@transaction.atomic
def team_create(*, data: dict, by: User, request=None) -> Team:
    team = Team.objects.create(name=data["name"], organisation=data["organisation"])
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=team, request=request)
    return team


@transaction.atomic
def organisation_create(*, data: dict, by: User, request=None) -> Organisation:
    organisation = Organisation.objects.create(name=data["name"], kind=data["kind"])
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=organisation, request=request)
    return organisation
