"""Authorization matrix rows for the asset mapping pages (see tests/authorization_matrix.py).

Published assets are public (a deliberate exception to default-deny). The CARER user is a named
community moderator in the world, so moderation pages are OK for commissioners and that carer,
and denied to everyone else (a community member cannot publish)."""

from commissioning.assets import oruk
from coproduction.accounts.models import Role
from tests.harness.matrix import ANONYMOUS, Expect, Row, only, public, signed_in

MODERATORS = only(Role.COMMISSIONER, Role.CARER)
MEMBERS = only(Role.PERSON, Role.CARER, Role.COMMISSIONER)
POST_ONLY = signed_in(Expect.METHOD_NOT_ALLOWED)
# Who may change world["person"]'s plan (and so add assets to its support).
PLAN_WRITERS = only(Role.PRACTITIONER, Role.TEAM_MANAGER)


def _asset(key):
    return lambda world: {"asset_id": world[key].pk}


def _service(key):
    return lambda world: {"service_id": oruk.service_id(world[key].pk)}


def _programme(world, **extra):
    return {"programme_id": world["programme"].pk, **extra}


ROWS: list[Row] = [
    Row("assets:search", public()),
    Row("assets:asset_detail", public(), kwargs=_asset("asset")),
    Row("assets:asset_detail", public(), kwargs=_asset("private_asset"), id="assets:asset_detail[private individual]"),
    Row(  # a suggestion: its suggester and the moderators only
        "assets:asset_detail", {**only(Role.PERSON, Role.COMMISSIONER, Role.CARER), ANONYMOUS: Expect.LOGIN},
        kwargs=_asset("suggested_asset"), id="assets:asset_detail[suggested]",
    ),
    Row("assets:asset_detail", MODERATORS, kwargs=_asset("closed_asset"), id="assets:asset_detail[closed]"),
    Row("assets:suggest", signed_in()),
    Row("assets:correct", signed_in(), kwargs=_asset("asset")),
    Row("assets:correct", only(), kwargs=_asset("suggested_asset"), id="assets:correct[not published]"),
    Row("assets:my_suggestions", signed_in()),
    Row("assets:review_list", MODERATORS),
    Row("assets:review", MODERATORS, kwargs=lambda world: {"suggestion_id": world["asset_suggestion"].pk}),
    Row("assets:edit", MODERATORS, kwargs=_asset("asset")),
    Row("assets:mark_checked", POST_ONLY, kwargs=_asset("asset")),
    Row("assets:close", POST_ONLY, kwargs=_asset("asset")),
    Row("assets:moderators", only(Role.COMMISSIONER, Role.ADMINISTRATOR)),
    Row("assets:moderator_remove", POST_ONLY, kwargs=lambda world: {"moderator_id": world["users"][Role.CARER].asset_moderator.pk}),
    Row("assets:coverage", MEMBERS, kwargs=_programme),
    Row(
        "assets:coverage", only(Role.COMMISSIONER), kwargs=lambda world: {"programme_id": world["other_programme"].pk},
        id="assets:coverage[not a member]",
    ),
    Row("assets:links", only(Role.COMMISSIONER), kwargs=lambda world: _programme(world, asset_id=world["asset"].pk)),
    Row("assets:mapping_add", only(Role.COMMISSIONER), kwargs=_programme),
    Row("assets:mapping_detail", MEMBERS, kwargs=lambda world: _programme(world, exercise_id=world["mapping_exercise"].pk)),
    # Finding a local option for a plan: whoever may write it (the person and a representative whose
    # basis stands too); adding to the plan's support list stays the team's.
    Row("assets:plan_add", only(Role.PERSON, Role.CARER, Role.PRACTITIONER, Role.TEAM_MANAGER), kwargs=lambda world: {"person_id": world["person"].pk}),
    Row(
        "assets:plan_add", PLAN_WRITERS, kwargs=lambda world: {"person_id": world["withdrawn_person"].pk},
        id="assets:plan_add[consent withdrawn]",
    ),
    Row("assets:plan_remove", POST_ONLY, kwargs=lambda world: {"person_id": world["person"].pk, "link_id": world["plan_asset"].pk}),
    # --- Open data and import -----------------------------------------------------------
    # The Open Referral UK feed is open to anyone (a directory elsewhere has no account here),
    # and carries published assets only: never a person's own skills, never a suggestion.
    Row("assets:open_data", public()),
    Row("assets:oruk_api_details", public()),
    Row("assets:oruk_service_list", public()),
    Row("assets:oruk_service_detail", public(), kwargs=_service("asset")),
    Row("assets:oruk_service_detail", public(Expect.DENIED), kwargs=_service("private_asset"), id="assets:oruk_service_detail[private individual]"),
    Row("assets:oruk_service_detail", public(Expect.DENIED), kwargs=_service("suggested_asset"), id="assets:oruk_service_detail[suggested]"),
    Row("assets:oruk_export", public()),
    # Imported assets are published, so only those who publish may import.
    Row("assets:asset_import", MODERATORS),
    Row("assets:asset_import_template", MODERATORS),
    Row("assets:asset_import_confirm", POST_ONLY),
]
