"""Home-page panels: people who take part are pointed at their involvement profile; those who
plan co-production across the council at who took part. Neither runs a query."""

from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role

register_home_panel(
    roles=[Role.PERSON, Role.CARER, Role.PROVIDER, Role.QUALITY_ASSESSOR],
    template="involvement/partials/_home_profile.html", context=lambda user: {}, order=45,
)
register_home_panel(
    roles=[Role.COMMISSIONER, Role.HEAD_OF_SERVICE],
    template="involvement/partials/_home_reach.html", context=lambda user: {}, order=75,
)
