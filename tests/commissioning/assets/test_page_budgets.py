"""Query budgets for the asset pages: the same with 100 assets as with 1,000."""

import datetime
import random
from decimal import Decimal

from django.urls import reverse

from commissioning.assets.models import Asset, Category, Cost, OpeningTime, Suggestion
from tests.commissioning.assets.factories import (
    AssetFactory,
    AssetModeratorFactory,
    PlaceFactory,
    SuggestionFactory,
)
from tests.commissioning.factories import ProgrammeFactory
from tests.commissioning.priorities.factories import OutcomeFactory, PriorityFactory
from tests.harness.auth import login_as
from tests.harness.queries import assert_fixed_queries


def make_assets(count: int, added_by, seed: int = 1) -> list[Asset]:
    """Published assets scattered over about 10 km around Kendal, open all day every day."""
    rng = random.Random(seed)
    assets = Asset.objects.bulk_create(
        Asset(
            name=f"Asset {seed}-{n}", name_key=f"asset{seed}{n}", category=rng.choice(Category.values), description="Helps people.",
            cost=rng.choice(Cost.values), step_free=rng.random() < 0.6, postcode="LA9 4DL",
            latitude=Decimal("54.328") + Decimal(rng.randint(-4500, 4500)) / 100000,
            longitude=Decimal("-2.746") + Decimal(rng.randint(-7000, 7000)) / 100000,
            status=Asset.Status.PUBLISHED, added_by=added_by, last_checked_on=datetime.date.today(),
        )
        for n in range(count)
    )
    OpeningTime.objects.bulk_create(
        OpeningTime(asset=asset, weekday=day, opens=datetime.time(0), closes=datetime.time(23, 59, 59)) for asset in assets for day in range(7)
    )
    return assets


def test_search_near_a_postcode_with_three_filters_costs_the_same_with_100_and_1000_assets(client, commissioner):
    PlaceFactory(name="LA9 4DL")
    make_assets(100, commissioner)
    url = reverse("assets:search")
    query = {"near": "LA9 4DL", "within": "2", "cost": ["free", "low_cost"], "access": "step_free", "category": Category.values}
    # the place, the count, the page of results (anonymous: no session or user)
    response = assert_fixed_queries(lambda: client.get(url, query), budget=3, grow=lambda: make_assets(900, commissioner, seed=2))
    assert response.status_code == 200


def test_search_signed_in_with_open_now_and_text_costs_the_same(client, person, commissioner):
    make_assets(100, commissioner)
    login_as(client, person)
    url = reverse("assets:search")
    # the count, the page, whether they are a moderator (for the link to the review list)
    response = assert_fixed_queries(
        lambda: client.get(url, {"q": "asset", "open_now": "on", "page": "2"}), budget=3,
        grow=lambda: make_assets(900, commissioner, seed=2),
    )
    assert "Asset" in response.content.decode()


def test_the_review_list_costs_the_same_with_ten_times_the_suggestions(client, carer, person, commissioner):
    AssetModeratorFactory(user=carer, appointed_by=commissioner)
    SuggestionFactory.create_batch(3, asset__added_by=person)
    make_assets(1, commissioner, seed=4)
    Asset.objects.filter(name__startswith="Asset 4-").update(status=Asset.Status.NEEDS_CHECKING)

    def grow():
        SuggestionFactory.create_batch(27, asset__added_by=person)
        make_assets(30, commissioner, seed=3)
        Asset.objects.filter(name__startswith="Asset 3-").update(status=Asset.Status.NEEDS_CHECKING)

    login_as(client, carer)
    # moderator, two counts, the suggestions with their duplicate flags, the audit insert
    # (and the page of assets needing a check, once there are some)
    assert_fixed_queries(lambda: client.get(reverse("assets:review_list")), budget=6, grow=grow)
    assert Suggestion.objects.count() == 30


def test_an_asset_page_and_my_suggestions_cost_the_same_whatever_the_data(client, person, commissioner):
    asset = AssetFactory(added_by=person)
    SuggestionFactory.create_batch(2, asset__added_by=person)
    login_as(client, person)
    detail = reverse("assets:asset_detail", kwargs={"asset_id": asset.pk})
    # the asset with its organisation, people and walk, its opening times, moderator
    assert_fixed_queries(lambda: client.get(detail), budget=3, grow=lambda: OpeningTime.objects.bulk_create(
        OpeningTime(asset=asset, weekday=day, opens=datetime.time(9 + n), closes=datetime.time(10 + n)) for day in range(7) for n in range(2)
    ))
    assert_fixed_queries(
        lambda: client.get(reverse("assets:my_suggestions")), budget=2,  # count, page with assets
        grow=lambda: SuggestionFactory.create_batch(20, asset__added_by=person),
    )


def test_the_coverage_page_costs_the_same_with_ten_times_the_needs_and_links(client, commissioner):
    programme = ProgrammeFactory(lead=commissioner)

    def grow(times=1):
        for _ in range(times):
            outcome = OutcomeFactory(programme=programme)
            priority = PriorityFactory(programme=programme, proposed_by=commissioner)
            for asset in make_assets(3, commissioner, seed=random.randint(10, 10**6)):
                asset.outcomes.add(outcome, through_defaults={"linked_by": commissioner})
                asset.priorities.add(priority, through_defaults={"linked_by": commissioner})

    grow()
    login_as(client, commissioner)
    url = reverse("assets:coverage", kwargs={"programme_id": programme.pk})
    # two-factor device, programme, memberships, outcomes and their assets, priorities and
    # their assets, mapping walks
    assert_fixed_queries(lambda: client.get(url), budget=8, grow=lambda: grow(9))
