"""The Open Referral UK feed: real output validated against the published schema shipped in
commissioning/assets/schema/, and what it must never contain."""

import json
import uuid
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from django.urls import reverse

from commissioning.assets import oruk
from commissioning.assets.models import Asset, Category, OpeningTime
from coproduction.audit.models import AuditEvent
from tests.commissioning.assets.factories import AssetFactory
from tests.coproduction.accounts.factories import OrganisationFactory

SCHEMA_DIR = Path(oruk.__file__).parent / "schema"


def load_schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text())


def _is_uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and (parts.netloc or parts.path))


def _is_date_time(value) -> bool:
    if not isinstance(value, str):
        return True
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return "T" in value


def _format_checker() -> jsonschema.FormatChecker:
    # uuid and email are checked by jsonschema itself; uri and date-time need extra packages
    # there, so they are checked here, as strictly as the validator needs.
    checker = jsonschema.FormatChecker()
    checker.checks("uri")(_is_uri)
    checker.checks("date-time")(_is_date_time)
    return checker


def validator_for(name: str) -> jsonschema.protocols.Validator:
    schema = load_schema(name)
    # The ORUK OpenAPI document declares JSON Schema 2020-12 as the schemas' dialect; the
    # files carry no $schema of their own.
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    cls.check_schema(schema)
    return cls(schema, format_checker=_format_checker())


def assert_valid(name: str, document: dict) -> None:
    errors = sorted(validator_for(name).iter_errors(document), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in errors)


def make_asset(*, added_by, **fields) -> Asset:
    """A published asset with no place unless given one."""
    defaults = dict(
        name="Riverside Community Garden", category=Category.PHYSICAL,
        description="A shared garden where anyone can grow food.", postcode="", latitude=None, longitude=None,
    )
    return AssetFactory(added_by=added_by, **{**defaults, **fields})


def full_asset(*, added_by, **fields) -> Asset:
    """An asset with every kind of field filled in."""
    details = dict(
        name="Kendal Men's Shed",
        category=Category.ASSOCIATION,
        description="Woodwork, repairs and a cup of tea. Come along, no experience needed.",
        age_groups=["adults", "older_people"],
        needs=["loneliness", "mental_health"],
        communities="Men over 50",
        contact_name="Dave O'Neill",
        phone="01539 000111",
        email="shed@kendal.example",
        website="https://shed.kendal.example/about",
        opening_notes="Closed on bank holidays",
        cost="low_cost",
        cost_details="£2 a session for materials",
        step_free=True, hearing_loop=True, quiet_space=True, bsl=True,
        languages=["English", "Polish"],
        accessibility_notes="Accessible toilet",
        address="Unit 4, Mintsfeet Road\nKendal",
        postcode="LA9 6ND",
        uprn="100110123456",
        latitude=Decimal("54.336100"), longitude=Decimal("-2.738900"),
        online=True,
        tags=["woodwork", "men"],
        responsible_organisation=OrganisationFactory(name="Kendal Community Trust", kind="community"),
        responsible_name="Kendal Shed committee",
        last_checked_on=date(2026, 9, 1),
    )
    asset = make_asset(added_by=added_by, **{**details, **fields})
    OpeningTime.objects.create(asset=asset, weekday=0, opens=time(9), closes=time(13))
    OpeningTime.objects.create(asset=asset, weekday=2, opens=time(9), closes=time(13))
    OpeningTime.objects.create(asset=asset, weekday=5, opens=time(10, 30), closes=time(12))
    return asset


def test_the_shipped_schemas_are_valid_json_schema():
    for name in ("service.json", "service_list.json", "api_details.json"):
        schema = load_schema(name)
        jsonschema.Draft202012Validator.check_schema(schema)


def test_a_fully_described_asset_passes_the_oruk_service_schema(commissioner):
    asset = full_asset(added_by=commissioner)
    document = oruk.service(oruk.exportable_assets().get(pk=asset.pk))
    assert_valid("service.json", document)
    # Everything a directory needs is there, in ORUK's shape.
    assert document["id"] == oruk.service_id(asset.pk)
    assert uuid.UUID(document["id"])
    assert document["status"] == "active"
    assert document["organization"]["name"] == "Kendal Community Trust"
    assert document["minimum_age"] == 18 and "maximum_age" not in document  # older people: no upper limit
    assert document["assured_date"] == "2026-09-01"
    assert document["cost_options"] == [{
        "id": document["cost_options"][0]["id"], "service_id": document["id"], "option": "Low cost",
        "amount_description": "£2 a session for materials",
    }]
    schedules = {(s["byday"], s["opens_at"], s["closes_at"]) for s in document["schedules"]}
    assert schedules == {("MO,WE", "09:00:00", "13:00:00"), ("SA", "10:30:00", "12:00:00")}
    assert all(s["freq"] == "WEEKLY" for s in document["schedules"])
    location = document["service_at_locations"][0]["location"]
    assert location["location_type"] == "physical"
    assert (location["latitude"], location["longitude"]) == (54.3361, -2.7389)
    assert location["external_identifier_type"] == "UPRN"
    address = location["addresses"][0]
    assert (address["address_1"], address["city"], address["postal_code"], address["country"]) == (
        "Unit 4, Mintsfeet Road", "Kendal", "LA9 6ND", "GB")
    assert {a["description"] for a in location["accessibility"]} >= {"Step-free access", "Hearing loop", "British Sign Language (BSL)"}
    terms = {(a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["name"]) for a in document["attributes"]}
    assert ("Asset-based community development asset types", "Associations and groups") in terms
    assert ("Who it is for", "People who feel lonely or isolated") in terms
    assert ("Tags", "woodwork") in terms
    assert document["contacts"][0]["name"] == "Dave O'Neill"
    assert document["contacts"][0]["phones"][0]["number"] == "01539 000111"
    assert [language["name"] for language in document["languages"]] == ["English", "Polish"]


