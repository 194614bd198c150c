"""The "Your interview panels" panel on every role's home page: anyone may sit on a recruitment
panel (a person who uses services, a carer, a member of staff), so it shows to people on one."""

from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role, User

from .selectors import campaigns_for_home


def _campaigns_panel(user: User) -> dict:
    return {"campaigns": campaigns_for_home(user=user)}


register_home_panel(roles=list(Role), template="recruitment/partials/_home_campaigns.html", context=_campaigns_panel, order=43)
