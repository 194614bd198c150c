"""Panels on the role home pages. Each feature app registers its own (in its home.py), so
the accounts app never needs to know about care plans or commissioning."""

from collections.abc import Callable
from dataclasses import dataclass

from . import selectors
from .models import Role, User


@dataclass(frozen=True)
class HomePanel:
    roles: frozenset[Role]
    template: str
    context: Callable[[User], dict]  # one or two queries, whatever the data size
    order: int = 50


HOME_PANELS: list[HomePanel] = []


def register_home_panel(*, roles, template: str, context: Callable[[User], dict], order: int = 50) -> None:
    HOME_PANELS.append(HomePanel(frozenset(roles), template, context, order))
    HOME_PANELS.sort(key=lambda panel: panel.order)


def home_panels_for(*, user: User, role: Role) -> list[tuple[str, dict]]:
    return [(panel.template, panel.context(user)) for panel in HOME_PANELS if role in panel.roles]


# The platform's own panels come first on a role's home page.


def _team_manager_panel(user: User) -> dict:
    return {"managed_teams": selectors.team_list_managed_by(user=user)}


def _administrator_panel(user: User) -> dict:
    return {"role_counts": selectors.user_count_by_role()}


register_home_panel(roles=[Role.TEAM_MANAGER], template="accounts/partials/_home_team_manager.html", context=_team_manager_panel, order=0)
register_home_panel(roles=[Role.ADMINISTRATOR], template="accounts/partials/_home_administrator.html", context=_administrator_panel, order=0)
