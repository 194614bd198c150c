"""Importing people and teams from a case management system's CSV extract, with a dry run.

check_file() reads the extract through a source mapping and checks every row, saving nothing:
each problem as (row, column, message), the column named as the extract names it. import_checked()
then saves the rows without problems in one transaction, in batches of BATCH rows with the same
few queries each, whatever the extract's size:

- people are matched on the case system's person id: a re-import updates, never duplicates;
- a field the mapping gives no column is left as the service has it;
- teams are matched on the case system's team id, made when new and renamed when renamed;
- people with a case system id that the extract no longer lists are flagged for review, never
  deleted; one who comes back is no longer flagged;
- every person made or changed is audited as changed by the import, with the file's name."""

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.postgres.fields import ArrayField
from django.core.validators import validate_email
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from coproduction.accounts.models import Role, Team, User
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record, audit_record_many
from coproduction.core.csv_import import CheckedRow, DryRun, FileProblem, Problem, UploadStore, heading_key, read_table
from coproduction.core.postcodes import normalise_postcode
from coproduction.people.caseload_version import caseload_changed
from coproduction.people.models import CommunicationNeed, Person
from coproduction.people.nhs_number import is_valid_nhs_number, normalise_nhs_number

from .models import Field, ImportRun, SourceMapping, TeamLink

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000
BATCH = 1000
UPLOAD_DIR = "case-system-imports"
SESSION_KEY = "case_system_imports"
OLDEST_BIRTH = date(1900, 1, 1)
_LENGTHS = {
    Field.PERSON_ID: 50, Field.FULL_NAME: 200, Field.GIVEN_NAME: 100, Field.FAMILY_NAME: 100,
    Field.PREFERRED_NAME: 100, Field.TEAM_ID: 50, Field.TEAM_NAME: 200, Field.INTERPRETER_LANGUAGE: 100,
}
# Which Person field each extract field fills, when the mapping gives it a column.
_PERSON_FIELDS = {
    Field.PREFERRED_NAME: "preferred_name",
    Field.DATE_OF_BIRTH: "date_of_birth",
    Field.NHS_NUMBER: "nhs_number",
    Field.WORKER_EMAIL: "practitioner_id",
    Field.COMMUNICATION_NEEDS: "communication_needs",
    Field.INTERPRETER_LANGUAGE: "interpreter_language",
    Field.POSTCODE: "postcode",
}


@dataclass(frozen=True)
class LayoutColumn:
    field: str
    required: bool
    explain: str
    example: str


# The one documented column layout (the README's "Importing people and teams" repeats it).
LAYOUT = [
    LayoutColumn(Field.PERSON_ID, True, "The case system's own id for the person. Matched on every import.", "LAS-100234"),
    LayoutColumn(Field.FULL_NAME, False, "Their full name. Or give the given and family names in two columns.", "Joan Smith"),
    LayoutColumn(Field.GIVEN_NAME, False, "Their given name, with the family name, instead of the full name.", "Joan"),
    LayoutColumn(Field.FAMILY_NAME, False, "Their family name, with the given name.", "Smith"),
    LayoutColumn(Field.PREFERRED_NAME, False, "What they like to be called.", "Jo"),
    LayoutColumn(Field.DATE_OF_BIRTH, False, "Their date of birth, in the mapping's date format.", "1948-05-17"),
    LayoutColumn(Field.NHS_NUMBER, False, "10 digits, spaces allowed; checked with the NHS number's check digit.", "943 476 5919"),
    LayoutColumn(Field.TEAM_ID, True, "The case system's id for their team. A team new here is made.", "T-NA"),
    LayoutColumn(Field.TEAM_NAME, False, "The team's name: needed for a team new here; a changed name renames it.", "North Adults Team"),
    LayoutColumn(Field.WORKER_EMAIL, False, "The allocated worker's email: a practitioner or team manager with an account here. Blank: not allocated.", "tom.okafor@council.example"),
    LayoutColumn(Field.COMMUNICATION_NEEDS, False, "Codes from the mapping (or these values) separated by the mapping's separator: " + ", ".join(CommunicationNeed.values) + ".", "LP;INT"),
    LayoutColumn(Field.INTERPRETER_LANGUAGE, False, "The language, when they need an interpreter.", "Polish"),
    LayoutColumn(Field.POSTCODE, False, "Their home postcode: local options for their plan are found near it. Blank: the one recorded here is kept.", "LA9 4DL"),
]


