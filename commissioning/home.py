"""The "Your co-production groups" panel on every role's home page. Anyone can be in a group
(a person, a carer, a provider, a councillor...), so it is on every home page, shown only
to people in a group now."""

from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role, User

from .selectors import memberships_for_home


def _groups_panel(user: User) -> dict:
    return {"memberships": memberships_for_home(user=user)}


register_home_panel(roles=list(Role), template="commissioning/partials/_home_groups.html", context=_groups_panel, order=40)
