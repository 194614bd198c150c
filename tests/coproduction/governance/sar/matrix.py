"""sar pages in the authorization matrix (see tests/authorization_matrix.py)."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Row, only

# Subject access requests are for administrators alone: everyone else is refused, whatever the record.
ROWS: list[Row] = [
    Row("governance:sar_search", only(Role.ADMINISTRATOR)),
    Row("governance:sar_person", only(Role.ADMINISTRATOR), kwargs=lambda world: {"person_id": world["person"].pk}),
    # The carer has an account but no person's record of their own.
    Row("governance:sar_account", only(Role.ADMINISTRATOR), kwargs=lambda world: {"user_id": world["users"][Role.CARER].pk}),
    Row("governance:sar_account", only(), kwargs=lambda world: {"user_id": world["users"][Role.PERSON].pk},
        id="governance:sar_account[account with a person's record: use the record]"),
    Row("governance:sar_detail", only(Role.ADMINISTRATOR), kwargs=lambda world: {"job_id": world["sar_job"].pk}),
    Row("governance:sar_detail", only(), kwargs=lambda world: {"job_id": world["person_job"].pk},
        id="governance:sar_detail[not a subject access job]"),
    Row("governance:sar_download", only(Role.ADMINISTRATOR), kwargs=lambda world: {"job_id": world["sar_zip_job"].pk}),
]
