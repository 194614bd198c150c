"""Who opened a person's record is for administrators and the managers of the person's team;
inactive accounts are for administrators. Importing inactive_accounts connects the sign-in
signal that notes session keys."""

import rules

from coproduction.accounts.rules import is_administrator as _is_administrator
from coproduction.accounts.rules import is_team_manager as _is_team_manager

from . import inactive_accounts as _inactive_accounts  # noqa: F401


@rules.predicate
def manages_persons_team(user, person) -> bool:
    return person is not None and person.team_id in user.managed_team_ids


rules.add_perm("governance.view_access_review", _is_administrator | (_is_team_manager & manages_persons_team))
rules.add_perm("governance.review_inactive_accounts", _is_administrator)
