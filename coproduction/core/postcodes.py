"""UK postcodes as people type them and as we keep them: one normaliser for every app.

"la9 4dl" and "LA94DL" are both kept as "LA9 4DL". The outward code ("LA9") is the postcode
district; the district with the first digit of the inward code ("LA9 4") is the sector."""

import re

# The Royal Mail's formats (as in the Government Data Standards Catalogue): outward code, an
# optional space, then a digit and two letters.
_POSTCODE = re.compile(
    r"^(GIR0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])[0-9][ABD-HJLNP-UW-Z]{2})$"
)


def postcode_key(text: str) -> str:
    return re.sub(r"\s+", "", text or "").upper()


def normalise_postcode(text: str) -> str | None:
    """ "la9 4dl" -> "LA9 4DL"; None when it is not a UK postcode."""
    key = postcode_key(text)
    if not _POSTCODE.match(key):
        return None
    return f"{key[:-3]} {key[-3:]}"


def postcode_district(postcode: str) -> str:
    """ "LA9 4DL" -> "LA9" (the postcode must be normalised)."""
    return postcode.split(" ")[0]


def postcode_sector(postcode: str) -> str:
    """ "LA9 4DL" -> "LA9 4" (the postcode must be normalised)."""
    return postcode[:-2]
