"""The personal-data registry: which models hold data about a user, and how to export it.

Every app declares its models in its own `personal_data.py` with `register()` (or
`exempt()` with a reason). The "my data" export and subject-access requests read this
registry, and tests/coproduction/core/test_personal_data.py fails when a model that points at a user
is in neither list, so a new model cannot be forgotten.

An entry reaches its subject by `user_paths` (to an account) and `person_paths` (to a
people.Person, who may have no account); `subject_filter` covers what no lookup can
express, such as the audit trail's generic target. A subject access request uses all three.
"""

import functools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.duration import duration_iso_string


@dataclass(frozen=True)
class PersonalDataEntry:
    model: type[models.Model]
    title: str
    # Lookups from the model to the user it is about; "pk" for the user model itself.
    user_paths: tuple[str, ...]
    # (heading, lookup path) pairs shown in the export; a path may cross relations with "__".
    fields: tuple[tuple[str, str], ...]
    order_by: tuple[str, ...] = ("pk",)
    # The newest N rows only, for activity logs that grow without bound (None: all).
    limit: int | None = None
    explanation: str = ""
    # Lookups from the model to the people.Person it is about; "pk" for Person itself.
    person_paths: tuple[str, ...] = ()
    # Extra rows about a subject that no lookup reaches: (subject) -> Q, or None for none.
    subject_filter: Callable[["Subject"], Q | None] | None = None

    @property
    def app_label(self) -> str:
        return self.model._meta.app_label


@dataclass(frozen=True)
class Subject:
    """Whom a subject access request is about: a person's record, an account, or both."""

    person: models.Model | None = None
    user: models.Model | None = None

    @classmethod
    def of(cls, obj: models.Model) -> "Subject":
        """The subject for a Person or a User, with the record linked to it if there is one."""
        from coproduction.people.models import Person  # the registry is imported before the apps

        if isinstance(obj, Person):
            return cls(person=obj, user=obj.user)
        return cls(person=Person.objects.filter(user=obj).first(), user=obj)

    @property
    def full_name(self) -> str:
        return self.person.full_name if self.person is not None else self.user.full_name


# How the PDF's table columns are sized (see ExportSection.column_widths): the A4 page's width
# inside its margins in points, how many rows are read, and the longest word or typical text
# that still widens a column.
PAGE_WIDTH_POINTS = 504
COLUMN_SAMPLE_ROWS = 200
COLUMN_WORD_LIMIT = 24
COLUMN_TEXT_LIMIT = 60


