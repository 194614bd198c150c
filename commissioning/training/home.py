"""The induction panel on a practitioner's home page: induction sessions led by people who use
services, and whether they came."""

from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role, User

from .selectors import induction_for_home


def _induction_panel(user: User) -> dict:
    return {"sessions": induction_for_home(user=user)}


register_home_panel(roles=[Role.PRACTITIONER], template="training/partials/_home_induction.html", context=_induction_panel, order=44)
