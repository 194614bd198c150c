"""Authorization matrix rows for the budgeting pages (see tests/authorization_matrix.py)."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, public, signed_in

# Members of world["programme"], and the commissioners who run every round.
MEMBERS = only(Role.PERSON, Role.CARER, Role.COMMISSIONER)
RUNNING = only(Role.COMMISSIONER)
POST_ONLY = signed_in(Expect.METHOD_NOT_ALLOWED)


def _round(key: str):
    return lambda world: {"programme_id": world[key].programme_id, "round_id": world[key].pk}


def _pot(round_key: str, pot_key: str):
    return lambda world: {**_round(round_key)(world), "pot_id": world[pot_key].pk}


def _proposal(key: str):
    return lambda world: {**_round("pb_round")(world), "proposal_id": world[key].pk}


ROWS: list[Row] = [
    Row("budgeting:round_list", MEMBERS, kwargs=lambda world: {"programme_id": world["programme"].pk}),
    Row(
        "budgeting:round_list", RUNNING, kwargs=lambda world: {"programme_id": world["other_programme"].pk},
        id="budgeting:round_list[not a member]",
    ),
    # A public programme's rounds are open to anyone signed in: residents register and vote.
    Row("budgeting:round_list", signed_in(), kwargs=lambda world: {"programme_id": world["public_programme"].pk}, id="budgeting:round_list[public]"),
    Row("budgeting:round_add", RUNNING, kwargs=lambda world: {"programme_id": world["programme"].pk}),
    Row("budgeting:round_detail", MEMBERS, kwargs=_round("pb_round")),
    Row("budgeting:round_detail", signed_in(), kwargs=_round("pb_public"), id="budgeting:round_detail[public]"),
    Row("budgeting:round_settings", RUNNING, kwargs=_round("pb_round")),
    Row("budgeting:pot_add", RUNNING, kwargs=_round("pb_round")),
    Row("budgeting:round_move_on", POST_ONLY, kwargs=_round("pb_round")),
    Row("budgeting:results_publish", POST_ONLY, kwargs=_round("pb_done")),
    Row("budgeting:count_requeue", POST_ONLY, kwargs=_round("pb_done")),
    Row("budgeting:proposal_list", MEMBERS, kwargs=_round("pb_round")),
    Row("budgeting:proposal_add", MEMBERS, kwargs=_round("pb_round")),
    Row("budgeting:proposal_detail", MEMBERS, kwargs=_proposal("pb_proposal")),
    Row(  # a rejected idea: its proposer (the PERSON user), the reviewer and organisers
        "budgeting:proposal_detail", only(Role.PERSON, Role.CARER, Role.COMMISSIONER), kwargs=_proposal("pb_rejected"),
        id="budgeting:proposal_detail[rejected]",
    ),
    Row("budgeting:proposal_review", only(Role.CARER), kwargs=_proposal("pb_proposal")),
    Row("budgeting:register", signed_in(), kwargs=_round("pb_public")),
    Row("budgeting:register", only(), kwargs=_round("pb_round"), id="budgeting:register[members' round]"),
    Row("budgeting:ballot", only(Role.PERSON, Role.CARER), kwargs=_pot("pb_round", "pb_pot")),
    # Nobody in the world registered for the residents' round, so nobody may vote in it online.
    Row("budgeting:ballot", only(), kwargs=_pot("pb_public", "pb_public_pot"), id="budgeting:ballot[not registered]"),
    # Signed out on purpose: people vote with a paper code, without an account.
    Row("budgeting:code_entry", public(), kwargs=_round("pb_public")),
    Row("budgeting:code_entry", public(Expect.DENIED), kwargs=_round("pb_round"), id="budgeting:code_entry[members' round]"),
    Row("budgeting:code_ballot", public(Expect.REDIRECT), kwargs=_pot("pb_public", "pb_public_pot")),  # to the code page
    Row("budgeting:paper_ballot", RUNNING, kwargs=_pot("pb_round", "pb_pot")),
    Row("budgeting:results", MEMBERS, kwargs=_round("pb_done")),
    Row("budgeting:results", MEMBERS, kwargs=_round("pb_round"), id="budgeting:results[still voting]"),  # says when they come
    # A public programme's published results are for everyone, signed in or not; nothing else is.
    Row("budgeting:results_public", public(), kwargs=_round("pb_public_done")),
    Row("budgeting:results_public", public(Expect.DENIED), kwargs=_round("pb_done"), id="budgeting:results_public[members' programme]"),
    Row("budgeting:results_public", public(Expect.DENIED), kwargs=_round("pb_public"), id="budgeting:results_public[not published]"),
    # The spreadsheet is a download; before the count nobody gets one (tested in tests/commissioning/budgeting).
    Row("budgeting:results_csv", only(), kwargs=_round("pb_round")),
    Row("budgeting:print", RUNNING, kwargs=_round("pb_round")),
]
