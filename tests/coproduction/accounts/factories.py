from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from coproduction.accounts.models import (
    Organisation,
    ProviderGroupMapping,
    ProviderIdentity,
    ProviderInvitation,
    Role,
    Team,
    TeamMembership,
    User,
)

TEST_PASSWORD = "correct-horse-battery-staple"


def lifelike_name() -> factory.LazyAttribute:
    """A made-up British name, with a typographic apostrophe (O’Connor) instead of a
    straight one: tests look for names in a page's HTML, where a straight apostrophe is
    escaped, so one name in a few dozen made a test fail. Names that need care of their own
    (other scripts, direction marks, hidden characters) are tested in
    tests/coproduction/core/test_names.py."""
    return factory.LazyAttribute(lambda made: made.generated_name.replace("'", "’"))


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.COUNCIL


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")
    organisation = factory.SubFactory(OrganisationFactory, name="Test Council")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    class Params:
        generated_name = factory.Faker("name", locale="en_GB")

    full_name = lifelike_name()
    preferred_name = ""
    roles = factory.LazyFunction(lambda: [Role.PERSON.value])
    # Password(), not set_password in a post-generation hook: that leaves no usable password.
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def teams(self, create, extracted, **kwargs):
        for team in extracted or []:
            TeamMembership.objects.create(user=self, team=team)


class TeamMembershipFactory(DjangoModelFactory):
    class Meta:
        model = TeamMembership

    user = factory.SubFactory(UserFactory, roles=[Role.PRACTITIONER.value])
    team = factory.SubFactory(TeamFactory)
    is_manager = False


def users_for_every_role(team) -> dict:
    """One user per role, the manager managing `team`."""
    from coproduction.accounts.models import Role

    made = {}
    for role in Role:
        teams = [team] if role in (Role.PRACTITIONER, Role.TEAM_MANAGER, Role.COMMISSIONER) else []
        made[role] = UserFactory(email=f"{role.value}@example.org", roles=[role.value], teams=teams)
    made[Role.TEAM_MANAGER].team_memberships.update(is_manager=True)
    return made


class ProviderIdentityFactory(DjangoModelFactory):
    class Meta:
        model = ProviderIdentity

    user = factory.SubFactory(UserFactory, roles=[Role.PRACTITIONER.value])
    issuer = "https://login.example.org/tenant/v2.0"
    subject = factory.Sequence(lambda n: f"subject-{n}")


class ProviderGroupMappingFactory(DjangoModelFactory):
    class Meta:
        model = ProviderGroupMapping

    group_id = factory.Sequence(lambda n: f"group-{n}")
    role = Role.PRACTITIONER.value
    team = factory.SubFactory(TeamFactory)


class ProviderInvitationFactory(DjangoModelFactory):
    class Meta:
        model = ProviderInvitation

    user = factory.SubFactory(UserFactory, roles=[Role.PRACTITIONER.value])
    token_hash = factory.Sequence(lambda n: f"{n:064x}")
    created_by = factory.SubFactory(UserFactory, roles=[Role.ADMINISTRATOR.value])
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
