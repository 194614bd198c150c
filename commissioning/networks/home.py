"""The "Your networks" panel on every role's home page: providers, commissioners, people who
use services and carers all belong to networks, so it shows to anyone in one now."""

from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role, User

from .selectors import networks_for_home


def _networks_panel(user: User) -> dict:
    return {"networks": networks_for_home(user=user)}


register_home_panel(roles=list(Role), template="networks/partials/_home_networks.html", context=_networks_panel, order=43)
