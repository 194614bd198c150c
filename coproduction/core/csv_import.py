"""The shared parts of every CSV import with a dry run first (local assets, people and teams
from the case management system).

read_table() reads an uploaded file into rows, or raises FileProblem with a plain-English
message when the file as a whole cannot be used. Each import checks its own rows into a
DryRun: every problem as (row, column, message), the row numbered as a spreadsheet shows it
(the headings are row 1), before anything is saved.

Between the dry run and the import the file is kept privately (never in a URL or a page),
under a random id the uploader's session remembers (UploadStore); it is deleted once imported,
and files nobody imported are deleted after 12 hours (each new upload sweeps them)."""

import csv
import io
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

KEEP_UPLOADS_FOR = timedelta(hours=12)


class FileProblem(Exception):
    """The file as a whole cannot be read; the message says what to do."""


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str


@dataclass
class CheckedRow:
    number: int
    name: str
    values: dict = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems


@dataclass
class DryRun:
    rows: list

    @property
    def valid_rows(self) -> list:
        return [row for row in self.rows if row.valid]

    @property
    def problems(self) -> list[Problem]:
        return [problem for row in self.rows for problem in row.problems]

    @property
    def all_valid(self) -> bool:
        return all(row.valid for row in self.rows)


def heading_key(text: str) -> str:
    """A column heading as compared: case, spaces and underscores do not matter."""
    return re.sub(r"[\s_]+", "_", text.strip().lower())


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB"


def read_table(
    data: bytes,
    *,
    known: Iterable[str] | None,
    required: Iterable[str],
    max_bytes: int,
    max_rows: int,
    rows_are: str = "rows",
    one_row_is: str = "row",
    fix_headings: str = "Use the template’s headings",
    headings_are: str = "the column headings",
) -> list[dict]:
    """The file's rows as {heading key: text}, each with "_row" (its spreadsheet row number)
    and "_extra_cells"; FileProblem when it is not a CSV file this import can use. With known
    None, any other columns are allowed (and read, for the caller to leave unused)."""
    required = list(required)
    if not data:
        raise FileProblem("The selected file is empty")
    if len(data) > max_bytes:
        raise FileProblem(f"The selected file must be smaller than {_size(max_bytes)}")
    if b"\x00" in data:
        raise FileProblem("The selected file must be a CSV file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem("The selected file must be saved as UTF-8 (in a spreadsheet, save as “CSV UTF-8”)") from None
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error:
        raise FileProblem("The selected file could not be read as a CSV file: save it as CSV and try again") from None
    # Numbered as a spreadsheet numbers them, counting blank rows, which are then left out.
    lines = [(number, line) for number, line in enumerate(lines, start=1) if any(cell.strip() for cell in line)]
    if not lines:
        raise FileProblem("The selected file is empty")
    header = [heading_key(cell) for cell in lines[0][1]]
    known = header if known is None else [heading_key(name) for name in known]
    missing = [name for name in required if heading_key(name) not in header]
    if missing:
        raise FileProblem(f"The first row must be {headings_are}; missing: " + ", ".join(missing))
    unknown = [name for name in header if name and name not in known]
    if unknown:
        raise FileProblem("The file has columns this import does not know: " + ", ".join(unknown[:5]) + ". " + fix_headings)
    duplicated = sorted({name for name in header if name and header.count(name) > 1})
    if duplicated:
        raise FileProblem("The file has the same column twice: " + ", ".join(duplicated))
    body = lines[1:]
    if not body:
        raise FileProblem(f"The file has headings but no {rows_are}: add one row for each {one_row_is}")
    if len(body) > max_rows:
        raise FileProblem(f"The file has more than {max_rows:,} {rows_are}: split it into smaller files")
    rows = []
    for number, cells in body:
        row = {**{name: "" for name in known}, "_row": number}
        row.update({name: cell.strip() for name, cell in zip(header, cells, strict=False) if name})
        row["_extra_cells"] = len(cells) > len(header) and any(cell.strip() for cell in cells[len(header):])
        rows.append(row)
    return rows


class UploadStore:
    """Checked files waiting for the uploader to confirm the import, in the default storage."""

    def __init__(self, directory: str, session_key: str):
        self.directory = directory
        self.session_key = session_key

    def forget_old(self, *, older_than: timedelta = KEEP_UPLOADS_FOR) -> int:
        """Delete checked files nobody went on to import: they may hold people's details."""
        try:
            _, names = default_storage.listdir(self.directory)
        except FileNotFoundError:
            return 0
        cutoff = timezone.now() - older_than
        old = [name for name in names if default_storage.get_modified_time(f"{self.directory}/{name}") < cutoff]
        for name in old:
            default_storage.delete(f"{self.directory}/{name}")
        return len(old)

    def store(self, *, data: bytes, session) -> str:
        """Keep the file privately until the person confirms; only their session knows its id."""
        self.forget_old()
        upload_id = uuid.uuid4().hex
        default_storage.save(f"{self.directory}/{upload_id}.csv", ContentFile(data))
        mine = [upload_id, *session.get(self.session_key, [])]
        for old in mine[5:]:  # nobody needs more than a few checked files waiting
            default_storage.delete(f"{self.directory}/{old}.csv")
        session[self.session_key] = mine[:5]
        return upload_id

    def read(self, *, upload_id: str, session) -> bytes | None:
        """The stored file, only for the session that uploaded it; None when gone or not theirs."""
        if not re.fullmatch(r"[0-9a-f]{32}", upload_id or "") or upload_id not in session.get(self.session_key, []):
            return None
        path = f"{self.directory}/{upload_id}.csv"
        if not default_storage.exists(path):
            return None
        with default_storage.open(path, "rb") as stored:
            return stored.read()

    def forget(self, *, upload_id: str, session) -> None:
        default_storage.delete(f"{self.directory}/{upload_id}.csv")
        session[self.session_key] = [other for other in session.get(self.session_key, []) if other != upload_id]
