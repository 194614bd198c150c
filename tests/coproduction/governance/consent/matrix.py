"""consent pages in the authorization matrix (see tests/authorization_matrix.py)."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Row, only, signed_in

# world["person"] is the PERSON user's record on the PRACTITIONER's and TEAM_MANAGER's team; the
# CARER user is the representative that world["consent_representative"] lets see the plan.
ROWS: list[Row] = [
    Row("governance:consent_register", only(Role.PRACTITIONER, Role.TEAM_MANAGER),
        kwargs=lambda world: {"person_id": world["person"].pk}),
    Row("governance:consent_register", only(), kwargs=lambda world: {"person_id": world["other_team_person"].pk},
        id="governance:consent_register[another team's person]"),
    Row("governance:my_consents", signed_in()),
    Row("governance:consent_withdraw", only(Role.PRACTITIONER, Role.TEAM_MANAGER, Role.PERSON, Role.CARER),
        kwargs=lambda world: {"consent_id": world["consent_representative"].pk}),
]
