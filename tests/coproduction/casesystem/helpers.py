"""Extracts and mappings for the case system import tests."""

import csv
import io

from coproduction.accounts.models import Role
from coproduction.casesystem.models import SourceMapping
from tests.coproduction.accounts.factories import UserFactory
from tests.coproduction.casesystem.factories import SourceMappingFactory

HEADINGS = ["PERSON_ID", "FORENAME", "SURNAME", "KNOWN_AS", "DOB", "NHS_NUMBER", "TEAM_CODE", "TEAM_NAME", "ALLOCATED_WORKER_EMAIL", "COMM_NEEDS", "INTERPRETER_LANG", "GENDER"]


def nhs_number(seed: int) -> str:
    """A valid NHS number (right check digit) for each seed."""
    n = 100_000_000 + seed * 7
    while True:
        digits = str(n)
        total = sum(int(d) * w for d, w in zip(digits, range(10, 1, -1), strict=True))
        check = (11 - total % 11) % 11
        if check != 10:
            return digits + str(check)
        n += 1


def person_row(case_id: str, given: str = "Joan", family: str = "Pemberton", **overrides) -> dict:
    row = {
        "PERSON_ID": case_id, "FORENAME": given, "SURNAME": family, "KNOWN_AS": "", "DOB": "17/05/1948",
        "NHS_NUMBER": "943 476 5919", "TEAM_CODE": "T-NA", "TEAM_NAME": "North Adults", "ALLOCATED_WORKER_EMAIL": "",
        "COMM_NEEDS": "", "INTERPRETER_LANG": "", "GENDER": "F",
    }
    row.update(overrides)
    return row


def extract(rows: list[dict], headings=None) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=headings or HEADINGS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def las_mapping(**overrides) -> SourceMapping:
    return SourceMappingFactory(**{"name": "LAS extract", **overrides})


def administrator():
    return UserFactory(roles=[Role.ADMINISTRATOR.value])
