"""Access review pages in the authorization matrix (see tests/authorization_matrix.py)."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Row, only

ADMIN = only(Role.ADMINISTRATOR)

# world["person"] is on the TEAM_MANAGER's team; world["other_team_person"] is not.
ROWS: list[Row] = [
    Row("governance:access_review", only(Role.ADMINISTRATOR, Role.TEAM_MANAGER),
        kwargs=lambda world: {"person_id": world["person"].pk}),
    Row("governance:access_review", ADMIN, kwargs=lambda world: {"person_id": world["other_team_person"].pk},
        id="governance:access_review[another team's person]"),
    Row("governance:inactive_accounts", ADMIN),
    Row("governance:inactive_account_disable", ADMIN, kwargs=lambda world: {"user_id": world["inactive_account"].pk}),
]
