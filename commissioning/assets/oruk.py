"""Published assets as Open Referral UK (the UK profile of the Human Services Data
Specification, HSDS 3.0): each asset is a service, with its organisation, location and
address, accessibility, contacts, weekly schedules, cost options, languages and taxonomy terms
(the asset type, who it is for, tags). The published JSON schema it must meet is in schema/.

Only public assets go out, and only their public fields. A person's own skills, gifts and time
(the "individual" asset type) are personal data: listed on the council's map with their
agreement, never sent to other organisations' directories. For an asset run by a private
individual, no contact details and no name of the person are sent.

Identifiers must be UUIDs and stable between calls, and nothing here has a UUID column, so
each is made from the record's key: an asset's service id carries its primary key (so the
single-service endpoint can find it), the nested objects' ids are derived from the service id."""

import json
import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime, time
from datetime import timezone as dt_timezone
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from .models import AgeGroup, Asset, Category, Cost, Need, OpeningTime

ORUK_VERSION = "3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
OPENAPI_URL = "https://raw.githubusercontent.com/tpximpact/OpenReferralApi/refs/heads/main/OpenReferralApi/Schemas/V3.0-UK/open_api.json"

# The first 20 hex digits of every service id; the last 12 are the asset's primary key.
_SERVICE_PREFIX = "5a7e0c1d-6a55-4e75-8000-"
_NAMESPACE = uuid.UUID("5a7e0c1d-6a55-4e75-8000-000000000000")

DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]  # RFC 5545 BYDAY, Monday first as Weekday

# Ages the age groups cover; None = no upper limit. Families and "everyone" set no limits.
AGE_RANGES = {
    AgeGroup.CHILDREN: (0, 12),
    AgeGroup.YOUNG_PEOPLE: (13, 25),
    AgeGroup.ADULTS: (18, 64),
    AgeGroup.OLDER_PEOPLE: (65, None),
}

ACCESSIBILITY = [
    ("step_free", "Step-free access"),
    ("hearing_loop", "Hearing loop"),
    ("quiet_space", "Quiet space"),
    ("bsl", "British Sign Language (BSL)"),
]

TAXONOMIES = {
    "category": "Asset-based community development asset types",
    "need": "Who it is for",
    "tag": "Tags",
}


def service_id(asset_pk: int) -> str:
    return f"{_SERVICE_PREFIX}{asset_pk:012x}"


def asset_pk_from_service_id(value: uuid.UUID | str) -> int | None:
    """The asset's primary key from its service id; None for any other UUID."""
    text = str(value).lower()
    if not text.startswith(_SERVICE_PREFIX):
        return None
    return int(text[len(_SERVICE_PREFIX):], 16)


def _uuid(*parts) -> str:
    return str(uuid.uuid5(_NAMESPACE, ":".join(str(part) for part in parts)))


def exportable_assets() -> QuerySet[Asset]:
    """The assets the open data feed may carry, with what it shows, in a fixed number of queries."""
    return (
        Asset.objects.filter(status__in=Asset.PUBLIC_STATUSES)
        .exclude(category=Category.INDIVIDUAL)
        .select_related("responsible_organisation")
        .prefetch_related(Prefetch("opening_times", queryset=OpeningTime.objects.order_by("weekday", "opens")))
        .order_by("name", "pk")
    )


def _drop_empty(data: dict) -> dict:
    # The schema types each field (a string, a number): an absent field is fine, a null is not.
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _time(value: time) -> str:
    return value.strftime("%H:%M:%S")


