"""Case management system pages in the authorization matrix: administrators only."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, signed_in

ADMIN = only(Role.ADMINISTRATOR)

ROWS: list[Row] = [
    Row("casesystem:overview", ADMIN),
    Row("casesystem:mapping_add", ADMIN),
    Row("casesystem:mapping_edit", ADMIN, kwargs=lambda world: {"mapping_id": world["case_mapping"].pk}),
    Row("casesystem:import_upload", ADMIN),
    Row("casesystem:import_confirm", signed_in(Expect.METHOD_NOT_ALLOWED)),  # POST only; tested in test_import.py
    Row("casesystem:run_detail", ADMIN, kwargs=lambda world: {"run_id": world["case_import_run"].pk}),
    Row("casesystem:export_settings", ADMIN),
    Row("casesystem:export_send", signed_in(Expect.METHOD_NOT_ALLOWED)),  # POST only; tested in test_export_settings.py
]
