"""The "Your boards" panel on every role's home page: anyone may sit on a board (a person who
uses services, a carer, a councillor, an officer), so it shows to people on a board now."""

from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role, User

from .selectors import boards_for_home


def _boards_panel(user: User) -> dict:
    return {"boards": boards_for_home(user=user)}


register_home_panel(roles=list(Role), template="boards/partials/_home_boards.html", context=_boards_panel, order=42)
