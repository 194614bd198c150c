from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduction.core.personal_data import register

from .models import ProviderIdentity, ProviderInvitation, TeamMembership, User

register(
    User,
    title="Your account",
    user_paths=["pk"],
    fields=[
        ("Email address", "email"),
        ("Full name", "full_name"),
        ("Preferred name", "preferred_name"),
        ("Organisation", "organisation__name"),
        ("Roles", "role_labels"),
        ("Account active", "is_active"),
        ("Account created", "date_joined"),
        ("Last signed in", "last_login"),
    ],
)
register(
    TeamMembership,
    title="Your teams",
    user_paths=["user"],
    fields=[("Team", "team__name"), ("Organisation", "team__organisation__name"), ("Manages this team", "is_manager")],
    order_by=["team__name"],
)
# Device names and dates only: the secret keys are never exported.
register(
    TOTPDevice,
    title="Authenticator apps for two-factor sign-in",
    user_paths=["user"],
    fields=[("Name", "name"), ("Set up", "confirmed"), ("Created", "created_at"), ("Last used", "last_used_at")],
)
register(
    StaticDevice,
    title="Backup codes for two-factor sign-in",
    user_paths=["user"],
    fields=[("Name", "name"), ("Set up", "confirmed"), ("Created", "created_at")],
)
# The council account someone signs in with: which provider, when, and what its groups gave.
register(
    ProviderIdentity,
    title="Your council account for signing in",
    user_paths=["user"],
    fields=[
        ("Identity provider", "issuer"),
        ("Your id at the identity provider", "subject"),
        ("Roles from your council groups", "granted_roles"),
        ("Joined", "created_at"),
        ("Last signed in with it", "last_sign_in_at"),
    ],
    order_by=["created_at"],
)
# Dates only: the link's secret is never exported (only its hash is kept).
register(
    ProviderInvitation,
    title="Invitations to sign in with your council account",
    user_paths=["user"],
    fields=[("Sent", "created_at"), ("Works until", "expires_at"), ("Used", "used_at")],
    order_by=["created_at"],
)