@dataclass
class ExportSection:
    title: str
    explanation: str
    headings: list[str]
    rows: list[list[str]] = field(default_factory=list)
    truncated_at: int | None = None
    app_label: str = ""
    model_label: str = ""
    # The same rows as plain JSON values (ISO dates, numbers, lists), for machine-readable copies.
    records: list[dict] = field(default_factory=list)
    # The CSV file's name in the ZIP, when the model's name alone would not be unique.
    file_name: str = ""

    @property
    def record(self) -> list[tuple[str, str]]:
        """The first row as (heading, value) pairs, for sections about a single record."""
        return list(zip(self.headings, self.rows[0])) if self.rows else []

    @functools.cached_property
    def _shared_columns(self) -> list[int]:
        """The columns holding the same value on every row (in the PDF only; the CSV and JSON
        keep every column). Empty when there is one row, or when every column is the same,
        so the table always keeps at least one column."""
        if len(self.rows) < 2:
            return []
        first = self.rows[0]
        shared = [index for index in range(len(self.headings)) if all(row[index] == first[index] for row in self.rows)]
        return shared if len(shared) < len(self.headings) else []

    @property
    def shared(self) -> list[tuple[str, str]]:
        """(heading, value) for each column that is the same on every row, which the PDF states
        once above its table instead of in every row: a person's own audit trail is all "About"
        them. Each cell costs the PDF several milliseconds, so this is also the cheapest cell."""
        return [(self.headings[index], self.rows[0][index]) for index in self._shared_columns]

    @functools.cached_property
    def _table_columns(self) -> list[int]:
        shared = set(self._shared_columns)
        return [index for index in range(len(self.headings)) if index not in shared]

    @property
    def table_headings(self) -> list[str]:
        """The PDF table's headings: those of the columns that differ from row to row."""
        return [self.headings[index] for index in self._table_columns]

    @property
    def table_rows(self) -> list[list[str]]:
        """The PDF table's rows, without the columns stated once above it."""
        columns = self._table_columns
        if len(columns) == len(self.headings):
            return self.rows
        return [[row[index] for index in columns] for row in self.rows]

    @functools.cached_property
    def _column_sizes(self) -> tuple[list[float], list[float]]:
        """Each table column's least width in points (its heading's longest word, or its values'
        longest word up to a limit) and the width its typical text would like."""
        sample = self.rows[:COLUMN_SAMPLE_ROWS]
        least, wanted = [], []
        for index in self._table_columns:
            heading = self.headings[index]
            values = [row[index] for row in sample]
            heading_word = max((len(word) for word in heading.split()), default=1)
            value_word = max((len(word) for value in values for word in value.split()), default=1)
            # At 10pt a bold character is up to about 7.2pt wide and a plain one 6.6pt; 8pt of padding.
            least.append(max(heading_word * 7.2, min(value_word, COLUMN_WORD_LIMIT) * 6.6) + 8)
            typical = sum(len(value) for value in values) / len(values) if values else len(heading)
            wanted.append(max(least[-1], min(typical, COLUMN_TEXT_LIMIT) * 6 + 8))
        return least, wanted

    @property
    def fits_as_table(self) -> bool:
        """Whether every column fits across the page without breaking a word. A section with
        more columns than that (a review's dozen) prints each entry as its own short table,
        heading beside value, instead of squeezing words into broken pieces."""
        return sum(self._column_sizes[0]) <= PAGE_WIDTH_POINTS

    @property
    def table_records(self) -> list[list[tuple[str, str]]]:
        """Each row of the PDF's table as (heading, value) pairs, for a section printed entry by entry."""
        headings = self.table_headings
        return [list(zip(headings, row)) for row in self.table_rows]

    @property
    def column_widths(self) -> list[float]:
        """Percentages of the page for each column of the PDF's table, from what the column holds:
        never narrower than its heading's longest word, so headings do not break mid-word, and
        wider for longer text. Worked out here so the table can use a fixed layout, which
        WeasyPrint lays out far faster than sizing columns from every cell."""
        least, wanted = self._column_sizes
        spare = max(PAGE_WIDTH_POINTS - sum(least), 0)
        growth = sum(want - low for want, low in zip(wanted, least)) or 1
        widths = [low + spare * (want - low) / growth for want, low in zip(wanted, least)]
        total = sum(widths)
        return [round(100 * width / total, 2) for width in widths]


@dataclass(frozen=True)
class ContentsEntry:
    """What a registered record holds inside itself (a plan's sections in its JSON): several
    rows per record, made from the rows its own entry already fetched, so no extra query."""

    model: type[models.Model]
    name: str
    title: str
    headings: tuple[str, ...]
    # (record) -> its rows, each with one value per heading.
    rows: Callable[[models.Model], Iterable[Sequence[object]]]
    explanation: str = ""


_entries: dict[type[models.Model], PersonalDataEntry] = {}
_exempt: dict[type[models.Model], str] = {}
_contents: dict[type[models.Model], list[ContentsEntry]] = {}


def register(
    model: type[models.Model],
    *,
    title: str,
    user_paths: Sequence[str],
    fields: Sequence[tuple[str, str]],
    order_by: Sequence[str] = ("pk",),
    limit: int | None = None,
    explanation: str = "",
    person_paths: Sequence[str] = (),
    subject_filter: Callable[[Subject], Q | None] | None = None,
) -> None:
    _entries[model] = PersonalDataEntry(
        model, title, tuple(user_paths), tuple(fields), tuple(order_by), limit, explanation,
        tuple(person_paths), subject_filter,
    )


def register_contents(
    model: type[models.Model],
    *,
    name: str,
    title: str,
    headings: Sequence[str],
    rows: Callable[[models.Model], Iterable[Sequence[object]]],
    explanation: str = "",
) -> None:
    """Export what a registered model's records hold inside them as a section of its own,
    placed after the records' own section; `name` names its CSV file."""
    _contents.setdefault(model, []).append(ContentsEntry(model, name, title, tuple(headings), rows, explanation))


def contents_entries(model: type[models.Model]) -> list[ContentsEntry]:
    return list(_contents.get(model, ()))


def exempt(model: type[models.Model], *, reason: str) -> None:
    """A model that names a user or person only as the one who did the work (a staff member who
    recorded it), not a record about them. A subject access request still lists every row
    that names its subject (see `collect_naming`), so an exemption never hides a record."""
    _exempt[model] = reason


def entries() -> list[PersonalDataEntry]:
    return list(_entries.values())


def exemptions() -> dict[type[models.Model], str]:
    return dict(_exempt)