def test_minimal_online_and_no_fixed_place_assets_pass_the_schema(commissioner):
    make_asset(added_by=commissioner, name="Online befriending", online=True, category=Category.INSTITUTION)
    make_asset(added_by=commissioner, name="Story walk", no_fixed_place=True, category=Category.CULTURAL, opening_notes="First Sunday of the month")
    make_asset(added_by=commissioner, name="Postcode only", postcode="LA9 4DL", cost="paid", age_groups=["families"])
    documents = {asset.name: oruk.service(asset) for asset in oruk.exportable_assets()}
    for document in documents.values():
        assert_valid("service.json", document)
    assert documents["Online befriending"]["service_at_locations"][0]["location"]["location_type"] == "virtual"
    assert "service_at_locations" not in documents["Story walk"]  # nowhere to send people
    assert documents["Story walk"]["schedules"][0]["description"] == "First Sunday of the month"
    assert "minimum_age" not in documents["Postcode only"]  # families: every age


def test_identifiers_are_stable_between_calls(commissioner):
    asset = full_asset(added_by=commissioner)
    first = oruk.service(oruk.exportable_assets().get(pk=asset.pk))
    second = oruk.service(oruk.exportable_assets().get(pk=asset.pk))
    assert first == second
    assert oruk.asset_pk_from_service_id(first["id"]) == asset.pk
    assert oruk.asset_pk_from_service_id(str(uuid.uuid4())) is None


def test_the_feed_carries_only_public_assets_and_never_peoples_own_skills(commissioner):
    shown = make_asset(added_by=commissioner, name="Published garden")
    checking = make_asset(added_by=commissioner, name="Garden being checked", status=Asset.Status.NEEDS_CHECKING)
    for status in (Asset.Status.SUGGESTED, Asset.Status.CLOSED, Asset.Status.DECLINED):
        make_asset(added_by=commissioner, name=f"Not public {status}", status=status)
    make_asset(added_by=commissioner, name="Margaret's knitting lessons", category=Category.INDIVIDUAL, consent_to_publish=True)
    assert set(oruk.exportable_assets().values_list("pk", flat=True)) == {shown.pk, checking.pk}


def test_a_private_individuals_contact_details_are_never_in_the_feed(commissioner):
    asset = full_asset(added_by=commissioner, responsible_is_private=True, responsible_organisation=None, responsible_name="Jean Private-Person")
    text = json.dumps(oruk.service(oruk.exportable_assets().get(pk=asset.pk)))
    for private in ("Jean Private-Person", "Dave O", "01539 000111", "shed@kendal.example", "shed.kendal.example"):
        assert private not in text
    assert_valid("service.json", json.loads(text))


def test_a_page_of_the_api_passes_the_oruk_list_schema(client, commissioner):
    full_asset(added_by=commissioner)
    make_asset(added_by=commissioner, name="Library", postcode="LA9 4PY")
    response = client.get(reverse("assets:oruk_service_list"), {"per_page": 1})
    assert response.status_code == 200
    document = response.json()
    assert_valid("service_list.json", document)
    for item in document["contents"]:
        assert_valid("service.json", item)
    assert {key: document[key] for key in ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty")} == {
        "total_items": 2, "total_pages": 2, "page_number": 1, "size": 1, "first_page": True, "last_page": False, "empty": False,
    }


def test_the_api_details_pass_their_schema(client):
    document = client.get(reverse("assets:oruk_api_details")).json()
    assert_valid("api_details.json", document)
    assert document["version"] == "3.0"


def test_the_download_is_one_valid_oruk_page_of_every_published_asset_and_is_audited(client, commissioner):
    full_asset(added_by=commissioner)
    make_asset(added_by=commissioner, name="Library")
    make_asset(added_by=commissioner, name="Not yet", status=Asset.Status.SUGGESTED)
    response = client.get(reverse("assets:oruk_export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    document = json.loads(b"".join(response.streaming_content))
    assert_valid("service_list.json", document)
    for item in document["contents"]:
        assert_valid("service.json", item)
    assert sorted(item["name"] for item in document["contents"]) == ["Kendal Men's Shed", "Library"]
    assert document["total_items"] == 2 and document["total_pages"] == 1 and document["last_page"] is True
    assert AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT, detail="Open Referral UK export").count() == 1


def test_an_empty_download_is_still_valid(client):
    document = json.loads(b"".join(client.get(reverse("assets:oruk_export")).streaming_content))
    assert document["empty"] is True and document["contents"] == []
    assert_valid("service_list.json", document)


@pytest.mark.parametrize("bad", [
    {"id": "not-a-uuid", "name": "x", "status": "active"},
    {"id": str(uuid.uuid4()), "name": "x", "status": "open"},
    {"id": str(uuid.uuid4()), "name": "x", "status": "active", "url": "not a uri"},
    {"id": str(uuid.uuid4()), "name": "x", "status": "active", "service_at_locations": [{"id": str(uuid.uuid4()), "location": {"id": str(uuid.uuid4()), "latitude": None, "location_type": "physical"}}]},
])
def test_the_schema_check_would_catch_a_broken_feed(bad):
    # So a passing test means something: the validator rejects what the ORUK validator would.
    assert list(validator_for("service.json").iter_errors(bad))
