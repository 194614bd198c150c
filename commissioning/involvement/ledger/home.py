"""Home-page panels for the recognition ledger: a person's claims, and spend for commissioners
and heads of service. None runs a query."""

from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role

register_home_panel(
    roles=[Role.PERSON, Role.CARER, Role.PROVIDER, Role.QUALITY_ASSESSOR],
    template="involvement/ledger/partials/_home_claims.html", context=lambda user: {}, order=46,
)
register_home_panel(
    roles=[Role.COMMISSIONER, Role.HEAD_OF_SERVICE],
    template="involvement/ledger/partials/_home_spend.html", context=lambda user: {}, order=76,
)
