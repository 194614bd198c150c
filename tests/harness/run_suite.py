"""`make test`: the whole suite in two steps, timed, with the slowest tests printed.

1. Everything but the fault tests, in parallel on every core (pytest-xdist; each worker has
   its own test database, Redis database and media folder).
2. The fault tests (marked `slow`), alone: they restart the servers and kill workers, which
   would pull the floor from under a parallel neighbour.

With arguments (`make test PYTEST_ARGS="tests/careplans -x"`) it runs just what they select,
in one step, in parallel unless they say otherwise (`-n 0` for one process, `-p no:xdist`).
"""

import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

WORKERS = os.environ.get("TEST_WORKERS", "auto")
DURATIONS = ["--durations=25", "--durations-min=1.0"]


def first_workers_database() -> str:
    """pytest-django's name for the test database of xdist's first worker, gw0."""
    name = os.environ.get("TEST_DATABASE_NAME") or "test_" + urlsplit(os.environ.get("DATABASE_URL", "")).path.lstrip("/")
    return f"{name}_gw0"


def pytest(args: list[str], report: Path, env: dict[str, str] | None = None) -> int:
    command = [sys.executable, "-m", "pytest", f"--junitxml={report}", *args]
    print("$ " + " ".join(command[1:]), flush=True)
    return subprocess.call(command, env={**os.environ, **(env or {})})


def counts(report: Path) -> dict[str, int]:
    if not report.exists():
        return {"passed": 0, "failed": 0, "skipped": 0}
    suites = ET.parse(report).getroot()
    total = failed = skipped = 0
    for suite in suites.iter("testsuite"):
        total += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    return {"passed": total - failed - skipped, "failed": failed, "skipped": skipped}


def parallel(args: list[str]) -> list[str]:
    # Tests are handed out one at a time, except the modules tests/conftest.py names in
    # ONE_WORKER_MODULES, which go whole to one worker (see pytest_xdist_make_scheduler there).
    if any(arg == "-n" or arg.startswith(("-n", "--numprocesses")) or arg == "no:xdist" for arg in args):
        return args
    return ["-n", WORKERS, "--dist", "loadscope", *args]


def main(argv: list[str]) -> int:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="coproduction-test-reports-") as folder:
        reports = [Path(folder) / "main.xml", Path(folder) / "slow.xml"]
        if argv:
            steps = [(parallel([*DURATIONS, *argv]), reports[0], {})]
        else:
            # The first worker's test database, made afresh and kept, serves the second step
            # too: migrating a third database would cost half a minute for nothing.
            steps = [
                (parallel(["-m", "not slow", "--create-db", "--reuse-db", *DURATIONS]), reports[0], {}),
                (["-m", "slow", "--reuse-db", *DURATIONS], reports[1], {"TEST_DATABASE_NAME": first_workers_database()}),
            ]
        statuses = []
        for args, report, env in steps:
            step_started = time.monotonic()
            status = pytest(args, report, env)
            print(f"Step took {time.monotonic() - step_started:.0f} s (exit {status})", flush=True)
            statuses.append(status)
        total = {key: sum(counts(report)[key] for report in reports) for key in ("passed", "failed", "skipped")}
    print(f"Whole run took {time.monotonic() - started:.0f} s")
    print(f"{total['passed']} passed, {total['failed']} failed, {total['skipped']} skipped")
    failed = [status for status in statuses if status not in (0, 5)]
    if failed:
        return failed[0]
    return 0 if total["passed"] else 5


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
