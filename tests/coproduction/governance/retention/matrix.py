"""retention pages in the authorization matrix (see tests/authorization_matrix.py)."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Row, only

ADMIN = only(Role.ADMINISTRATOR)

# world["person"] is on the TEAM_MANAGER's team; world["other_team_person"] is not.
ROWS: list[Row] = [
    Row("governance:retention_schedule", ADMIN),
    Row("governance:retention_due", ADMIN),
    Row("governance:retention_runs", ADMIN),
    Row("governance:erasure_list", ADMIN),
    Row("governance:erasure_add", ADMIN),
    Row("governance:erasure_detail", ADMIN, kwargs=lambda world: {"erasure_id": world["erasure_request"].pk}),
    Row("governance:access_review", only(Role.ADMINISTRATOR, Role.TEAM_MANAGER),
        kwargs=lambda world: {"person_id": world["person"].pk}),
    Row("governance:access_review", ADMIN, kwargs=lambda world: {"person_id": world["other_team_person"].pk},
        id="governance:access_review[another team's person]"),
    Row("governance:inactive_accounts", ADMIN),
    Row("governance:inactive_account_disable", ADMIN, kwargs=lambda world: {"user_id": world["inactive_account"].pk}),
]
