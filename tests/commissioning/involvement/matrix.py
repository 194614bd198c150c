"""Authorization matrix rows for the involvement pages (see tests/authorization_matrix.py)."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, signed_in

# ---- Profiles, reach and peer researchers ----
# Everyone signed in has their own profile (nobody opens anyone else's: there is no URL for it).
# world["programme"]'s group is the PERSON and CARER users; the COMMISSIONER leads it; the
# PERSON user is its peer researcher.
MEMBERS = only(Role.PERSON, Role.CARER, Role.COMMISSIONER)
RUNNING = only(Role.COMMISSIONER)


def programme(world, **extra) -> dict:
    return {"programme_id": world["programme"].pk, **extra}


PROFILE_ROWS: list[Row] = [
    Row("involvement:profile", signed_in()),
    Row("involvement:profile_edit", signed_in()),
    Row("involvement:equality_edit", signed_in()),
    Row("involvement:profile_download", signed_in(), kwargs=lambda world: {"file_format": "csv"}),
    Row("involvement:profile_download", signed_in(), kwargs=lambda world: {"file_format": "json"}, id="involvement:profile_download[json]"),
    Row("involvement:profile_download", only(), kwargs=lambda world: {"file_format": "pdf"}, id="involvement:profile_download[not a format]"),
    Row("involvement:profile_delete", signed_in()),
    Row("involvement:council_reach", only(Role.COMMISSIONER, Role.HEAD_OF_SERVICE)),
    Row("involvement:population", RUNNING),
    Row("involvement:population_edit", RUNNING, kwargs=lambda world: {"question": "ethnicity"}),
    Row("involvement:population_edit", only(), kwargs=lambda world: {"question": "favourite_colour"}, id="involvement:population_edit[not a question]"),
    Row("involvement:programme_reach", MEMBERS, kwargs=programme),
    Row("involvement:programme_reach", RUNNING, kwargs=lambda world: {"programme_id": world["other_programme"].pk},
        id="involvement:programme_reach[not a member]"),
    Row("involvement:programme_reach", RUNNING, kwargs=lambda world: {"programme_id": world["public_programme"].pk},
        id="involvement:programme_reach[public programme]"),
    # Organisers see what helps the people taking part; members see nothing of each other's.
    Row("involvement:activity_access_needs", RUNNING, kwargs=lambda world: programme(world, activity_id=world["activity"].pk)),
    Row("involvement:activity_access_needs", only(),
        kwargs=lambda world: {"programme_id": world["other_programme"].pk, "activity_id": world["activity"].pk},
        id="involvement:activity_access_needs[wrong programme]"),
    Row("involvement:peer_researchers", MEMBERS, kwargs=programme),
    Row("involvement:peer_researchers", RUNNING, kwargs=lambda world: {"programme_id": world["other_programme"].pk},
        id="involvement:peer_researchers[not a member]"),
    Row("involvement:peer_researcher_add", RUNNING, kwargs=programme),
    Row("involvement:peer_researcher_edit", RUNNING, kwargs=lambda world: programme(world, researcher_id=world["peer_researcher"].pk)),
    # The peer researcher records their own interviews; the other members cannot.
    Row("involvement:interview_add", only(Role.PERSON, Role.COMMISSIONER),
        kwargs=lambda world: programme(world, researcher_id=world["peer_researcher"].pk)),
]

# ---- Recognition ledger, self-assessment and self-check ----
# A person sees only their own claims (world["claim"] is the PERSON user's); the organiser (a
# commissioner) approves; heads of service see spend. The self-assessment round was assessed
# by the PERSON user; the self-check is the PRACTITIONER user's, private to them.
POST_ONLY = signed_in(Expect.METHOD_NOT_ALLOWED)
SPEND = only(Role.COMMISSIONER, Role.HEAD_OF_SERVICE)

LEDGER_ROWS: list[Row] = [
    Row("involvement:my_claims", signed_in()),
    Row("involvement:claim_add", signed_in()),
    Row("involvement:claim_edit", only(Role.PERSON), kwargs=lambda world: {"claim_id": world["claim"].pk}),
    Row("involvement:programme_claims", RUNNING, kwargs=programme),
    Row("involvement:programme_claims", RUNNING, kwargs=lambda world: {"programme_id": world["other_programme"].pk},
        id="involvement:programme_claims[not a member]"),
    Row("involvement:claim_enter", RUNNING, kwargs=programme),
    Row("involvement:claim_approve", POST_ONLY, kwargs=lambda world: programme(world, claim_id=world["claim"].pk)),
    Row("involvement:claim_query", RUNNING, kwargs=lambda world: programme(world, claim_id=world["claim"].pk)),
    Row("involvement:claim_query", only(), kwargs=lambda world: {"programme_id": world["other_programme"].pk, "claim_id": world["claim"].pk},
        id="involvement:claim_query[wrong programme]"),
    Row("involvement:programme_spend", SPEND, kwargs=programme),
    Row("involvement:spend", SPEND),
    Row("involvement:payments", RUNNING),
    Row("involvement:payment_export", POST_ONLY),
    Row("involvement:payment_file", RUNNING, kwargs=lambda world: {"export_id": world["claim_export"].pk}),
    Row("involvement:rates", RUNNING),
    Row("involvement:rate_retire", POST_ONLY, kwargs=lambda world: {"rate_id": world["recognition_rate"].pk}),
    Row("involvement:selfassessment", SPEND),
    Row("involvement:round_add", RUNNING),
    Row("involvement:round_detail", only(Role.COMMISSIONER, Role.HEAD_OF_SERVICE, Role.PERSON),
        kwargs=lambda world: {"round_id": world["assessment_round"].pk}),
    Row("involvement:round_edit", RUNNING, kwargs=lambda world: {"round_id": world["assessment_round"].pk}),
    Row("involvement:self_checks", only(Role.PRACTITIONER)),
    Row("involvement:self_check_add", only(Role.PRACTITIONER)),
    Row("involvement:self_check_detail", only(Role.PRACTITIONER), kwargs=lambda world: {"check_id": world["self_check"].pk}),
    Row("involvement:self_check_team", only(Role.TEAM_MANAGER)),
]

ROWS: list[Row] = [*PROFILE_ROWS, *LEDGER_ROWS]
