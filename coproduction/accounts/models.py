from functools import cached_property

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import salted_hmac

from coproduction.core.names import NameField


class Role(models.TextChoices):
    COMMISSIONER = "commissioner", "Commissioner"
    PRACTITIONER = "practitioner", "Practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    HEAD_OF_SERVICE = "head_of_service", "Head of service"
    PERSON = "person", "Person who uses services"
    CARER = "carer", "Carer or family representative"
    PROVIDER = "provider", "Provider"
    QUALITY_ASSESSOR = "quality_assessor", "Peer researcher or quality assessor"
    ADMINISTRATOR = "administrator", "Administrator"


# Council staff who handle other people's records: these must use two-factor sign-in.
STAFF_ROLES = frozenset({Role.COMMISSIONER, Role.PRACTITIONER, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.ADMINISTRATOR})
# The order a person with several roles meets their home pages in.
ROLE_ORDER = list(Role)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        PROVIDER = "provider", "Provider"
        COMMUNITY = "community", "Community group"
        HEALTH = "health", "Health organisation"
        OTHER = "other", "Other"

    name = NameField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.OTHER)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    name = NameField(max_length=200)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="teams")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="team_unique_name")]

    def __str__(self) -> str:
        return self.name


def email_key(email: str) -> str:
    """The one spelling of an email address: accounts are stored and found by it, and failed
    sign-ins are counted against it, so `HEAD@…`, `hEAD@…` and ` head@… ` are one account."""
    return BaseUserManager.normalize_email(email.strip()).lower()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username: str) -> "User":
        # People type their email address in any case; it is unique regardless of case.
        return self.get(email__iexact=email_key(username))

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        user = self.model(email=email_key(email), **fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user


class User(AbstractBaseUser, PermissionsMixin):
    """A signed-in account. Email is the login; roles decide what it may see."""

    email = models.EmailField("Email address", unique=True)
    full_name = NameField(max_length=200)
    # What the service calls them: people often prefer a name other than their legal one.
    preferred_name = NameField(max_length=100, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    roles = ArrayField(models.CharField(max_length=30, choices=Role), default=list, blank=True)
    teams = models.ManyToManyField(Team, through="TeamMembership", related_name="members", blank=True)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    # Raised by "Sign out everywhere": every session signed in before it stops working.
    session_generation = models.PositiveIntegerField(default=0)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
            # has_perm is always true for superusers, so no account may be one.
            models.CheckConstraint(condition=models.Q(is_superuser=False), name="user_never_superuser"),
        ]
        indexes = [
            GinIndex(fields=["roles"], name="user_roles_gin"),  # roles__contains
            models.Index(fields=["full_name", "id"], name="user_name_idx"),  # the accounts list order
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name

    def get_session_auth_hash(self) -> str:
        # An account read from the cache (cached_user.py) carries the hash instead of the
        # password, so checking the session does not load the password. Once a password is
        # set on it, the hash is worked out from that.
        cached = self.__dict__.get("_cached_session_auth_hash")
        if cached is not None and "password" not in self.__dict__:
            return cached
        return super().get_session_auth_hash()

    def _get_session_auth_hash(self, secret=None) -> str:
        # Django's hash of the password, with the session generation mixed in once an
        # administrator has signed the account out everywhere (left out before, so sessions
        # made before the generation existed stay valid).
        key_salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        value = self.password if not self.session_generation else f"{self.password}:{self.session_generation}"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()

    def has_role(self, role: str) -> bool:
        return role in self.roles

    @property
    def needs_mfa(self) -> bool:
        return any(role in STAFF_ROLES for role in self.roles)

    @cached_property
    def memberships(self) -> list["TeamMembership"]:
        """This user's teams, loaded once per request: the rules and the pages share them."""
        return list(self.team_memberships.select_related("team__organisation").order_by("team__name"))

    @property
    def team_ids(self) -> frozenset[int]:
        return frozenset(membership.team_id for membership in self.memberships)

    @property
    def managed_team_ids(self) -> frozenset[int]:
        if Role.TEAM_MANAGER not in self.roles:
            return frozenset()
        return frozenset(membership.team_id for membership in self.memberships if membership.is_manager)

    def sorted_roles(self) -> list[Role]:
        return [role for role in ROLE_ORDER if role in self.roles]

    @property
    def role_labels(self) -> list[str]:
        return [role.label for role in self.sorted_roles()]


class TeamMembership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="team_memberships")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    # A team manager manages the teams where this is set, not every team they sit in.
    is_manager = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "team"], name="membership_unique")]


class ProviderIdentity(models.Model):
    """A council account at the identity provider, linked to an account here. Found by the
    provider's stable subject id and issuer, never by email address."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="provider_identities")
    issuer = models.URLField(max_length=300)
    subject = models.CharField(max_length=255)
    # What the provider's groups gave at the last sign-in, so that what a group no longer
    # gives is taken away, and what an administrator gave by hand is left alone.
    granted_roles = ArrayField(models.CharField(max_length=30, choices=Role), default=list, blank=True)
    granted_teams = models.JSONField(default=dict, blank=True)  # {team id: is manager}
    created_at = models.DateTimeField(default=timezone.now)
    last_sign_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="provider_identity_unique")]

    def __str__(self) -> str:
        return f"Council sign-in for user {self.user_id}"


class ProviderGroupMapping(models.Model):
    """An administrator's rule: members of this identity provider group hold this staff role,
    in this team when one is named (as its manager for the team manager role)."""

    group_id = models.CharField("Group id", max_length=255)
    group_name = NameField("Group name", max_length=200, blank=True)
    role = models.CharField(max_length=30, choices=[(role.value, role.label) for role in Role if role in STAFF_ROLES])
    team = models.ForeignKey(Team, on_delete=models.CASCADE, null=True, blank=True, related_name="group_mappings")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["group_name", "group_id", "role", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["group_id", "role", "team"], name="group_mapping_unique", nulls_distinct=False),
            # Only council staff roles come from the council's groups.
            models.CheckConstraint(condition=models.Q(role__in=[role.value for role in Role if role in STAFF_ROLES]), name="group_mapping_staff_role"),
        ]

    def __str__(self) -> str:
        return f"{self.group_name or self.group_id}: {self.get_role_display()}"


class ProviderInvitation(models.Model):
    """An administrator's invitation for a member of staff to sign in with their council account:
    the first sign-in through the emailed link joins that council account to this account, with
    the roles and teams an administrator gave it. The link's token is kept only as its hash."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="provider_invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Council sign-in invitation for user {self.user_id}"

    def is_usable(self, *, now=None) -> bool:
        return self.used_at is None and self.expires_at > (now or timezone.now())
