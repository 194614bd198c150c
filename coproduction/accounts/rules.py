"""Who may do what with accounts, organisations and teams, and the role predicates
every other app's rules.py builds on. Predicates read only what the user row already
holds (roles), so checking them costs no queries."""

from functools import cache

import rules

from .models import Role


@cache
def has_role(role: Role) -> rules.Predicate:
    @rules.predicate(name=f"has_role:{role.value}")
    def predicate(user) -> bool:
        return user.is_authenticated and role in user.roles

    return predicate


is_administrator = has_role(Role.ADMINISTRATOR)
is_team_manager = has_role(Role.TEAM_MANAGER)


@rules.predicate
def has_any_role(user) -> bool:
    return user.is_authenticated and bool(user.roles)


# Each role's home page, for those who hold the role.
for _role in Role:
    rules.add_perm(f"accounts.view_{_role.value}_home", has_role(_role))

# Administrators manage accounts, organisations and teams. Nobody deletes an account:
# leavers are switched off, and erasure follows the retention rules.
rules.add_perm("accounts.view_user", is_administrator)
rules.add_perm("accounts.add_user", is_administrator)
rules.add_perm("accounts.change_user", is_administrator)
rules.add_perm("accounts.add_team", is_administrator)


@rules.predicate
def is_staff_account(user, account) -> bool:
    """The account holds a council staff role: only staff sign in with a council account."""
    return account is not None and account.needs_mfa


# An administrator invites a member of staff to sign in with their council account.
rules.add_perm("accounts.invite_to_council_sign_in", is_administrator & is_staff_account)
# Which of the council's identity provider groups give which staff roles and teams.
rules.add_perm("accounts.manage_group_mapping", is_administrator)
