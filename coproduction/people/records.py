"""Which records hang off a person's record, as each app registers them (from its own
personal_data.py), so the audit trail and the access review can find every read and change
about a person without the platform naming a feature."""

from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class PersonRecord:
    model: type[models.Model]
    # The lookup from the model to the Person it is about.
    person_path: str
    # Shown in the access review ("who read or changed this person's record").
    in_access_review: bool


_records: dict[str, PersonRecord] = {}


def register_person_record(model: type[models.Model], person_path: str, *, in_access_review: bool = False) -> None:
    _records[model._meta.label] = PersonRecord(model, person_path, in_access_review)


def person_records(*, access_review_only: bool = False) -> list[PersonRecord]:
    return [record for record in _records.values() if record.in_access_review or not access_review_only]
