"""The administrator's home page links to the case system's imports."""

from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role

register_home_panel(roles=[Role.ADMINISTRATOR], template="casesystem/partials/_home_administrator.html", context=lambda user: {}, order=5)
