"""Home-page panel: providers, quality assessors and the people who sit on monitoring meetings
are pointed at their own contracts, meetings and visits. It runs no query; only
providers are told about their organisation's contracts."""

from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role

register_home_panel(
    roles=[Role.PROVIDER, Role.QUALITY_ASSESSOR, Role.PERSON, Role.CARER],
    template="monitoring/partials/_home.html", context=lambda user: {"provider": Role.PROVIDER.value in user.roles}, order=55,
)
