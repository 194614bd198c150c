from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role, User

from .selectors import invitations_for_person

PANEL_SIZE = 3


def _invitations_panel(user: User) -> dict:
    # One query: the next few, and one more to know whether to say "see all".
    upcoming = list(invitations_for_person(user=user)[: PANEL_SIZE + 1])
    return {"invitations": upcoming[:PANEL_SIZE], "more": len(upcoming) > PANEL_SIZE}


# Anyone can be in a co-production group, whatever their role.
register_home_panel(roles=list(Role), template="workshops/partials/_home_invitations.html", context=_invitations_panel, order=30)
