"""The demo data (`seed_demo`), seeded for real once per test process and copied back after.

Seeding the demo takes tens of seconds, and several modules each want it from an empty
database. The first to ask seeds it for real and keeps a copy of every table (Postgres COPY,
in memory); the next one that asks for the same day, in the same process, gets the copy back
in a second or two: the same rows, ids and sequences that seed_demo wrote. What seed_demo would
have queued once committed (report jobs) is queued again. A copy older than a few minutes, or
made on another date, is not used: the demo's dates are relative to the day it is seeded.

`tests/coproduction/core/test_seed_demo.py` tests seed_demo itself, and runs it again on top
of whatever it gets, to prove it is idempotent."""

import datetime
import io
from contextlib import nullcontext
from dataclasses import dataclass

import time_machine
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from coproduction.people.caseload_version import caseload_changed
from coproduction.reports.models import ReportJob

FRESH_FOR = datetime.timedelta(minutes=10)


@dataclass
class _Copy:
    made_at: datetime.datetime
    printed: str
    tables: dict[str, bytes]
    sequences: dict[str, tuple[int, bool]]


_copies: dict[datetime.datetime | None, _Copy] = {}


def _tables() -> list[str]:
    return [name for name in connection.introspection.table_names() if name != "django_migrations"]


def _sequences(cursor) -> list[str]:
    cursor.execute("SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()")
    return [name for (name,) in cursor.fetchall()]


def _take(printed: str) -> _Copy:
    tables, sequences = {}, {}
    with connection.cursor() as cursor:
        raw = cursor.cursor
        for table in _tables():
            with raw.copy(f'COPY "{table}" TO STDOUT (FORMAT BINARY)') as copy:
                tables[table] = b"".join(bytes(block) for block in copy)
        for sequence in _sequences(cursor):
            cursor.execute(f'SELECT last_value, is_called FROM "{sequence}"')
            sequences[sequence] = cursor.fetchone()
    return _Copy(made_at=timezone.now(), printed=printed, tables=tables, sequences=sequences)


def _restore(copy: _Copy) -> None:
    # Django's foreign keys are checked when the transaction commits, so the tables may be
    # filled in any order.
    with transaction.atomic(), connection.cursor() as cursor:
        raw = cursor.cursor
        cursor.execute("TRUNCATE " + ", ".join(f'"{table}"' for table in copy.tables) + " RESTART IDENTITY CASCADE")
        for table, data in copy.tables.items():
            if data:
                with raw.copy(f'COPY "{table}" FROM STDIN (FORMAT BINARY)') as writer:
                    writer.write(data)
        for sequence, (last_value, is_called) in copy.sequences.items():
            cursor.execute("SELECT setval(%s, %s, %s)", [f'"{sequence}"', last_value, is_called])
        caseload_changed()  # the dashboards' kept figures were counted from other rows
        from coproduction.reports.services import _enqueue  # what report_job_request queues on commit

        for job_id, time_limit in ReportJob.objects.filter(status=ReportJob.Status.QUEUED).values_list("pk", "time_limit"):
            transaction.on_commit(lambda job_id=job_id, time_limit=time_limit: _enqueue(job_id, time_limit))


def seed_demo(at: datetime.datetime | None = None) -> str:
    """The demo data in the (empty) test database, as seeded at `at` (None: now); returns what
    seed_demo printed."""
    copy = _copies.get(at)
    if copy is not None and (at is not None or (
        timezone.now() - copy.made_at < FRESH_FOR and timezone.localdate(copy.made_at) == timezone.localdate()
    )):
        _restore(copy)
        return copy.printed
    printed = io.StringIO()
    with time_machine.travel(at) if at else nullcontext():
        call_command("seed_demo", stdout=printed)
    _copies[at] = _take(printed.getvalue())
    return printed.getvalue()
