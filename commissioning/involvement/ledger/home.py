"""Home-page panels for the recognition ledger, the self-assessment and the self-check. None
runs a query."""

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
register_home_panel(
    roles=[Role.PRACTITIONER, Role.TEAM_MANAGER],
    template="involvement/selfassessment/partials/_home_self_check.html", order=60,
    context=lambda user: {
        "can_check": user.has_perm("involvement.do_self_check"),
        "can_see_team": user.has_perm("involvement.view_team_self_checks"),
    },
)
