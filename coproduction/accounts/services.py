import hashlib
import secrets
from binascii import unhexlify
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.contrib.auth.tokens import default_token_generator
from django.db import models, transaction
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access_lost import access_lost

from .cached_user import user_cache_forget
from .identity_provider import groups_of
from .models import ROLE_ORDER, Organisation, ProviderGroupMapping, ProviderIdentity, ProviderInvitation, Team, TeamMembership, User, email_key
from .selectors import council_organisation, group_mappings_for


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


@transaction.atomic
def account_sign_out_everywhere(*, user: User, by: User, request=None) -> None:
    """End every session the account has, on every device. Someone who signs in through the
    identity provider has their groups, and so their roles, checked again when they next do."""
    User.objects.filter(pk=user.pk).update(session_generation=models.F("session_generation") + 1)
    user.refresh_from_db(fields=["session_generation"])
    user_cache_forget(user_id=user.pk)
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=user, subject=user, request=request, detail="signed out everywhere")
    access_lost(user_id=user.pk)


class SignOnRefused(Exception):
    """The identity provider vouched for someone this service may not let in (yet). The message
    is for them, in plain English; `detail` is the audit trail's short fixed phrase (the sign-in
    view records it once this transaction has been rolled back)."""

    def __init__(self, message: str, *, detail: str):
        super().__init__(message)
        self.detail = detail


def _email_from(claims: dict) -> str:
    # Entra ID puts the work address in `email` when configured, or in `preferred_username` (UPN).
    for name in ("email", "preferred_username", "upn"):
        value = claims.get(name)
        if isinstance(value, str) and "@" in value:
            return email_key(value)
    return ""


def _grants_from(mappings) -> tuple[set[str], dict[str, bool]]:
    roles: set[str] = set()
    teams: dict[str, bool] = {}
    for mapping in mappings:
        roles.add(mapping.role)
        if mapping.team_id is not None:
            key = str(mapping.team_id)
            teams[key] = teams.get(key, False) or mapping.role == "team_manager"
    return roles, teams


def _apply_grants(*, identity: ProviderIdentity, roles: set[str], teams: dict[str, bool], request=None) -> None:
    """Give what the groups give now, and take away what they gave before and give no longer.
    Roles and teams an administrator gave by hand are left alone."""
    user = identity.user
    before_roles, before_teams = set(identity.granted_roles), dict(identity.granted_teams)
    lost_roles = before_roles - roles
    held = (set(user.roles) - lost_roles) | roles
    new_roles = [role.value for role in ROLE_ORDER if role.value in held]
    lost_teams = set(before_teams) - set(teams)
    changed = new_roles != list(user.roles) or lost_teams or teams != before_teams
    if new_roles != list(user.roles):
        user.roles = new_roles
        user.save(update_fields=["roles"])
    if lost_teams:
        TeamMembership.objects.filter(user=user, team_id__in=[int(team_id) for team_id in lost_teams]).delete()
    for team_id, is_manager in teams.items():
        TeamMembership.objects.update_or_create(user=user, team_id=int(team_id), defaults={"is_manager": is_manager})
    identity.granted_roles = sorted(roles)
    identity.granted_teams = teams
    if changed:
        user_cache_forget(user_id=user.pk)
        audit_record(actor=user, action=AuditEvent.Action.CHANGE, obj=user, subject=user, request=request, detail="roles and teams from identity provider groups")
        if lost_roles or lost_teams:
            access_lost(user_id=user.pk)


