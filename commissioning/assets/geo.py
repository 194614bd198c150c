"""Postcodes and distances. Everything runs on core Postgres: distances are the haversine
formula built from Django's maths functions, after a box of latitude and longitude (which can
use an index) has narrowed the rows. No postcode lookup service is called: postcodes and place
names come from the Place table, loaded from an ONS Postcode Directory style file."""

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db.models import F, FloatField, Func, Q

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


class GreatCircleKm(Func):
    """The haversine formula as one expression node: the same SQL as building it from Django's
    maths functions, made in a fraction of the time (a search makes it twice, for the count and
    for the page)."""

    output_field = FloatField()

    def __init__(self, latitude, longitude, *, point: Point):
        super().__init__(latitude, longitude)
        self.point = point

    def as_sql(self, compiler, connection, **extra):
        (lat, lat_params), (lon, lon_params) = (compiler.compile(expression) for expression in self.source_expressions)
        lat0, lon0 = math.radians(self.point.latitude), math.radians(self.point.longitude)
        sql = (
            f"%s * asin(sqrt(power(sin((radians(({lat})::float8) - %s) / 2), 2)"
            f" + %s * cos(radians(({lat})::float8)) * power(sin((radians(({lon})::float8) - %s) / 2), 2)))"
        )
        params = (2 * EARTH_RADIUS_KM, *lat_params, lat0, math.cos(lat0), *lat_params, *lon_params, lon0)
        return sql, params


def distance_km(point: Point, latitude: str = "latitude", longitude: str = "longitude"):
    """An expression for the great-circle distance in kilometres from `point` to each row."""
    return GreatCircleKm(F(latitude), F(longitude), point=point)


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
