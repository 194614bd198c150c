"""Postcodes and distances. Everything runs on core Postgres: distances are the haversine
formula built from Django's maths functions, after a box of latitude and longitude (which can
use an index) has narrowed the rows. No postcode lookup service is called: postcodes and place
names come from the Place table, loaded from an ONS Postcode Directory style file."""

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db.models import F, FloatField, Q, Value
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt

# The assets app imports these from here; they live in the platform, shared with budgeting.
from coproduction.core.postcodes import normalise_postcode, postcode_key  # noqa: F401

EARTH_RADIUS_KM = 6371.0
KM_PER_DEGREE_LATITUDE = 111.2
MILES_TO_KM = 1.609344


def looks_like_postcode(text: str) -> bool:
    """True for something a person typed as a postcode, even a wrong one (digits, short)."""
    key = postcode_key(text)
    return 5 <= len(key) <= 8 and any(c.isdigit() for c in key) and key.isalnum()


def place_key(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").strip().lower())


def valid_coordinates(latitude, longitude) -> bool:
    try:
        lat, lon = Decimal(str(latitude)), Decimal(str(longitude))
    except (InvalidOperation, ValueError):
        return False
    return lat.is_finite() and lon.is_finite() and -90 <= lat <= 90 and -180 <= lon <= 180


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float
    label: str


def distance_km(point: Point, latitude: str = "latitude", longitude: str = "longitude"):
    """An expression for the great-circle distance in kilometres from `point` to each row."""
    lat = Radians(Cast(F(latitude), FloatField()))
    lon = Radians(Cast(F(longitude), FloatField()))
    lat0 = math.radians(point.latitude)
    lon0 = math.radians(point.longitude)
    half_chord = Power(Sin((lat - Value(lat0)) / 2), 2) + Value(math.cos(lat0)) * Cos(lat) * Power(Sin((lon - Value(lon0)) / 2), 2)
    return Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(half_chord))


def box(point: Point, km: float) -> Q:
    """Rows inside a box around the point at least `km` wide each way: cheap, indexable, and
    never leaves out a row within `km` (the exact distance is checked afterwards)."""
    dlat = km / KM_PER_DEGREE_LATITUDE
    cos_lat = max(math.cos(math.radians(point.latitude)), 0.01)
    dlon = min(km / (KM_PER_DEGREE_LATITUDE * cos_lat), 180)
    return Q(
        latitude__gte=point.latitude - dlat, latitude__lte=point.latitude + dlat,
        longitude__gte=point.longitude - dlon, longitude__lte=point.longitude + dlon,
    )


def distance_words(km: float) -> str:
    """A distance as people in the UK give it: miles first (as the search filters are), with
    kilometres in brackets, e.g. "0.8 miles (1.3 km)"."""
    miles = km / MILES_TO_KM
    unit = "mile" if round(miles, 1) == 1 else "miles"
    return f"{miles:.1f} {unit} ({km:.1f} km)"
