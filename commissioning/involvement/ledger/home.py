"""Home-page panels for the recognition ledger: a person's claims, and spend for commissioners
and heads of service. Only the claims panel of someone who does not usually take part runs a query."""

from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role, User

from ..models.ledger import Claim

TAKING_PART_ROLES = {Role.PERSON, Role.CARER, Role.PROVIDER, Role.QUALITY_ASSESSOR}


def _claims_panel(user: User) -> dict:
    """Shown to everyone who takes part; anyone else (a procurement officer on a panel, a
    councillor at a board) sees it once they have a claim: one query for them only."""
    if TAKING_PART_ROLES & set(user.roles or []):
        return {"shown": True}
    return {"shown": Claim.objects.filter(claimant=user).exists()}


register_home_panel(roles=list(Role), template="involvement/ledger/partials/_home_claims.html", context=_claims_panel, order=46)
register_home_panel(
    roles=[Role.COMMISSIONER, Role.HEAD_OF_SERVICE],
    template="involvement/ledger/partials/_home_spend.html", context=lambda user: {}, order=76,
)