@dataclass
class PersonRow(CheckedRow):
    case_id: str = ""
    team_id: str = ""
    team_name: str = ""
    worker: User | None = None
    person_values: dict = field(default_factory=dict)


@dataclass
class CaseDryRun(DryRun):
    # Every person id the extract lists, valid row or not: nobody listed is flagged as missing.
    listed_ids: set = field(default_factory=set)


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _need_lookup(mapping: SourceMapping) -> dict[str, str]:
    lookup = {value: value for value in CommunicationNeed.values}
    lookup.update({label.lower(): value for value, label in CommunicationNeed.choices})
    lookup.update({str(code).strip().lower(): need for code, need in (mapping.need_codes or {}).items() if need in CommunicationNeed.values})
    return lookup


def _parse_date(text: str, date_format: str) -> date | None:
    for pattern in (date_format, "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _headings(mapping: SourceMapping) -> dict[str, str]:
    return {name: heading for name, heading in (mapping.columns or {}).items() if heading and name in Field.values}


def read_extract(data: bytes, mapping: SourceMapping) -> list[dict]:
    """The extract's rows as {field: text}, by the mapping. Columns the mapping does not name
    are left unread: an extract often carries more than this service needs."""
    headings = _headings(mapping)
    required = [headings[name] for name in (Field.PERSON_ID, Field.TEAM_ID) if name in headings]
    name_columns = [headings[name] for name in (Field.FULL_NAME, Field.GIVEN_NAME) if name in headings]
    if len(required) < 2 or not name_columns:
        raise FileProblem(f"The mapping “{mapping.name}” must name the columns for the person id, the name and the team id")
    rows = read_table(
        data, known=None, required=required + name_columns[:1], max_bytes=MAX_BYTES, max_rows=MAX_ROWS,
        rows_are="people", one_row_is="person",
    )
    return [
        {"_row": row["_row"], "_extra_cells": row["_extra_cells"], **{name: row.get(heading_key(heading), "") for name, heading in headings.items()}}
        for row in rows
    ]


class _Context:
    """What the rows are checked against, loaded once for the whole file."""

    def __init__(self, mapping: SourceMapping, rows: list[dict]):
        self.mapping = mapping
        self.headings = _headings(mapping)
        self.needs = _need_lookup(mapping)
        self.today = timezone.localdate()
        team_ids = {row.get(Field.TEAM_ID, "") for row in rows} - {""}
        self.known_teams = set(TeamLink.objects.filter(case_system_team_id__in=team_ids).values_list("case_system_team_id", flat=True))
        emails = {row.get(Field.WORKER_EMAIL, "").lower() for row in rows} - {""}
        self.workers = {
            user.email.lower(): user
            for user in User.objects.filter(email__in=emails, is_active=True).filter(
                Q(roles__contains=[Role.PRACTITIONER.value]) | Q(roles__contains=[Role.TEAM_MANAGER.value])
            )
        } if emails else {}

    def column(self, name: str) -> str:
        return self.headings.get(name, name)


def _check_row(raw: dict, context: _Context) -> PersonRow:
    number = raw["_row"]
    problems: list[Problem] = []
    column = context.column

    def problem(name: str, message: str) -> None:
        problems.append(Problem(number, column(name) if name else "", message))

    row = PersonRow(number=number, name="", problems=problems)
    if raw.get("_extra_cells"):
        problem("", "This row has more cells than there are column headings")
    for name, limit in _LENGTHS.items():
        if len(raw.get(name, "")) > limit:
            problem(name, f"This must be {limit} characters or fewer")
    row.case_id = raw.get(Field.PERSON_ID, "")
    if not row.case_id:
        problem(Field.PERSON_ID, "Enter the case system’s person id")
    full_name = raw.get(Field.FULL_NAME, "") or " ".join(
        part for part in (raw.get(Field.GIVEN_NAME, ""), raw.get(Field.FAMILY_NAME, "")) if part
    )
    if not full_name:
        problem(Field.FULL_NAME if Field.FULL_NAME in context.headings else Field.GIVEN_NAME, "Enter the person’s name")
    row.name = row.case_id
    values: dict = {"full_name": full_name[:200]}
    if Field.PREFERRED_NAME in context.headings:
        values["preferred_name"] = raw[Field.PREFERRED_NAME][:100]
    if Field.DATE_OF_BIRTH in context.headings:
        values["date_of_birth"] = None
        if raw[Field.DATE_OF_BIRTH]:
            born = _parse_date(raw[Field.DATE_OF_BIRTH], context.mapping.date_format)
            if born is None:
                problem(Field.DATE_OF_BIRTH, f"The date of birth must be a real date, like {context.mapping.get_date_format_display().split(' ')[0]}")
            elif born > context.today or born < OLDEST_BIRTH:
                problem(Field.DATE_OF_BIRTH, "The date of birth must be in the past, and after 1900")
            values["date_of_birth"] = born
    if Field.NHS_NUMBER in context.headings:
        nhs = normalise_nhs_number(raw[Field.NHS_NUMBER])
        if nhs and not is_valid_nhs_number(nhs):
            problem(Field.NHS_NUMBER, "The NHS number is not a valid NHS number: it must be 10 digits and its last digit must match the check digit")
        values["nhs_number"] = nhs
    row.team_id = raw.get(Field.TEAM_ID, "")
    row.team_name = raw.get(Field.TEAM_NAME, "")[:200]
    if not row.team_id:
        problem(Field.TEAM_ID, "Enter the case system’s team id")
    elif row.team_id not in context.known_teams and not row.team_name:
        problem(Field.TEAM_NAME if Field.TEAM_NAME in context.headings else Field.TEAM_ID, "This team is new here: enter the team’s name")
    if Field.WORKER_EMAIL in context.headings:
        email = raw[Field.WORKER_EMAIL].lower()
        values["practitioner_id"] = None
        if email:
            try:
                validate_email(email)
            except Exception:  # noqa: BLE001 (Django's ValidationError: any failure is the same problem)
                problem(Field.WORKER_EMAIL, "Enter the worker’s email address in the correct format, like name@example.com")
            else:
                row.worker = context.workers.get(email)
                if row.worker is None:
                    problem(Field.WORKER_EMAIL, "There is no practitioner or team manager with this email address here: add their account first")
                else:
                    values["practitioner_id"] = row.worker.pk
    if Field.COMMUNICATION_NEEDS in context.headings:
        needs: list[str] = []
        separator = context.mapping.needs_separator or ";"
        for item in (part.strip() for part in raw[Field.COMMUNICATION_NEEDS].split(separator)):
            if not item:
                continue
            need = context.needs.get(item.lower())
            if need is None:
                problem(Field.COMMUNICATION_NEEDS, f"“{item[:30]}” is not a communication need code in the mapping")
            elif need not in needs:
                needs.append(need)
        values["communication_needs"] = needs
    if Field.INTERPRETER_LANGUAGE in context.headings:
        values["interpreter_language"] = raw[Field.INTERPRETER_LANGUAGE][:100]
    # A blank postcode leaves the one recorded here (by the person, say) as it is.
    if raw.get(Field.POSTCODE):
        postcode = normalise_postcode(raw[Field.POSTCODE])
        if postcode is None:
            problem(Field.POSTCODE, "Enter a full UK postcode, like LA9 4DL, or leave it blank")
        else:
            values["postcode"] = postcode
    row.person_values = values
    return row


def check_rows(rows: list[dict], mapping: SourceMapping) -> CaseDryRun:
    """Check every row against the rules and the service as it is now. Saves nothing."""
    context = _Context(mapping, rows)
    checked = [_check_row(raw, context) for raw in rows]
    first: dict[str, int] = {}
    for row in checked:
        if row.case_id:
            first.setdefault(row.case_id, row.number)
    repeated = {case_id for case_id, count in Counter(row.case_id for row in checked if row.case_id).items() if count > 1}
    for row in checked:
        if row.case_id in repeated:
            # Which row is right is for the case system to say: neither is imported.
            where = "on another row too" if first[row.case_id] == row.number else f"already on row {first[row.case_id]}"
            row.problems.append(Problem(row.number, context.column(Field.PERSON_ID), f"This person id is {where}: each person must be listed once"))
    seen = set(first)
    return CaseDryRun(rows=checked, listed_ids=set(seen))


def check_file(data: bytes, mapping: SourceMapping) -> CaseDryRun:
    return check_rows(read_extract(data, mapping), mapping)


# -- Saving --------------------------------------------------------------------------------


def _batches(rows: list, size: int | None = None) -> Iterator[list]:
    size = size or BATCH  # read when called, so a test can make batches small
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _teams(rows: list[PersonRow], organisation, *, actor, detail: str, run: ImportRun) -> dict[str, int]:
    """{case system team id: team id}: teams linked, made or renamed as the extract says."""
    wanted = {}
    for row in rows:
        if row.team_name or row.team_id not in wanted:
            wanted[row.team_id] = row.team_name or wanted.get(row.team_id, "")
    links = {link.case_system_team_id: link for link in TeamLink.objects.filter(case_system_team_id__in=wanted).select_related("team")}
    renamed, made = [], []
    by_name = {team.name: team for team in Team.objects.filter(organisation=organisation, case_system_link__isnull=True)}
    new_links = []
    for case_team_id, name in wanted.items():
        link = links.get(case_team_id)
        if link is not None:
            if name and link.team.name != name:
                link.team.name = name
                renamed.append(link.team)
            continue
        team = by_name.get(name)  # a team already here by the same name is the same team
        if team is None:
            team = by_name[name] = Team(organisation=organisation, name=name)
            made.append(team)
        new_links.append(TeamLink(case_system_team_id=case_team_id, team=team))
    Team.objects.bulk_create(made)
    TeamLink.objects.bulk_create(new_links)
    links.update({link.case_system_team_id: link for link in new_links})
    if renamed:
        Team.objects.bulk_update(renamed, ["name"])
    audit_record_many(actor=actor, action=AuditEvent.Action.CREATE, objects=made, detail=detail)
    audit_record_many(actor=actor, action=AuditEvent.Action.CHANGE, objects=renamed, detail=detail)
    run.teams_created, run.teams_renamed = len(made), len(renamed)
    return {case_team_id: link.team_id for case_team_id, link in links.items()}


_SQL_TYPES = {
    "full_name": "varchar", "preferred_name": "varchar", "date_of_birth": "date", "nhs_number": "varchar",
    "team_id": "bigint", "practitioner_id": "bigint", "communication_needs": "varchar[]", "interpreter_language": "varchar", "postcode": "varchar",
    "missing_from_case_system_since": "timestamptz", "updated_at": "timestamptz",
}


def _update_people(people: list[Person], fields: list[str]) -> None:
    """One UPDATE ... FROM (VALUES ...) for the batch: bulk_update's CASE per row and column
    grows with the square of the batch, this only with its size."""
    columns = [Person._meta.get_field(name).column for name in fields]
    row = "(%s::bigint, " + ", ".join(f"%s::{_SQL_TYPES[name]}" for name in fields) + ")"
    quoted = [connection.ops.quote_name(column) for column in columns]
    sql = (
        f"UPDATE {connection.ops.quote_name(Person._meta.db_table)} AS p SET "
        + ", ".join(f"{column} = v.{column}" for column in quoted)
        + f" FROM (VALUES {', '.join([row] * len(people))}) AS v(id, {', '.join(quoted)}) WHERE p.id = v.id"
    )
    params = [value for person in people for value in (person.pk, *(getattr(person, name) for name in fields))]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _array_literal(items: list[str]) -> str:
    return "{" + ",".join('"' + str(item).replace("\\", "\\\\").replace('"', '\\"') + '"' for item in items) + "}"


def _insert_people(people: list[Person]) -> None:
    """One INSERT ... SELECT FROM UNNEST for the batch, one array a column, as Django's own
    bulk_create does for tables without an array column (it falls back to a placeholder a
    value, far slower at a thousand rows): communication needs travel as array literals."""
    fields = [field for field in Person._meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    selects, placeholders, params = [], [], []
    for number, field in enumerate(fields):
        values = [field.get_db_prep_save(getattr(person, field.attname), connection) for person in people]
        db_type = field.db_type(connection)
        if isinstance(field, ArrayField):
            params.append([None if value is None else _array_literal(value) for value in values])
            placeholders.append("%s::text[]")
            selects.append(f"u.c{number}::{db_type}")
        else:
            params.append(values)
            placeholders.append(f"%s::{db_type}[]")
            selects.append(f"u.c{number}")
    aliases = ", ".join(f"c{number}" for number in range(len(fields)))
    sql = (
        f"INSERT INTO {quote(Person._meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "
        f"SELECT {', '.join(selects)} FROM UNNEST({', '.join(placeholders)}) AS u({aliases}) RETURNING {quote(Person._meta.pk.column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        ids = [row[0] for row in cursor.fetchall()]
    for person, pk in zip(people, ids, strict=True):
        person.pk = pk
        person._state.adding, person._state.db = False, connection.alias


def _save_batch(rows: list[PersonRow], team_ids: dict[str, int], *, actor, detail: str, now, run: ImportRun) -> None:
    """One batch: one read, one insert, one update and the audit entries, however many rows."""
    existing = {person.case_system_id: person for person in Person.objects.filter(case_system_id__in=[row.case_id for row in rows]).select_related("user")}
    made, changed = [], []
    changed_fields: set[str] = set()
    for row in rows:
        values = {**row.person_values, "team_id": team_ids[row.team_id]}
        person = existing.get(row.case_id)
        if person is None:
            made.append(Person(case_system_id=row.case_id, created_at=now, updated_at=now, **values))
            continue
        differs = [name for name, value in values.items() if getattr(person, name) != value]
        if person.missing_from_case_system_since is not None:
            differs.append("missing_from_case_system_since")
            person.missing_from_case_system_since = None
        if differs:
            for name in differs:
                if name != "missing_from_case_system_since":
                    setattr(person, name, values[name])
            person.updated_at = now
            changed_fields.update(differs)
            changed.append(person)
    if made:
        _insert_people(made)
    if changed:
        _update_people(changed, sorted(changed_fields | {"updated_at"}))
    if made or "team_id" in changed_fields:
        caseload_changed()  # people added to or moved between teams: the dashboards' caseloads
    subject = lambda person: person.user if person.user_id else None  # noqa: E731
    audit_record_many(actor=actor, action=AuditEvent.Action.CREATE, objects=made, subject_of=subject, detail=detail)
    audit_record_many(actor=actor, action=AuditEvent.Action.CHANGE, objects=changed, subject_of=subject, detail=detail)
    run.created += len(made)
    run.updated += len(changed)
    run.unchanged += len(rows) - len(made) - len(changed)


def _flag_missing(listed: set[str], *, actor, detail: str, now, run: ImportRun) -> None:
    """People the extract no longer lists: flagged for someone to check, never deleted."""
    missing = list(
        Person.objects.exclude(case_system_id="").filter(missing_from_case_system_since__isnull=True)
        .exclude(case_system_id__in=listed).select_related("user")
    )
    if missing:
        Person.objects.filter(pk__in=[person.pk for person in missing]).update(missing_from_case_system_since=now, updated_at=now)
    audit_record_many(
        actor=actor, action=AuditEvent.Action.CHANGE, objects=missing,
        subject_of=lambda person: person.user if person.user_id else None, detail=detail + ": no longer in the extract, flagged for review",
    )
    run.flagged = len(missing)


def import_detail(file_name: str) -> str:
    return f"case system import of {file_name[:100]}"


@transaction.atomic
def import_checked(
    *, dry_run: CaseDryRun, mapping: SourceMapping, run: ImportRun, request=None, progress: Callable[[int], None] | None = None,
) -> ImportRun:
    """Save the rows without problems (those with problems are refused and listed on the run),
    flag people no longer listed, and finish the run record. All or nothing. progress, if
    given, is told the rows saved so far after each batch."""
    actor = run.run_by
    detail = import_detail(run.file_name)
    now = timezone.now()
    valid = dry_run.valid_rows
    run.mapping = mapping
    run.rows = len(dry_run.rows)
    run.refused = len(dry_run.rows) - len(valid)
    run.problems = [[problem.row, problem.column, problem.message] for problem in dry_run.problems[:1000]]
    team_ids = _teams(valid, mapping.organisation, actor=actor, detail=detail, run=run)
    done = 0
    for batch in _batches(valid):
        _save_batch(batch, team_ids, actor=actor, detail=detail, now=now, run=run)
        done += len(batch)
        if progress is not None:
            progress(done)
    _flag_missing(dry_run.listed_ids, actor=actor, detail=detail, now=now, run=run)
    run.status = ImportRun.Status.DONE
    run.finished_at = timezone.now()
    run.save()
    audit_record(
        actor=actor, action=AuditEvent.Action.CREATE, obj=run, request=request,
        detail=f"{detail}: {run.created} added, {run.updated} updated, {run.refused} refused, {run.flagged} flagged",
    )
    return run


UPLOADS = UploadStore(UPLOAD_DIR, SESSION_KEY)