@transaction.atomic
def staff_sign_on(*, issuer: str, claims: dict, invitation_id: int | None = None, request=None) -> User:
    """The account for a person the identity provider has vouched for (a checked ID token),
    found by the provider's subject id, never by email. At first sign-in an account is made only
    when the person's groups map to a staff role here. At every sign-in their roles and teams are
    brought in line with their groups."""
    roles, teams = _grants_from(group_mappings_for(group_ids=groups_of(claims)))
    identity = ProviderIdentity.objects.select_for_update().select_related("user").filter(issuer=issuer, subject=claims["sub"]).first()
    if identity is None and invitation_id is not None:
        identity = _accept_invitation(invitation_id=invitation_id, issuer=issuer, subject=claims["sub"], request=request)
    if identity is None:
        if not roles:
            raise SignOnRefused(
                "Your council account is not in a group that gives access to this service. Ask your manager or the service's administrator to add you.",
                detail="single sign-on: no group gives a role",
            )
        email = _email_from(claims)
        if not email:
            raise SignOnRefused(
                "Your council account has no email address, so an account here cannot be made for you. Ask the service's administrator for help.",
                detail="single sign-on: no email address",
            )
        if User.objects.filter(email__iexact=email).exists():
            # Never joined to an existing account by email alone: an administrator links them.
            raise SignOnRefused(
                "There is already an account in this service with your email address. Ask the service's administrator to link it to your council account.",
                detail="single sign-on: email already has an account",
            )
        name = claims.get("name") or " ".join(part for part in (claims.get("given_name"), claims.get("family_name")) if part) or email
        try:
            user = User.objects.create_user(email=email, password=None, full_name=str(name)[:200], organisation=council_organisation(), roles=[])
        except ValidationError:
            raise SignOnRefused(
                "Your name or email address at your council account cannot be used here. Ask the service's administrator for help.",
                detail="single sign-on: name or email not valid",
            ) from None
        identity = ProviderIdentity.objects.create(user=user, issuer=issuer, subject=claims["sub"])
        audit_record(actor=user, action=AuditEvent.Action.CREATE, obj=user, subject=user, request=request, detail="account made at first single sign-on")
    if not identity.user.is_active:
        raise SignOnRefused(
            "Your account in this service is switched off. Ask the service's administrator for help.",
            detail="single sign-on: account switched off",
        )
    _apply_grants(identity=identity, roles=roles, teams=teams, request=request)
    identity.last_sign_in_at = timezone.now()
    identity.save(update_fields=["granted_roles", "granted_teams", "last_sign_in_at"])
    return identity.user


def _accept_invitation(*, invitation_id: int, issuer: str, subject: str, request=None) -> ProviderIdentity:
    invitation = ProviderInvitation.objects.select_for_update().select_related("user").filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_usable():
        raise SignOnRefused(
            "Your invitation has been used already or has run out. Ask the service's administrator for a new one.",
            detail="single sign-on: invitation not usable",
        )
    if ProviderIdentity.objects.filter(user=invitation.user, issuer=issuer).exists():
        raise SignOnRefused(
            "The account you were invited to is already joined to a council account. Sign in with that one.",
            detail="single sign-on: invited account already linked",
        )
    identity = ProviderIdentity.objects.create(user=invitation.user, issuer=issuer, subject=subject)
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    audit_record(
        actor=invitation.user, action=AuditEvent.Action.CHANGE, obj=invitation.user, subject=invitation.user, request=request,
        detail="joined to council account by invitation",
    )
    return identity


INVITATION_DAYS = 7
# The invitation a browser followed, waiting in its session for the provider's answer.
INVITATION_SESSION_KEY = "provider_invitation_id"


def invitation_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def provider_invitation_send(*, user: User, by: User, request=None) -> ProviderInvitation:
    """Email a member of staff a link that joins their council account to this account when they
    first sign in through it. The link works once, for INVITATION_DAYS days."""
    token = secrets.token_urlsafe(32)
    invitation = ProviderInvitation.objects.create(
        user=user, token_hash=invitation_token_hash(token), created_by=by,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=invitation, subject=user, request=request, detail="council sign-in invitation")
    context = {
        "user": user,
        "domain": request.get_host() if request else settings.ALLOWED_HOSTS[0],
        "protocol": "https" if request is None or request.is_secure() else "http",
        "token": token,
        "days": INVITATION_DAYS,
        "provider_name": settings.OIDC_PROVIDER_NAME,
        "site_name": settings.SERVICE_NAME,
    }
    transaction.on_commit(
        lambda: PasswordResetForm().send_mail(
            "accounts/email/provider_invitation_subject.txt", "accounts/email/provider_invitation.txt", context, None, user.email
        )
    )
    return invitation


@transaction.atomic
def group_mapping_create(*, data: dict, by: User, request=None) -> ProviderGroupMapping:
    mapping = ProviderGroupMapping.objects.create(
        group_id=data["group_id"].strip(), group_name=data.get("group_name", "").strip(), role=data["role"], team=data.get("team")
    )
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=mapping, request=request)
    return mapping


@transaction.atomic
def group_mapping_delete(*, mapping: ProviderGroupMapping, by: User, request=None) -> None:
    """Members of the group keep what it gave until they next sign in (or are signed out everywhere)."""
    audit_record(actor=by, action=AuditEvent.Action.DELETE, obj=mapping, request=request)
    mapping.delete()
