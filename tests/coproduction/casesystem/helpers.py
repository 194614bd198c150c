"""Extracts and mappings for the case system import tests."""

import csv
import io

from coproduction.accounts.models import Role
from coproduction.casesystem.demo import LAS_COLUMNS, LAS_NEED_CODES
from coproduction.casesystem.models import SourceMapping
from tests.coproduction.accounts.factories import OrganisationFactory, UserFactory

HEADINGS = ["PERSON_ID", "FORENAME", "SURNAME", "KNOWN_AS", "DOB", "NHS_NUMBER", "TEAM_CODE", "TEAM_NAME", "ALLOCATED_WORKER_EMAIL", "COMM_NEEDS", "INTERPRETER_LANG", "GENDER"]
VALID_NHS = ["9434765919", "4010232137", "9990001234"]  # 943 476 5919 is the NHS's own example


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
    fields = {
        "name": "LAS extract", "system": "las", "columns": LAS_COLUMNS, "date_format": "%d/%m/%Y",
        "need_codes": LAS_NEED_CODES, "organisation": OrganisationFactory(name="Test Council"),
    }
    fields.update(overrides)
    return SourceMapping.objects.create(**fields)


def administrator():
    return UserFactory(roles=[Role.ADMINISTRATOR.value])
