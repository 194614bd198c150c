"""The home-page panel for the "doing with, not doing to" self-check."""

from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role

register_home_panel(
    roles=[Role.PRACTITIONER, Role.TEAM_MANAGER],
    template="involvement/selfassessment/partials/_home_self_check.html", order=60,
    context=lambda user: {
        "can_check": user.has_perm("involvement.do_self_check"),
        "can_see_team": user.has_perm("involvement.view_team_self_checks"),
    },
)