def _iso(moment: datetime) -> str:
    return moment.astimezone(dt_timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _ages(asset: Asset) -> tuple[int | None, int | None]:
    groups = [AGE_RANGES[group] for group in asset.age_groups if group in AGE_RANGES]
    if not groups or AgeGroup.FAMILIES in asset.age_groups:
        return None, None
    lowest = min(low for low, _ in groups)
    highest = None if any(high is None for _, high in groups) else max(high for _, high in groups)
    return lowest, highest


def _term(kind: str, code: str, name: str) -> dict:
    return {
        "id": _uuid("term", kind, code),
        "name": name,
        "description": name,
        "taxonomy": TAXONOMIES[kind],
        "taxonomy_id": _uuid("taxonomy", kind),
        "term": code,
    }


def _attributes(asset: Asset, sid: str) -> list[dict]:
    terms = [_term("category", asset.category, asset.get_category_display())]
    terms += [_term("need", need, Need(need).label) for need in asset.needs if need in Need.values]
    terms += [_term("tag", tag.lower(), tag) for tag in asset.tags if tag.strip()]
    return [
        {"id": _uuid(sid, "attribute", term["id"]), "link_id": sid, "link_type": "service",
         "taxonomy_term_id": term["id"], "taxonomy_term": term}
        for term in terms
    ]


def _schedules(asset: Asset, sid: str) -> list[dict]:
    """One weekly schedule per opening hours, listing every day with those hours."""
    days_by_hours: dict[tuple[time, time], list[int]] = {}
    for opening in asset.opening_times.all():
        days_by_hours.setdefault((opening.opens, opening.closes), []).append(opening.weekday)
    schedules = [
        _drop_empty({
            "id": _uuid(sid, "schedule", opens, closes),
            "service_id": sid,
            "freq": "WEEKLY",
            "interval": 1,
            "byday": ",".join(DAY_CODES[day] for day in sorted(set(days))),
            "opens_at": _time(opens),
            "closes_at": _time(closes),
            "notes": asset.opening_notes,
        })
        for (opens, closes), days in sorted(days_by_hours.items(), key=lambda item: (min(item[1]), item[0]))
    ]
    if not schedules and asset.opening_notes:
        schedules = [{"id": _uuid(sid, "schedule", "notes"), "service_id": sid, "description": asset.opening_notes}]
    return schedules


def _address(asset: Asset, location_id: str) -> dict | None:
    lines = [line.strip(" ,") for line in asset.address.replace("\r", "").split("\n") if line.strip(" ,")]
    if len(lines) == 1 and "," in lines[0]:
        lines = [part.strip() for part in lines[0].split(",") if part.strip()]
    lines = [line for line in lines if line.replace(" ", "").upper() != asset.postcode.replace(" ", "").upper()]
    if not lines and not asset.postcode:
        return None
    return {
        "id": _uuid(location_id, "address"),
        "location_id": location_id,
        "address_1": lines[0] if lines else "",
        # The town is the last line when the address has more than one; UK addresses have no state.
        "city": lines[-1] if len(lines) > 1 else "",
        "state_province": "",
        "postal_code": asset.postcode,
        "country": "GB",
        "address_type": "physical",
    }


def _accessibility(asset: Asset, location_id: str) -> list[dict]:
    found = [label for field, label in ACCESSIBILITY if getattr(asset, field)]
    if asset.accessibility_notes:
        found.append(asset.accessibility_notes)
    return [
        {"id": _uuid(location_id, "accessibility", text), "location_id": location_id, "description": text}
        for text in found
    ]


def _location(asset: Asset, sid: str) -> dict | None:
    has_address = bool(asset.address.strip() or asset.postcode)
    if asset.has_place or has_address:
        location_id = _uuid(sid, "location")
        address = _address(asset, location_id)
        return _drop_empty({
            "id": location_id,
            "location_type": "physical",
            "name": asset.name,
            "latitude": float(asset.latitude) if asset.latitude is not None else None,
            "longitude": float(asset.longitude) if asset.longitude is not None else None,
            "external_identifier": asset.uprn,
            "external_identifier_type": "UPRN" if asset.uprn else None,
            "addresses": [address] if address else [],
            "accessibility": _accessibility(asset, location_id),
        })
    if asset.online:
        location_id = _uuid(sid, "location")
        return _drop_empty({
            "id": location_id, "location_type": "virtual", "name": f"{asset.name} (online or by phone)",
            "accessibility": _accessibility(asset, location_id),
        })
    return None


def _organisation(asset: Asset) -> dict | None:
    organisation = asset.responsible_organisation
    if organisation is not None:
        return {
            "id": _uuid("organisation", organisation.pk),
            "name": organisation.name,
            "description": organisation.get_kind_display(),
        }
    if asset.responsible_name and not asset.responsible_is_private:
        return {
            "id": _uuid("organisation-name", " ".join(asset.responsible_name.lower().split())),
            "name": asset.responsible_name,
            "description": f"Runs {asset.name}",
        }
    return None


def _contacts(asset: Asset, sid: str) -> list[dict]:
    if asset.responsible_is_private or not (asset.contact_name or asset.phone or asset.email):
        return []
    # The UK profile's contact keeps a name; email and phones are the HSDS 3.0 contact's own fields.
    contact_id = _uuid(sid, "contact")
    return [_drop_empty({
        "id": contact_id,
        "service_id": sid,
        "name": asset.contact_name,
        "email": asset.email,
        "phones": [{"id": _uuid(contact_id, "phone"), "contact_id": contact_id, "number": asset.phone}] if asset.phone else [],
    })]


def _cost_options(asset: Asset, sid: str) -> list[dict]:
    option = {"id": _uuid(sid, "cost"), "service_id": sid, "option": Cost(asset.cost).label}
    if asset.cost == Cost.FREE:
        option["amount"] = 0
    if asset.cost_details:
        option["amount_description"] = asset.cost_details
    return [option]


def _eligibility(asset: Asset) -> str:
    parts = [AgeGroup(group).label for group in asset.age_groups if group in AgeGroup.values]
    parts += [Need(need).label for need in asset.needs if need in Need.values]
    if asset.communities:
        parts.append(asset.communities)
    return "For: " + "; ".join(parts) if parts else ""


def service(asset: Asset) -> dict:
    """One asset as a fully nested ORUK service. Reads only what exportable_assets() loaded."""
    sid = service_id(asset.pk)
    private = asset.responsible_is_private
    organisation = _organisation(asset)
    location = _location(asset, sid)
    minimum_age, maximum_age = _ages(asset)
    return _drop_empty({
        "id": sid,
        "organization_id": organisation["id"] if organisation else None,
        "name": asset.name,
        "description": asset.description,
        "url": None if private else asset.website,
        "email": None if private else asset.email,
        # A published asset whose details are being checked is still running.
        "status": "active",
        "minimum_age": minimum_age,
        "maximum_age": maximum_age,
        "eligibility_description": _eligibility(asset),
        "assured_date": asset.last_checked_on.isoformat() if asset.last_checked_on else None,
        "last_modified": _iso(asset.updated_at),
        "schedules": _schedules(asset, sid),
        "service_at_locations": [
            {"id": _uuid(sid, "service_at_location"), "service_id": sid, "location_id": location["id"], "location": location}
        ] if location else [],
        # The UK profile keeps only the language's id; its name is the HSDS 3.0 field.
        "languages": [{"id": _uuid(sid, "language", name.lower()), "service_id": sid, "name": name}
                      for name in asset.languages if name.strip()],
        "organization": organisation,
        "cost_options": _cost_options(asset, sid),
        "contacts": _contacts(asset, sid),
        "attributes": _attributes(asset, sid),
    })


def page(*, assets: Iterable[Asset], total_items: int, page_number: int, size: int) -> dict:
    """ORUK's paginated response: the page's services and where it sits among the pages."""
    contents = [service(asset) for asset in assets]
    total_pages = max(1, -(-total_items // size)) if size else 1
    return {
        "total_items": total_items,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": size,
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def api_details() -> dict:
    return {"version": ORUK_VERSION, "profile": PROFILE_URL, "openapi_url": OPENAPI_URL}


def export_chunks(*, chunk_size: int = 500) -> Iterator[str]:
    """The whole feed as one ORUK page, written piece by piece so memory stays flat."""
    assets = exportable_assets()
    total = assets.count()
    head = {key: value for key, value in page(assets=[], total_items=total, page_number=1, size=total).items() if key != "contents"}
    head.update(first_page=True, last_page=True, total_pages=1, empty=total == 0)
    yield json.dumps(head)[:-1] + ', "contents": ['
    for index, asset in enumerate(assets.iterator(chunk_size=chunk_size)):
        yield ("," if index else "") + json.dumps(service(asset), default=_json_default)
    yield "]}"


def _json_default(value):
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(type(value))
