"""Load test at council scale: `make load` (not part of the test suite).

Uses the council-sized bench database of `make bench` (seeding it the same way if missing),
starts gunicorn with production settings (DEBUG off, staff two-factor on) against the same
PostgreSQL and Redis, then runs locust headless (benchmarks/locustfile.py) at a few user
counts, one step after another. For each step it prints the requests per second, the median,
p95 and p99 response times and the error rate, then the highest rate at which p95 stayed
under the target with no errors.

    make load LOAD_ARGS="--users 10,20,40,80 --step-seconds 60"

Needs the optional `load` dependencies: pip install ".[load]".
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

# Every bench staff account gets an authenticator with this key, so the load test can type
# real six-digit codes at the two-factor step. Bench data only, never a real account.
BENCH_TOTP_KEY = "3132333435363738393031323334353637383930"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", default="10,20,40,80", help="concurrent users at each step, comma-separated")
    parser.add_argument("--spawn-rate", type=float, default=4, help="users started a second (each signs in)")
    parser.add_argument("--step-seconds", type=int, default=60, help="measured time at each step, after the ramp-up")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1, help="gunicorn workers")
    parser.add_argument("--p95-target", type=float, default=300.0, help="milliseconds")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--out", default="", help="folder for locust's CSV files (a temporary one if empty)")
    # The bench data's size, as `make bench` takes it.
    parser.add_argument("--teams", type=int, default=80)
    parser.add_argument("--practitioners", type=int, default=1000)
    parser.add_argument("--people", type=int, default=25000)
    parser.add_argument("--audit-events", type=int, default=1_000_000)
    parser.add_argument("--ratings", type=int, default=1_000_000)
    parser.add_argument("--pb-ballots", type=int, default=100_000)
    parser.add_argument("--pb-proposals", type=int, default=60)
    parser.add_argument("--reseed", action="store_true")
    return parser.parse_args()


def prepare_data(args: argparse.Namespace, most_users: int) -> dict:
    """The bench database as `make bench` seeds it, plus what signed-in journeys need."""
    import run
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)
    if run.ensure_database(args.reseed):
        run.seed(args)
    else:
        call_command("migrate", verbosity=0)
    _model_defaults_in_bench_database()
    from careplans.models import CarePlan

    if not CarePlan.objects.exists():
        run.seed_careplans()
    from checklist.models import Rating

    if not Rating.objects.exists():
        run.seed_checklist(args)
    import budgeting

    budgeting.seed_budgeting(argparse.Namespace(ballots=args.pb_ballots, proposals=args.pb_proposals, reseed=args.reseed))
    return {
        "programme": _counted_round(),
        "practitioners": _practitioner_drafts(most_users),
        "totp_key": _staff_authenticators(),
        "password": "bench-password-1",
        "counts": {"practitioners": args.practitioners, "people": args.people, "teams": args.teams},
    }


def _model_defaults_in_bench_database() -> None:
    """Columns added after the bench seeding SQL was written get their model default in the
    bench database (Django keeps defaults in Python), so that SQL still inserts."""
    from django.db import connection

    from coproduction.people.models import Person
    from checklist.models import Checklist

    with connection.cursor() as cursor:
        for model, field, value in [(Person, "review_statements_opt_out", False), (Checklist, "part", "planning")]:
            assert model._meta.get_field(field).default == value
            cursor.execute(f"ALTER TABLE {model._meta.db_table} ALTER COLUMN {field} SET DEFAULT %s", [value])


def _counted_round() -> dict:
    """The 100,000-ballot round, closed, counted and published, as the results page needs."""
    from budgeting import ORGANISER, ROUND_TITLE

    from commissioning.budgeting import services
    from commissioning.budgeting.models import Round
    from coproduction.accounts.models import User

    round_ = Round.objects.get(title=ROUND_TITLE)
    organiser = User.objects.get(email=ORGANISER)
    if round_.phase == Round.Phase.VOTING:
        services.round_move_on(round_=round_, by=organiser)
        services.results_publish(round_=round_, by=organiser)
    return {"programme_id": round_.programme_id, "round_id": round_.pk}


def _practitioner_drafts(count: int) -> dict[str, int]:
    """Each of the first practitioners gets a draft plan (a new version of an agreed one) for
    the first person on their caseload, so the journey can save a section."""
    from django.db.models import Max

    from careplans.models import CarePlan
    from coproduction.people.models import Person

    drafts = {}
    new = []
    for number in range(1, count + 1):
        email = f"practitioner{number}@bench.example"
        person = Person.objects.filter(practitioner__email=email).order_by("pk").first()
        if person is None:
            continue
        drafts[email] = person.pk
        if not CarePlan.objects.filter(person=person, status=CarePlan.Status.DRAFT).exists():
            latest = CarePlan.objects.filter(person=person).order_by("-version").first()
            version = CarePlan.objects.filter(person=person).aggregate(v=Max("version"))["v"] or 0
            new.append(
                CarePlan(person=person, version=version + 1, status=CarePlan.Status.DRAFT, based_on=latest,
                         content=latest.content if latest else {"sections": {}}, created_by=person.practitioner)
            )
    CarePlan.objects.bulk_create(new)
    return drafts


def _staff_authenticators() -> str:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from coproduction.accounts.models import User

    have = set(TOTPDevice.objects.values_list("user_id", flat=True))
    users = [user for user in User.objects.filter(email__endswith="@bench.example").only("id", "roles") if user.needs_mfa and user.pk not in have]
    TOTPDevice.objects.bulk_create(
        [TOTPDevice(user=user, name="Bench authenticator", confirmed=True, key=BENCH_TOTP_KEY) for user in users]
    )
    TOTPDevice.objects.filter(user__email__endswith="@bench.example").update(key=BENCH_TOTP_KEY, last_t=-1, drift=0)
    return BENCH_TOTP_KEY


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(args: argparse.Namespace, port: int, env: dict) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "coproduction.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(args.workers), "--worker-class", "sync", "--timeout", "60", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped while starting")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/live", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise RuntimeError("gunicorn did not answer /health/live within 60 s")


def run_step(users: int, args: argparse.Namespace, port: int, fixture: Path, out: Path, env: dict) -> dict:
    """One headless locust run: users start and sign in during the ramp-up; the requests of
    the --step-seconds after it are measured (signing in is counted apart)."""
    prefix = out / f"step-{users}"
    # Signing in is slow on purpose (Argon2), so allow for it before measuring.
    warm_up = users / args.spawn_rate + 15
    summary = Path(f"{prefix}.json")
    summary.unlink(missing_ok=True)
    log = open(f"{prefix}.log", "w")
    subprocess.run(
        [sys.executable, "-m", "locust", "-f", str(ROOT / "benchmarks" / "locustfile.py"), "--headless",
         "--host", f"http://127.0.0.1:{port}", "--users", str(users), "--spawn-rate", str(args.spawn_rate),
         "--run-time", f"{int(warm_up + args.step_seconds)}s", "--csv", str(prefix),
         "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "10"],
        cwd=ROOT, check=False, stdout=log, stderr=subprocess.STDOUT,
        env={**env, "LOAD_FIXTURE": str(fixture), "LOAD_SUMMARY": str(summary), "LOAD_MEASURE_AFTER": str(warm_up)},
    )
    log.close()
    if not summary.exists():
        raise RuntimeError(f"locust stopped without a summary; see {prefix}.log")
    result = json.loads(summary.read_text())
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    attempted = result["all_requests"]
    return {
        **result,
        "users": users,
        "error_rate": len(result["errors"]) / attempted if attempted else 0.0,
        # Per page over the whole run, from locust's own table.
        "slowest": sorted(
            ((name, float(row["95%"])) for name, row in rows.items() if name not in ("Aggregated", "sign in", "two-factor code", "sign in (form)")),
            key=lambda r: -r[1],
        )[:3],
    }


def main() -> None:
    args = parse_args()
    steps = [int(value) for value in args.users.split(",") if value.strip()]
    import run

    run.use_bench_database()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduction.settings")
    os.environ["DEBUG"] = "false"
    os.environ["REQUIRE_STAFF_MFA"] = "true"
    os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="coproduction-load-static-"))
    port = args.port or free_port()
    # As behind the council's TLS proxy: the proxy says the request came over HTTPS.
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1"
    os.environ["TRUST_PROXY_SSL_HEADER"] = "true"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    started = time.perf_counter()
    data = prepare_data(args, max(steps))
    print(f"Data ready in {time.perf_counter() - started:.0f} s; machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    out = Path(args.out or tempfile.mkdtemp(prefix="coproduction-load-"))
    out.mkdir(parents=True, exist_ok=True)
    fixture = out / "fixture.json"
    fixture.write_text(json.dumps(data))
    from django.db import connections

    connections.close_all()
    env = {**os.environ}
    server = start_gunicorn(args, port, env)
    results = []
    try:
        for users in steps:
            result = run_step(users, args, port, fixture, out, env)
            results.append(result)
            print(
                f"{users:>5} users: {result['rps']:7.1f} req/s  p50 {result['p50']:6.0f} ms  p95 {result['p95']:6.0f} ms  "
                f"p99 {result['p99']:6.0f} ms  errors {len(result['errors'])} ({result['error_rate']:.2%})  "
                f"sign-in p95 {result['sign_in_p95']:5.0f} ms  "
                f"load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
            if result["p95"] > 3 * args.p95_target:
                break  # well past the knee: more users only queue up
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    print(f"\n{'users':>5} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>8}  slowest p95")
    for r in results:
        slowest = ", ".join(f"{name} {p95:.0f}" for name, p95 in r["slowest"])
        print(f"{r['users']:>5} {r['rps']:>8.1f} {r['p50']:>7.0f} {r['p95']:>7.0f} {r['p99']:>7.0f} {r['error_rate']:>8.2%}  {slowest}")
    for r in results:
        for error in sorted(set(r["errors"]))[:5]:
            print(f"  {r['users']} users: {error}")
    good = [r for r in results if r["p95"] < args.p95_target and not r["errors"]]
    if good:
        best = max(good, key=lambda r: r["rps"])
        print(f"\nHighest rate with p95 under {args.p95_target:.0f} ms and no errors: {best['rps']:.1f} req/s at {best['users']} users")
    else:
        print(f"\nNo step kept p95 under {args.p95_target:.0f} ms with no errors")
    print(f"Locust's own tables and logs: {out}")
    if any(r["errors"] for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
