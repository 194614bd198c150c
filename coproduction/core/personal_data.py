"""The personal-data registry: which models hold data about a user, and how to export it.

Every app declares its models in its own `personal_data.py` with `register()` (or
`exempt()` with a reason). The "my data" export and subject-access requests read this
registry, and tests/core/test_personal_data.py fails when a model that points at a user
is in neither list, so a new model cannot be forgotten.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone


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


@dataclass
class ExportSection:
    title: str
    explanation: str
    headings: list[str]
    rows: list[list[str]] = field(default_factory=list)
    truncated_at: int | None = None

    @property
    def record(self) -> list[tuple[str, str]]:
        """The first row as (heading, value) pairs, for sections about a single record."""
        return list(zip(self.headings, self.rows[0])) if self.rows else []


_entries: dict[type[models.Model], PersonalDataEntry] = {}
_exempt: dict[type[models.Model], str] = {}


def register(
    model: type[models.Model],
    *,
    title: str,
    user_paths: Sequence[str],
    fields: Sequence[tuple[str, str]],
    order_by: Sequence[str] = ("pk",),
    limit: int | None = None,
    explanation: str = "",
) -> None:
    _entries[model] = PersonalDataEntry(
        model, title, tuple(user_paths), tuple(fields), tuple(order_by), limit, explanation
    )


def exempt(model: type[models.Model], *, reason: str) -> None:
    """A model that points at a user but holds nothing about them worth exporting."""
    _exempt[model] = reason


def entries() -> list[PersonalDataEntry]:
    return list(_entries.values())


def exemptions() -> dict[type[models.Model], str]:
    return dict(_exempt)


def _resolve(obj: models.Model, path: str) -> object:
    value: object = obj
    for part in path.split("__"):
        if value is None:
            return None
        display = getattr(value, f"get_{part}_display", None)
        value = display() if callable(display) else getattr(value, part)
        if callable(value):  # a method such as communication_need_labels
            value = value()
    return value


def format_value(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d %B %Y, %H:%M")
    if isinstance(value, date):
        return value.strftime("%d %B %Y")
    if isinstance(value, (list, tuple)):
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
        sections.append(
            ExportSection(
                title=entry.title,
                explanation=entry.explanation,
                headings=[heading for heading, _ in entry.fields],
                rows=[[format_value(_resolve(row, path)) for _, path in entry.fields] for row in rows],
                truncated_at=truncated,
            )
        )
        if progress:
            progress(index, len(registered))
    return sections
