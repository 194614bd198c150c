"""retention pages in the authorization matrix (see tests/authorization_matrix.py)."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Row, only

ADMIN = only(Role.ADMINISTRATOR)

ROWS: list[Row] = [
    Row("governance:retention_schedule", ADMIN),
    Row("governance:retention_due", ADMIN),
    Row("governance:retention_runs", ADMIN),
    Row("governance:erasure_list", ADMIN),
    Row("governance:erasure_add", ADMIN),
    Row("governance:erasure_detail", ADMIN, kwargs=lambda world: {"erasure_id": world["erasure_request"].pk}),
]
