"""The personal-data registry: which models hold data about a user, and how to export it.

Every app declares its models in its own `personal_data.py` with `register()` (or
`exempt()` with a reason). The "my data" export and subject-access requests read this
registry, and tests/coproduction/core/test_personal_data.py fails when a model that points at a user
is in neither list, so a new model cannot be forgotten.

An entry reaches its subject by `user_paths` (to an account) and `person_paths` (to a
people.Person, who may have no account); `subject_filter` covers what no lookup can
express, such as the audit trail's generic target. A subject access request uses all three.
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
    person_paths: Sequence[str] = (),
    subject_filter: Callable[[Subject], Q | None] | None = None,
) -> None:
    _entries[model] = PersonalDataEntry(
        model, title, tuple(user_paths), tuple(fields), tuple(order_by), limit, explanation,
        tuple(person_paths), subject_filter,
    )


def exempt(model: type[models.Model], *, reason: str) -> None:
    """A model that names a user or person only as the one who did the work (a staff member who
    recorded it), not a record about them. A subject access request still lists every row
    that names its subject (see `collect_naming`), so an exemption never hides a record."""
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
        records=[dict(zip(["id", *headings], [row.pk, *map(json_value, row_values)])) for row, row_values in zip(rows, values)]
        if records else [],
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
        sections.append(_section(entry, rows, truncated))
        if progress:
            progress(index, len(registered))
    return sections


# ---- Subject access requests --------------------------------------------------------------

def json_value(value: object) -> object:
    """A value as JSON: ISO dates, numbers as they are, lists kept, anything else as text."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [json_value(item) for item in value]
    return str(value)


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
        sections.append(_section(entry, list(queryset_for_subject(entry, subject)), None, records=True))
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