def _choice_labels(obj: models.Model, name: str, value: object) -> object:
    """An array of choices (roles, topics switched off) as the labels people read."""
    try:
        model_field = obj._meta.get_field(name)
    except FieldDoesNotExist:  # a property or method, not a field
        return value
    choices = getattr(getattr(model_field, "base_field", None), "flatchoices", None)
    if choices and isinstance(value, (list, tuple)):
        labels = dict(choices)
        return [labels.get(item, item) for item in value]
    return value


def _resolve(obj: models.Model, path: str) -> object:
    value: object = obj
    for part in path.split("__"):
        if value is None:
            return None
        display = getattr(value, f"get_{part}_display", None)
        if callable(display):  # a single choice, as its label
            value = display()
            continue
        holder, value = value, getattr(value, part)
        if callable(value):  # a method such as communication_need_labels
            value = value()
        elif isinstance(holder, models.Model):
            value = _choice_labels(holder, part, value)
    return value


def _duration_words(value: timedelta) -> str:
    seconds = int(value.total_seconds())
    sign, seconds = ("minus ", -seconds) if seconds < 0 else ("", seconds)
    parts = []
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count} {unit}{'s' if count != 1 else ''}")
    return sign + (", ".join(parts) or "0 seconds")


def format_value(value: object) -> str:
    """A value as people read it in the PDF and the CSV files."""
    if isinstance(value, FieldFile):
        value = value.name
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).strftime("%d %B %Y, %H:%M")
    if isinstance(value, date):
        return value.strftime("%d %B %Y")
    if isinstance(value, time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if isinstance(value, timedelta):
        return _duration_words(value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {format_value(item)}" for key, item in value.items()) or "—"
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(format_value(item) for item in value) or "—"
    return str(value)


def _select_related(entry: PersonalDataEntry) -> list[str]:
    related = set()
    for _, path in entry.fields:
        parts = path.split("__")
        model = entry.model
        chain = []
        for part in parts[:-1]:
            field_obj = model._meta.get_field(part)
            if not (field_obj.many_to_one or field_obj.one_to_one):
                break
            chain.append(part)
            model = field_obj.related_model
        if chain:
            related.add("__".join(chain))
    return sorted(related)


def queryset_for(entry: PersonalDataEntry, user) -> models.QuerySet:
    condition = Q()
    for path in entry.user_paths:
        condition |= Q(**{path: user.pk})
    return entry.model._default_manager.filter(condition).select_related(*_select_related(entry)).order_by(
        *entry.order_by
    )


def _records(headings: Sequence[str], ids: Sequence[object], values: Sequence[Sequence[object]]) -> list[dict]:
    keys = ["id", *headings]
    return [dict(zip(keys, [json_value(pk), *map(json_value, row)])) for pk, row in zip(ids, values)]


def _section(entry: PersonalDataEntry, rows: list, truncated: int | None, *, records: bool = False) -> ExportSection:
    values = [[_resolve(row, path) for _, path in entry.fields] for row in rows]
    headings = [heading for heading, _ in entry.fields]
    return ExportSection(
        title=entry.title,
        explanation=entry.explanation,
        headings=headings,
        rows=[[format_value(value) for value in row] for row in values],
        truncated_at=truncated,
        app_label=entry.app_label,
        model_label=entry.model._meta.label,
        records=_records(headings, [row.pk for row in rows], values) if records else [],
    )


def _contents_sections(entry: PersonalDataEntry, rows: list, *, records: bool = False) -> list[ExportSection]:
    """The sections registered for what these records hold; "id" in each record is its record's id."""
    sections = []
    for contents in contents_entries(entry.model):
        ids, values = [], []
        for row in rows:
            for content_row in contents.rows(row):
                ids.append(row.pk)
                values.append(list(content_row))
        sections.append(ExportSection(
            title=contents.title,
            explanation=contents.explanation,
            headings=list(contents.headings),
            rows=[[format_value(value) for value in row] for row in values],
            app_label=entry.app_label,
            model_label=f"{entry.model._meta.label}.{contents.name}",  # one label per section
            records=_records(contents.headings, ids, values) if records else [],
            file_name=contents.name,
        ))
    return sections


def collect_for_user(user, *, progress: Callable[[int, int], None] | None = None) -> list[ExportSection]:
    """Everything the registry knows about one user: one query per registered model."""
    sections = []
    registered = entries()
    for index, entry in enumerate(registered, start=1):
        rows = queryset_for(entry, user)
        if entry.limit is not None:
            rows = rows[: entry.limit + 1]
        rows = list(rows)
        truncated = None
        if entry.limit is not None and len(rows) > entry.limit:
            rows, truncated = rows[: entry.limit], entry.limit
        sections.append(_section(entry, rows, truncated))
        sections += _contents_sections(entry, rows)
        if progress:
            progress(index, len(registered))
    return sections


# ---- Subject access requests --------------------------------------------------------------

def json_value(value: object) -> object:
    """A value as JSON: dates, times and durations in ISO 8601, numbers as numbers (a decimal
    a float cannot hold exactly as its exact text), lists and objects kept, a file as its name,
    anything else as text."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Decimal):
        if value.is_finite() and Decimal(repr(float(value))) == value:
            return float(value)
        return str(value)
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return duration_iso_string(value)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, dict):
        return {str(key): json_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_value(item) for item in value]
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).hex()
    return str(value)  # UUIDs, IP addresses, lazy text


def subject_condition(entry: PersonalDataEntry, subject: Subject) -> Q | None:
    """Rows about this subject by any route (account, person's record, custom); None for none."""
    conditions = []
    if subject.user is not None:
        conditions += [Q(**{path: subject.user.pk}) for path in entry.user_paths]
    if subject.person is not None:
        conditions += [Q(**{path: subject.person.pk}) for path in entry.person_paths]
    if entry.subject_filter is not None:
        extra = entry.subject_filter(subject)
        if extra is not None:
            conditions.append(extra)
    if not conditions:
        return None
    condition = conditions[0]
    for other in conditions[1:]:
        condition |= other
    return condition


def queryset_for_subject(entry: PersonalDataEntry, subject: Subject) -> models.QuerySet:
    manager = entry.model._default_manager
    condition = subject_condition(entry, subject)
    if condition is None:
        return manager.none()
    # Routes through many-valued relations can meet the same row twice: the subquery keeps
    # each row once, still in one query.
    return (
        manager.filter(pk__in=manager.filter(condition).values("pk"))
        .select_related(*_select_related(entry))
        .order_by(*entry.order_by)
    )


def collect_for_subject(subject: Subject, *, progress: Callable[[int, int], None] | None = None) -> list[ExportSection]:
    """Everything registered about a subject, in full (no limits): one query per model."""
    sections = []
    registered = entries()
    for index, entry in enumerate(registered, start=1):
        rows = list(queryset_for_subject(entry, subject))
        sections.append(_section(entry, rows, None, records=True))
        sections += _contents_sections(entry, rows, records=True)
        if progress:
            progress(index, len(registered))
    return sections


def _people_models() -> tuple[type[models.Model], type[models.Model]]:
    from django.apps import apps
    from django.conf import settings

    return apps.get_model(settings.AUTH_USER_MODEL), apps.get_model("people", "Person")


def relations_to_people(model: type[models.Model]) -> list[models.Field]:
    """The fields (foreign key, one-to-one, many-to-many) by which a model names a user or a person."""
    people = _people_models()
    return [
        field_obj
        for field_obj in model._meta.get_fields()
        if field_obj.is_relation and not field_obj.auto_created and field_obj.related_model in people
    ]


NAMING_LIMIT = 5000


def collect_naming(subject: Subject) -> ExportSection:
    """Rows of exempt models that name the subject (as the staff member who did the work):
    listed by type and reference so the subject knows they exist and can ask for them."""
    user_model, person_model = _people_models()
    rows, records = [], []
    for model, reason in sorted(exemptions().items(), key=lambda item: item[0]._meta.label):
        for field_obj in relations_to_people(model):
            target = subject.user if field_obj.related_model is user_model else subject.person
            if target is None:
                continue
            ids = list(
                model._default_manager.filter(**{field_obj.name: target.pk})
                .order_by("pk").values_list("pk", flat=True).distinct()[:NAMING_LIMIT]
            )
            kind = str(model._meta.verbose_name).capitalize()
            part = str(field_obj.verbose_name)
            for pk in ids:
                rows.append([kind, str(pk), part, reason])
                records.append({"record": model._meta.label, "id": pk, "named_as": part, "why_not_copied": reason})
    return ExportSection(
        title="Other records that name you",
        explanation=(
            "These records name you because of something you did, such as recording a decision at work. "
            "They are about the work rather than about you, so they are listed here, not copied. "
            "Ask if you would like a copy of any of them."
        ),
        headings=["Kind of record", "Reference", "Named as", "Why it is not copied"],
        rows=rows,
        app_label="core",
        model_label="core.NamedIn",
        records=records,
    )
