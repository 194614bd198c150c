import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from commissioning.assets.models import (
    Asset,
    AssetModerator,
    AssetOutcome,
    AssetPriority,
    Category,
    MappingExercise,
    OpeningTime,
    Place,
    PlanAsset,
    Suggestion,
)
from tests.careplans.factories import CarePlanFactory
from tests.commissioning.factories import ActivityFactory
from tests.commissioning.priorities.factories import OutcomeFactory, PriorityFactory
from tests.coproduction.accounts.factories import UserFactory


class AssetFactory(DjangoModelFactory):
    """A published asset in the middle of Kendal, checked today."""

    class Meta:
        model = Asset

    name = factory.Sequence(lambda n: f"Community group {n}")
    category = Category.ASSOCIATION
    description = "Meets every week. Everyone is welcome."
    postcode = "LA9 4DL"
    latitude = Decimal("54.328000")
    longitude = Decimal("-2.746000")
    status = Asset.Status.PUBLISHED
    added_by = factory.SubFactory(UserFactory)
    published_at = factory.LazyFunction(timezone.now)
    last_checked_on = factory.LazyFunction(timezone.localdate)


class OpeningTimeFactory(DjangoModelFactory):
    class Meta:
        model = OpeningTime

    asset = factory.SubFactory(AssetFactory)
    weekday = 0
    opens = datetime.time(9, 0)
    closes = datetime.time(17, 0)


class SuggestionFactory(DjangoModelFactory):
    """A new asset waiting for a moderator, suggested by its adder."""

    class Meta:
        model = Suggestion

    asset = factory.SubFactory(AssetFactory, status=Asset.Status.SUGGESTED, published_at=None, last_checked_on=None)
    kind = Suggestion.Kind.NEW
    suggested_by = factory.LazyAttribute(lambda suggestion: suggestion.asset.added_by)


class AssetModeratorFactory(DjangoModelFactory):
    class Meta:
        model = AssetModerator

    user = factory.SubFactory(UserFactory)
    appointed_by = factory.SubFactory(UserFactory)


class PlaceFactory(DjangoModelFactory):
    class Meta:
        model = Place

    kind = Place.Kind.POSTCODE
    name = "LA9 4DL"
    key = factory.LazyAttribute(lambda place: place.name.replace(" ", "").upper() if place.kind == "postcode" else place.name.lower())
    latitude = Decimal("54.328000")
    longitude = Decimal("-2.746000")


class MappingExerciseFactory(DjangoModelFactory):
    class Meta:
        model = MappingExercise

    activity = factory.SubFactory(ActivityFactory, kind="asset_mapping", title="Walk around the town centre")
    method = MappingExercise.Method.WALK
    area = "Market Place and Stricklandgate"


class PlanAssetFactory(DjangoModelFactory):
    class Meta:
        model = PlanAsset

    plan = factory.SubFactory(CarePlanFactory)
    asset = factory.SubFactory(AssetFactory)
    added_by = factory.SubFactory(UserFactory)


class AssetPriorityFactory(DjangoModelFactory):
    class Meta:
        model = AssetPriority

    asset = factory.SubFactory(AssetFactory)
    priority = factory.SubFactory(PriorityFactory)
    linked_by = factory.LazyAttribute(lambda link: link.priority.programme.lead)


class AssetOutcomeFactory(DjangoModelFactory):
    class Meta:
        model = AssetOutcome

    asset = factory.SubFactory(AssetFactory)
    outcome = factory.SubFactory(OutcomeFactory)
    linked_by = factory.LazyAttribute(lambda link: link.outcome.programme.lead)
