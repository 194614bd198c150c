"""Importing people from the case management system's extract at council scale (not part of
the test suite).

Builds a LAS-style extract of 25,000 people over 80 teams, each with an allocated worker, an
NHS number and communication needs, then times, on the bench database and inside a
transaction that is rolled back (the bench data is left as it was): the dry run, the first
import (everyone new), the same extract again (nothing changed) and an extract where everyone
changed. It prints each one's seconds, queries and queries per batch of rows: the last must be
the same whatever the extract's size.

    .venv/bin/python -m coproduction.devservers exec -- .venv/bin/python benchmarks/caseimport.py
    (the same database as `make bench`; --database NAME for another, --people N for another size)
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

WORKERS = 200
TEAMS = 80
TARGET_SECONDS = 60
HEADINGS = ["PERSON_ID", "FORENAME", "SURNAME", "KNOWN_AS", "DOB", "NHS_NUMBER", "TEAM_CODE", "TEAM_NAME", "ALLOCATED_WORKER_EMAIL", "COMM_NEEDS", "INTERPRETER_LANG"]
NEEDS = ["", "LP", "EASY", "BSL;ADV", "INT", "LOOP;LP", ""]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=25_000)
    parser.add_argument("--database", default="coproduction_bench")
    return parser.parse_args()


def nhs_number(seed: int) -> str:
    number = 400_000_000 + seed * 13
    while True:
        digits = str(number)
        check = (11 - sum(int(d) * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11) % 11
        if check != 10:
            return digits + str(check)
        number += 1


def extract(people: int, *, surname: str = "Bench") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADINGS)
    for n in range(people):
        needs = NEEDS[n % len(NEEDS)]
        writer.writerow([
            f"BENCH-{n:06d}", f"Person{n}", surname, "", f"{1 + n % 28:02d}/{1 + n % 12:02d}/{1930 + n % 70}", nhs_number(n),
            f"BT-{n % TEAMS}", f"Bench import team {n % TEAMS}", f"caseimport-worker{n % WORKERS}@bench.example",
            needs, "Polish" if "INT" in needs else "",
        ])
    return out.getvalue().encode()


def ensure_workers_and_mapping():
    from django.contrib.auth.hashers import make_password

    from coproduction.accounts.models import Organisation, User
    from coproduction.casesystem.demo import LAS_COLUMNS, LAS_NEED_CODES
    from coproduction.casesystem.models import SourceMapping

    council, _ = Organisation.objects.get_or_create(name="Bench Council", defaults={"kind": "council"})
    if not User.objects.filter(email="caseimport-worker0@bench.example").exists():
        password = make_password("bench-password-1")
        User.objects.bulk_create([
            User(email=f"caseimport-worker{n}@bench.example", full_name=f"Case worker {n}", roles=["practitioner"], password=password)
            for n in range(WORKERS)
        ])
    mapping, _ = SourceMapping.objects.get_or_create(
        name="Bench LAS extract",
        defaults={"system": "las", "columns": LAS_COLUMNS, "date_format": "%d/%m/%Y", "need_codes": LAS_NEED_CODES, "organisation": council},
    )
    return mapping


def bench_caseimport(args: argparse.Namespace) -> None:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from coproduction.casesystem import importing
    from coproduction.casesystem.models import ImportRun

    mapping = ensure_workers_and_mapping()
    first = extract(args.people)
    changed = extract(args.people, surname="Benchmark")
    batches = math.ceil(args.people / importing.BATCH)
    print(f"\nCase system import: {args.people:,} people, {TEAMS} teams, batches of {importing.BATCH:,} ({batches} batches)")
    print(f"{'Step':<44} {'seconds':>8} {'queries':>8} {'per batch':>10}")
    rows = []

    def step(label: str, work, *, count_batches: bool = True):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            result = work()
            seconds = time.perf_counter() - started
        queries = len(captured.captured_queries)
        rows.append((label, seconds))
        per_batch = f"{queries / batches:.1f}" if count_batches else ""
        print(f"{label:<44} {seconds:>8.2f} {queries:>8} {per_batch:>10}")
        return result

    def run(data: bytes, name: str) -> ImportRun:
        dry_run = importing.check_file(data, mapping)
        return importing.import_checked(dry_run=dry_run, mapping=mapping, run=ImportRun(file_name=name, checksum=importing.checksum(data)))

    with transaction.atomic():
        dry_run = step("Dry run (read and check every row)", lambda: importing.check_file(first, mapping), count_batches=False)
        assert dry_run.all_valid, dry_run.problems[:3]
        made = step("Import, everyone new (dry run included)", lambda: run(first, "first.csv"))
        assert made.created == args.people, made.created
        same = step("The same extract again (nothing changed)", lambda: run(first, "again.csv"))
        assert same.unchanged == args.people
        updated = step("Everyone's name changed", lambda: run(changed, "changed.csv"))
        assert updated.updated == args.people
        transaction.set_rollback(True)
    slowest = max(seconds for _, seconds in rows)
    print(f"Slowest import {slowest:.1f} s for {args.people:,} people: target under {TARGET_SECONDS} s: {'met' if slowest < TARGET_SECONDS else 'MISSED'}")


def bench_from_run(args: argparse.Namespace) -> None:
    """For `make bench` (benchmarks/run.py), on its database."""
    bench_caseimport(argparse.Namespace(people=args.people))


def main() -> None:
    args = parse_args()
    import run

    run.standalone(args.database)
    bench_caseimport(args)


if __name__ == "__main__":
    main()
