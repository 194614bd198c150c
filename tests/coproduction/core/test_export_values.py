"""Every kind of value a model can hold is written correctly in the exports: as JSON in the
subject access ZIP (json.dumps succeeds and the value reads back) and as words in the PDFs and
CSV files. The field classes come from the installed models and the registry, so a model with a
new kind of field fails here until the exports know how to write it."""

import datetime
import json
import uuid
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.dateparse import parse_duration

from coproduction.core.personal_data import _resolve, entries, format_value, json_value

LONDON = ZoneInfo("Europe/London")


def _sample(field: models.Field) -> object:
    """A real value for a field, as the database gives it back."""
    if isinstance(field, ArrayField):
        return [_sample(field.base_field), _sample(field.base_field)]
    if isinstance(field, models.GeneratedField):  # holds a value of its output field's kind
        return _sample(field.output_field)
    if field.is_relation:
        return _sample(field.target_field)
    if field.choices:
        return field.flatchoices[-1][0]
    samples = [
        (models.BooleanField, True),
        ((models.AutoField, models.BigAutoField, models.SmallAutoField), 4321),
        (models.IntegerField, 42),  # and its small, big and positive kinds
        (models.FloatField, 2.5),
        (models.DecimalField, Decimal("1234.50")),
        (models.DateTimeField, datetime.datetime(2026, 3, 29, 1, 30, tzinfo=datetime.UTC)),  # the clocks go forward
        (models.DateField, datetime.date(2026, 12, 7)),
        (models.TimeField, datetime.time(14, 30)),
        (models.DurationField, datetime.timedelta(days=1, hours=2, minutes=3, seconds=4)),
        (models.UUIDField, uuid.UUID("12345678-1234-5678-1234-567812345678")),
        (models.GenericIPAddressField, "192.0.2.1"),
        (models.JSONField, {"sections": {"about_me": {"fields": {"likes": {"text": "Tea", "whose": "person"}}}},
                            "amounts": [1.5, 2], "done": False, "nothing": None}),
        (models.FileField, "reports/2026/12/plan.pdf"),
        (models.BinaryField, b"\x00\x01"),
        ((models.CharField, models.TextField), "Words in a field"),
        (SearchVectorField, "'pool':2B 'swim':1A"),  # a search index's words, as Postgres gives them back
    ]
    for classes, value in samples:
        if isinstance(field, classes):
            return value
    raise AssertionError(f"No sample value for {type(field).__name__}: teach json_value and format_value about it")


def _real_value(model: type[models.Model], field: models.Field) -> object:
    """The value as a model instance holds it (a file field's value becomes a FieldFile)."""
    instance = model()
    setattr(instance, field.attname, _sample(field))
    return getattr(instance, field.attname)


def _fields_in_use() -> dict[type[models.Field], tuple[type[models.Model], models.Field]]:
    """One (model, field) for every concrete field class of every installed model."""
    found: dict[type[models.Field], tuple[type[models.Model], models.Field]] = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            found.setdefault(type(field), (model, field))
            if isinstance(field, ArrayField):
                found.setdefault(type(field.base_field), (model, field))
    return found


def _registered_fields() -> list[tuple[str, type[models.Model], models.Field]]:
    """Every registered heading whose path ends at a model field: (where, model, field)."""
    found = []
    for entry in entries():
        for heading, path in entry.fields:
            model, field = entry.model, None
            for part in path.split("__"):
                try:
                    field = model._meta.get_field(part)
                except FieldDoesNotExist:  # a property or method, such as a list of labels
                    field = None
                    break
                model = field.related_model if field.is_relation and field.related_model else model
            if field is not None and field.concrete and not field.is_relation:
                found.append((f"{entry.model._meta.label} {heading!r}", field.model, field))
    return found


def assert_written_correctly(value: object) -> None:
    written = json.loads(json.dumps(json_value(value)))  # no TypeError, and it reads back
    shown = format_value(value)
    assert isinstance(shown, str) and shown
    if isinstance(value, FieldFile):
        assert written == value.name and shown == value.name
    elif isinstance(value, bool):
        assert written is value and shown in {"Yes", "No"}
    elif isinstance(value, datetime.datetime):
        assert datetime.datetime.fromisoformat(written) == value
        assert datetime.datetime.fromisoformat(written).utcoffset() is not None  # local time, offset kept
    elif isinstance(value, datetime.date):
        assert datetime.date.fromisoformat(written) == value
    elif isinstance(value, datetime.time):
        assert datetime.time.fromisoformat(written) == value and shown == "14:30"
    elif isinstance(value, datetime.timedelta):
        assert parse_duration(written) == value and shown == "1 day, 2 hours, 3 minutes, 4 seconds"
    elif isinstance(value, Decimal):
        assert isinstance(written, (int, float, str)) and Decimal(str(written)) == value
    elif isinstance(value, uuid.UUID):
        assert uuid.UUID(written) == value and shown == str(value)
    elif isinstance(value, dict):
        assert written == value  # JSON in, the same JSON out
        assert "Tea" in shown and "{" not in shown
    elif isinstance(value, (list, tuple)):
        assert len(written) == len(value)
    elif isinstance(value, bytes):
        assert bytes.fromhex(written) == value
    else:
        assert written == value


@pytest.mark.parametrize(
    ("model", "field"), list(_fields_in_use().values()),
    ids=[cls.__name__ for cls in _fields_in_use()],
)
def test_every_field_class_any_model_uses_is_written_correctly(model, field):
    assert_written_correctly(_real_value(model, field))


@pytest.mark.parametrize(("where", "model", "field"), _registered_fields(), ids=[where for where, *_ in _registered_fields()])
def test_every_registered_field_is_written_correctly(where, model, field):
    instance = model()
    setattr(instance, field.attname, _sample(field))
    value = _resolve(instance, field.name)
    if field.choices:
        assert value == field.flatchoices[-1][1]  # the label people saw, not the stored code
        value = str(value)
    elif isinstance(field, ArrayField) and field.base_field.choices:
        assert value == [field.base_field.flatchoices[-1][1]] * 2
    assert_written_correctly(value)


def test_special_values_are_written_exactly():
    assert json_value(Decimal("0.1")) == 0.1
    assert json_value(Decimal("12345678901234567890.12")) == "12345678901234567890.12"  # beyond a float: exact text
    assert json_value(float("nan")) == "nan"
    assert json_value(datetime.timedelta(minutes=-90)) == "-P0DT01H30M00S"
    assert format_value(datetime.timedelta(minutes=-90)) == "minus 1 hour, 30 minutes"
    assert json_value(datetime.datetime(2026, 7, 1, 11, 0, tzinfo=datetime.UTC)) == "2026-07-01T12:00:00+01:00"
    assert format_value(datetime.datetime(2026, 7, 1, 11, 0, tzinfo=datetime.UTC)) == "01 July 2026, 12:00"
    assert json_value({"a": {uuid.UUID(int=1), }}) == {"a": ["00000000-0000-0000-0000-000000000001"]}
    assert format_value({}) == "—" and format_value([]) == "—" and format_value(None) == "—"
