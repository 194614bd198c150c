"""Asset mapping records for the authorization matrix and the accessibility test.

world["asset"]: published, public. world["private_asset"]: published, run by a private
individual who agreed to be listed; their phone number and email must never reach the public.
world["asset_suggestion"]: a new asset suggested by the PERSON user, waiting for review.
The CARER user is a named community moderator (so "a moderator can" and "a community member
cannot" both show in the matrix). world["mapping_exercise"]: a walk in world["programme"] that
found world["asset"]. world["plan_asset"]: world["asset"] in world["person"]'s plan support."""

import datetime

from commissioning.assets import services
from commissioning.assets.models import Asset, Category, Cost, MappingExercise
from coproduction.accounts.models import Role
from tests.commissioning.assets.factories import (
    AssetFactory,
    AssetModeratorFactory,
    OpeningTimeFactory,
    PlaceFactory,
    PlanAssetFactory,
)

PRIVATE_PHONE = "07700 900123"
PRIVATE_EMAIL = "joan.private@example.org"


def build_assets_world(world: dict) -> dict:
    users = world["users"]
    commissioner = users[Role.COMMISSIONER]
    exercise = services.mapping_exercise_record(
        programme=world["programme"], by=commissioner, title="Walk around the town centre", method=MappingExercise.Method.WALK,
        area="Market Place", happened_on=datetime.date(2026, 10, 3), others_taking_part=4, participants=[world["member"]],
    )
    asset = AssetFactory(
        name="Kendal Library", category=Category.INSTITUTION, cost=Cost.FREE, step_free=True, hearing_loop=True,
        postcode="LA9 4PY", latitude="54.326800", longitude="-2.745700", phone="01539 000000",
        email="library@example.org", website="https://example.org/library", added_by=users[Role.PERSON],
        found_by_activity=exercise.activity,
    )
    OpeningTimeFactory(asset=asset, weekday=0, opens=datetime.time(9), closes=datetime.time(17))
    private = AssetFactory(
        name="Joan's knitting lessons", category=Category.INDIVIDUAL, responsible_name="Joan Smith",
        responsible_is_private=True, consent_to_publish=True, contact_name="Joan Smith",
        phone=PRIVATE_PHONE, email=PRIVATE_EMAIL, added_by=users[Role.CARER], postcode="LA9 4DL",
    )
    suggestion = services.asset_suggest(
        by=users[Role.PERSON], data={
            "name": "Kendal Library", "category": Category.INSTITUTION, "description": "Books and a warm place to sit.",
            "postcode": "LA9 4PY",
        },
    )
    AssetModeratorFactory(user=users[Role.CARER], appointed_by=commissioner, area="Town centre")
    PlaceFactory(name="LA9 4PY", latitude="54.326800", longitude="-2.745700")
    services.asset_links_set(asset=asset, programme=world["programme"], priorities=[world["priority"]], outcomes=[], by=commissioner)
    plan_asset = PlanAssetFactory(plan=world["person"].plans.order_by("-version").first(), asset=asset, added_by=users[Role.PRACTITIONER])
    return {
        "asset": asset,
        "private_asset": private,
        "suggested_asset": suggestion.asset,
        "asset_suggestion": suggestion,
        "mapping_exercise": exercise,
        "plan_asset": plan_asset,
        "closed_asset": AssetFactory(name="Old youth club", status=Asset.Status.CLOSED),
    }
