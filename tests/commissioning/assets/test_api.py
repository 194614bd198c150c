"""The Open Referral UK JSON API: public, published assets only, paginated, fixed queries."""

import json

import pytest
from django.urls import reverse

from commissioning.assets import oruk
from commissioning.assets.models import Asset, Category, OpeningTime
from tests.commissioning.assets.test_oruk import full_asset, make_asset
from tests.harness.queries import assert_fixed_queries

LIST = "assets:oruk_service_list"


def _grow(by, count: int, start: int = 0) -> None:
    assets = Asset.objects.bulk_create([
        Asset(
            name=f"Group {start + n}", name_key=f"group{start + n}", category=Category.ASSOCIATION,
            description="Meets weekly.", status=Asset.Status.PUBLISHED, added_by=by, postcode="LA9 4DL",
            tags=["weekly"], needs=["carers"],
        )
        for n in range(count)
    ])
    OpeningTime.objects.bulk_create([OpeningTime(asset=asset, weekday=1, opens="10:00", closes="12:00") for asset in assets])


def test_anyone_can_read_the_api_without_signing_in_and_any_site_may_call_it(client, commissioner):
    make_asset(added_by=commissioner)
    for name in ("assets:oruk_api_details", LIST):
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/json")
        assert response["Access-Control-Allow-Origin"] == "*"


def test_pages_follow_the_oruk_page_shape(client, commissioner):
    _grow(commissioner, 5)
    second = client.get(reverse(LIST), {"page": 2, "per_page": 2}).json()
    assert [item["name"] for item in second["contents"]] == ["Group 2", "Group 3"]
    assert (second["total_items"], second["total_pages"], second["page_number"], second["size"]) == (5, 3, 2, 2)
    assert (second["first_page"], second["last_page"], second["empty"]) == (False, False, False)
    last = client.get(reverse(LIST), {"page": 3, "per_page": 2}).json()
    assert [item["name"] for item in last["contents"]] == ["Group 4"] and last["last_page"] is True
    beyond = client.get(reverse(LIST), {"page": 9, "per_page": 2}).json()
    assert beyond["contents"] == [] and beyond["empty"] is True


def test_a_page_is_at_most_two_hundred_services(client, commissioner):
    _grow(commissioner, 3)
    assert client.get(reverse(LIST), {"per_page": 100000}).json()["size"] == 200


@pytest.mark.parametrize("query", [{"page": "0"}, {"page": "two"}, {"per_page": "-5"}, {"page": "1e9x"}])
def test_nonsense_paging_is_a_clear_400_not_a_500(client, query):
    response = client.get(reverse(LIST), query)
    assert response.status_code == 400
    assert "page" in response.json()["error"]


def test_only_published_assets_are_listed_and_fetchable(client, commissioner):
    shown = make_asset(added_by=commissioner, name="Published garden")
    hidden = [
        make_asset(added_by=commissioner, name=f"Hidden {status}", status=status)
        for status in (Asset.Status.SUGGESTED, Asset.Status.CLOSED, Asset.Status.DECLINED)
    ]
    person_skill = make_asset(added_by=commissioner, name="Ann teaches Polish", category=Category.INDIVIDUAL, consent_to_publish=True)
    listed = client.get(reverse(LIST)).json()
    assert [item["name"] for item in listed["contents"]] == ["Published garden"]
    assert client.get(reverse("assets:oruk_service_detail", kwargs={"service_id": oruk.service_id(shown.pk)})).status_code == 200
    for asset in [*hidden, person_skill]:
        response = client.get(reverse("assets:oruk_service_detail", kwargs={"service_id": oruk.service_id(asset.pk)}))
        assert response.status_code == 404
        assert asset.name not in response.content.decode()


def test_an_unknown_service_id_is_not_found(client):
    url = reverse("assets:oruk_service_detail", kwargs={"service_id": "3f7b145d-84af-42d7-8fae-eaca714b02b2"})
    assert client.get(url).status_code == 404


def test_no_private_field_leaves_through_the_api(client, commissioner, person):
    asset = full_asset(added_by=person, responsible_is_private=True, responsible_name="Jean Private-Person")
    text = client.get(reverse(LIST)).content.decode() + client.get(
        reverse("assets:oruk_service_detail", kwargs={"service_id": oruk.service_id(asset.pk)})).content.decode()
    assert "Kendal Men" in text
    # Who suggested it, a private individual's details, internal workflow.
    for private in (person.email, "Jean Private-Person", "01539 000111", "shed@kendal.example", "Dave O", "added_by", "consent"):
        assert private not in text


@pytest.mark.parametrize("grow_to", [10, 100])
def test_the_api_runs_the_same_queries_whatever_the_page_size(client, commissioner, grow_to):
    _grow(commissioner, grow_to // 10)
    # count, the page of assets with their organisations, their opening times
    assert_fixed_queries(
        lambda: client.get(reverse(LIST), {"per_page": 200}), budget=3,
        grow=lambda: _grow(commissioner, grow_to - grow_to // 10, start=1000),
    )
    assert client.get(reverse(LIST), {"per_page": 200}).json()["total_items"] == grow_to


def test_one_service_costs_the_same_however_many_opening_times(client, commissioner):
    asset = full_asset(added_by=commissioner)
    url = reverse("assets:oruk_service_detail", kwargs={"service_id": oruk.service_id(asset.pk)})

    def grow():
        OpeningTime.objects.bulk_create([OpeningTime(asset=asset, weekday=day % 7, opens=f"{8 + day // 7}:00", closes=f"{8 + day // 7}:30") for day in range(30)])

    # the asset with its organisation, its opening times
    assert_fixed_queries(lambda: client.get(url), budget=2, grow=grow)


def test_the_download_reads_in_chunks_not_one_query_per_asset(client, commissioner):
    _grow(commissioner, 10)

    def fetch():
        return b"".join(client.get(reverse("assets:oruk_export")).streaming_content)

    # the audit record, count, the assets with organisations, their opening times
    document = assert_fixed_queries(fetch, budget=4, grow=lambda: _grow(commissioner, 90, start=100))
    assert len(json.loads(document)["contents"]) == 100
