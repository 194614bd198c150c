"""Demo records for signing in with a council account: the demo council's identity provider
groups mapped to roles in the North Adults Team, and Tom (practitioner) and Grace (team manager)
linked to their council accounts, so under `make run-sso` they can sign in either way.

The local provider that `make run-sso` starts knows the same people and groups
(tests/oidc_provider/demo_people.json)."""

from django.conf import settings

from coproduction.core.demo import demo_seeder

# The local provider's address under `make run-sso`.
DEMO_ISSUER = "http://127.0.0.1:8090"
PRACTITIONERS_GROUP = "demo-north-adults-practitioners"
MANAGERS_GROUP = "demo-north-adults-managers"
# email -> the provider's subject id for them
DEMO_SUBJECTS = {
    "practitioner@demo.example": "demo-sub-tom-okafor",
    "manager@demo.example": "demo-sub-grace-lindqvist",
}


@demo_seeder(12)
def seed_identity_provider_demo() -> None:
    from .models import ProviderGroupMapping, ProviderIdentity, Role, Team, User

    north = Team.objects.filter(name="North Adults Team", organisation__name="Demo Council").first()
    if north is None:
        return
    for group_id, group_name, role in (
        (PRACTITIONERS_GROUP, "North Adults Team practitioners", Role.PRACTITIONER),
        (MANAGERS_GROUP, "North Adults Team managers", Role.TEAM_MANAGER),
    ):
        ProviderGroupMapping.objects.get_or_create(group_id=group_id, role=role, team=north, defaults={"group_name": group_name})
    issuer = settings.OIDC_ISSUER or DEMO_ISSUER
    for user in User.objects.filter(email__in=DEMO_SUBJECTS):
        granted_teams = {str(north.pk): Role.TEAM_MANAGER in user.roles}
        ProviderIdentity.objects.get_or_create(
            issuer=issuer,
            subject=DEMO_SUBJECTS[user.email],
            defaults={"user": user, "granted_roles": list(user.roles), "granted_teams": granted_teams},
        )
