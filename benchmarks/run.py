"""Council-scale timings: `make bench` (not part of the test suite).

Seeds a separate database (coproduction_bench) with council-sized data, then prints, for
each key page, the median and p95 server time and the query count, beside a trivial view
served the same way; then the PDF pipeline's render time per page, and a real worker's
resident memory after 5 and after 50 renders.

    make bench BENCH_ARGS="--teams 80 --practitioners 1000 --people 25000 --audit-events 1000000 --ratings 1000000"
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = "coproduction_bench"
PARTS = ("pages", "budgeting", "commissioning", "assets", "wtfc", "caseimport", "reports", "memory")
# The PDF pipeline's targets, printed beside its figures.
TARGET_MS_A_PAGE = 120
# An Easy Read copy of a ten-section plan, pictures and all.
TARGET_EASY_READ_SECONDS = 2
TARGET_SUBJECT_ACCESS_SECONDS = 5
# The fixed cost of being signed in: the trivial page signed in takes at
# most this many times the same page signed out.
SIGNED_IN_TARGET = 2.0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--teams", type=int, default=80)
    parser.add_argument("--practitioners", type=int, default=1000)
    parser.add_argument("--people", type=int, default=25000)
    parser.add_argument("--audit-events", type=int, default=1_000_000)
    parser.add_argument("--ratings", type=int, default=1_000_000, help="checklist answers (ten per checklist)")
    parser.add_argument("--pb-ballots", type=int, default=100_000, help="ballots in the participatory budgeting round")
    parser.add_argument("--pb-proposals", type=int, default=60, help="ideas on that round's ballot")
    parser.add_argument("--repeats", type=int, default=30, help="requests per page")
    parser.add_argument("--renders", type=int, default=50, help="reports rendered for the memory check")
    parser.add_argument("--reseed", action="store_true", help="drop and seed the bench database again")
    parser.add_argument(
        "--only", default=",".join(PARTS), help=f"comma-separated parts to time, of: {', '.join(PARTS)} (default: all)"
    )
    args = parser.parse_args()
    args.only = {part.strip() for part in args.only.split(",") if part.strip()}
    if unknown := args.only - set(PARTS):
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    return args


def use_bench_database() -> str:
    """Point DATABASE_URL at a database of its own, so a developer's demo data is untouched."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    url = urlunsplit(parts._replace(path=f"/{BENCH_DB}"))
    os.environ["DATABASE_URL"] = url
    return url


def standalone(database: str) -> None:
    """Django on the named bench database, migrated, for a part timed on its own
    (benchmarks/assets.py, budgeting.py, caseimport.py, wtfc.py)."""
    global BENCH_DB
    parts = urlsplit(os.environ["DATABASE_URL"])
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{database}"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduction.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("REQUIRE_STAFF_MFA", "true")
    os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="coproduction-bench-static-"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from whitenoise.storage import MissingFileError

    BENCH_DB = database
    try:
        call_command("collectstatic", "--noinput", verbosity=0)
    except MissingFileError as error:  # another app's static files may be half-made; these pages do not need them
        from django.test.utils import override_settings

        print(f"Static files could not be collected ({error.__class__.__name__}): serving them unhashed")
        override_settings(STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()
    ensure_database(reseed=False)
    call_command("migrate", verbosity=0)


def ensure_database(reseed: bool) -> bool:
    """Create the bench database if missing; True when it must be seeded."""
    import psycopg
    from django.db import connection

    params = dict(connection.get_connection_params())
    params["dbname"] = "postgres"
    with psycopg.connect(**params, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DB]).fetchone()
        if exists and reseed:
            conn.execute(f'DROP DATABASE "{BENCH_DB}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
    return not exists


def seed(args: argparse.Namespace) -> None:
    """Bulk-insert in SQL (generate_series): a million rows take seconds, not hours."""
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    password = make_password("bench-password-1")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO accounts_organisation (name, kind) VALUES ('Bench Council', 'council') RETURNING id")
        council = cursor.fetchone()[0]
        cursor.execute(
            "INSERT INTO accounts_team (name, organisation_id) SELECT 'Team ' || n, %s FROM generate_series(1, %s) n",
            [council, args.teams],
        )
        user_insert = """
            INSERT INTO accounts_user (password, is_superuser, email, full_name, preferred_name, organisation_id,
                                       roles, is_active, date_joined, session_generation)
            SELECT %s, false, %s || n || '@bench.example', %s || n, '', %s, %s::varchar[], true, now(), 0
            FROM generate_series(1, %s) n
        """
        cursor.execute(user_insert, [password, "practitioner", "Practitioner ", council, "{practitioner}", args.practitioners])
        cursor.execute(user_insert, [password, "person", "Person ", None, "{person}", args.people])
        managers = args.teams
        cursor.execute(user_insert, [password, "manager", "Manager ", council, "{team_manager}", managers])
        cursor.execute(user_insert, [password, "admin", "Administrator ", council, "{administrator}", 5])
        cursor.execute(user_insert, [password, "commissioner", "Commissioner ", council, "{commissioner}", 20])
        cursor.execute(user_insert, [password, "head", "Head of service ", council, "{head_of_service}", 2])
        # Practitioners spread over the teams; each manager manages one team.
        cursor.execute(
            """
            INSERT INTO accounts_teammembership (user_id, team_id, is_manager)
            SELECT u.id, t.ids[1 + (row_number() OVER (ORDER BY u.id) % array_length(t.ids, 1))], false
            FROM accounts_user u, (SELECT array_agg(id ORDER BY id) ids FROM accounts_team) t
            WHERE u.roles = '{practitioner}'
            """
        )
        cursor.execute(
            """
            INSERT INTO accounts_teammembership (user_id, team_id, is_manager)
            SELECT u.id, t.ids[1 + (row_number() OVER (ORDER BY u.id) % array_length(t.ids, 1))], true
            FROM accounts_user u, (SELECT array_agg(id ORDER BY id) ids FROM accounts_team) t
            WHERE u.roles = '{team_manager}'
            """
        )
        # Practitioners reading people's records: the audit trail at council scale.
        cursor.execute(
            """
            WITH p AS (SELECT array_agg(id) ids FROM accounts_user WHERE roles = '{practitioner}'),
                 s AS (SELECT array_agg(id) ids FROM accounts_user WHERE roles = '{person}'),
                 ct AS (SELECT id FROM django_content_type WHERE app_label = 'accounts' AND model = 'user')
            INSERT INTO audit_auditevent (at, actor_id, action, target_type_id, target_id, subject_id, ip_address, detail)
            SELECT now() - (n || ' seconds')::interval,
                   p.ids[1 + n %% array_length(p.ids, 1)], 'view', ct.id,
                   s.ids[1 + n %% array_length(s.ids, 1)]::text, s.ids[1 + n %% array_length(s.ids, 1)],
                   '192.0.2.1', ''
            FROM generate_series(1, %s) n, p, s, ct
            """,
            [args.audit_events],
        )
        cursor.execute("ANALYZE")
    print(f"Seeded in {time.perf_counter() - started:.1f} s")


PLAN_CONTENT = """{"sections": {
  "goals": {"status": "completed", "fields": {"goals": {"text": "Get back to my allotment and see my grandson on Saturdays", "whose": "person"}}},
  "important": {"status": "completed", "fields": {"enjoy": {"text": "Gardening, the radio, a proper cup of tea", "whose": "person"}}},
  "outcomes": {"status": "completed", "lists": {"outcomes": [{"id": "o1", "outcome": "Back at the allotment", "whose": "person"}]}},
  "budget": {"status": "completed", "fields": {"management": "direct_payment"}, "lists": {"items": [{"id": "b1", "what": "Personal assistant", "weekly": "126.00", "whose": "practitioner"}]}},
  "agreement": {"status": "completed", "fields": {"copy_how": "in_person", "copy_format": "standard", "review_date": "2027-01-01"}}}}"""


def seed_careplans() -> None:
    """A record and an agreed plan for every person, on practitioners' caseloads in their teams."""
    from django.db import connection

    from coproduction.people.models import Person

    started = time.perf_counter()
    with connection.cursor() as cursor:
        if not Person.objects.exists():
            cursor.execute(
            """
            WITH p AS (SELECT m.user_id, m.team_id, row_number() OVER (ORDER BY m.user_id) - 1 AS i
                       FROM accounts_teammembership m JOIN accounts_user u ON u.id = m.user_id
                       WHERE u.roles = '{practitioner}'),
                 c AS (SELECT count(*) AS n FROM p),
                 s AS (SELECT id, full_name, row_number() OVER (ORDER BY id) - 1 AS i
                       FROM accounts_user WHERE roles = '{person}')
            INSERT INTO careplans_person (user_id, full_name, preferred_name, pronouns, communication_needs,
                interpreter_language, best_time_and_place, postcode, communication_notes, capacity, capacity_assessed_by,
                team_id, practitioner_id, created_at, updated_at, review_statements_opt_out, case_system_id, nhs_number)
            SELECT s.id, s.full_name, '', '', '{}', '', '', '', '', 'not_assessed', '', p.team_id, p.user_id, now(), now(), false, '', ''
            FROM s CROSS JOIN c JOIN p ON p.i = s.i % c.n
            """
            )
        cursor.execute(
            """
            INSERT INTO careplans_careplan (person_id, version, status, content, created_by_id, created_at, updated_at,
                agreed_at, agreed_by_id, review_due, agreed_how, agreed_by_name, agreed_on, agreement_notes, best_interests_consulted)
            SELECT id, 1, 'agreed', %s::jsonb, practitioner_id, now(), now(), now(), practitioner_id,
                   current_date + ((id %% 400) - 30)::int, 'on_screen', full_name, current_date, '', ''
            FROM careplans_person
            """,
            [PLAN_CONTENT],
        )
        # One person writing a new draft of their plan with their practitioner: "My plan" with editing.
        cursor.execute(
            """
            INSERT INTO careplans_careplan (person_id, version, status, content, created_by_id, created_at, updated_at,
                agreed_how, agreed_by_name, agreement_notes, best_interests_consulted)
            SELECT p.id, 2, 'draft', %s::jsonb, p.practitioner_id, now(), now(), '', '', '', ''
            FROM careplans_person p JOIN accounts_user u ON u.id = p.user_id WHERE u.email = 'person2@bench.example'
            """,
            [PLAN_CONTENT],
        )
        cursor.execute("ANALYZE")
    print(f"Seeded care records and plans in {time.perf_counter() - started:.1f} s")


def seed_checklist(args: argparse.Namespace) -> None:
    """Checklists over the last two years, the person's and the practitioner's for each plan in
    turn, ten answers each: --ratings answers across every team."""
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            WITH s AS (SELECT id FROM checklist_statementset ORDER BY version DESC LIMIT 1),
                 pp AS (SELECT p.id AS person_id, p.team_id, p.practitioner_id, c.id AS plan_id,
                               row_number() OVER (ORDER BY p.id) - 1 AS i
                        FROM careplans_person p JOIN careplans_careplan c ON c.person_id = p.id AND c.status = 'agreed'),
                 n AS (SELECT count(*) AS n FROM pp)
            INSERT INTO checklist_checklist (statement_set_id, perspective, person_id, plan_id, practitioner_id, team_id,
                completed_with, entered_by_id, started_at, submitted_at, part)
            SELECT s.id, CASE WHEN g %% 2 = 0 THEN 'person' ELSE 'practitioner' END, pp.person_id, pp.plan_id,
                   pp.practitioner_id, pp.team_id, 'self', pp.practitioner_id,
                   now() - ((g %% 720) || ' days')::interval, now() - ((g %% 720) || ' days')::interval, 'planning'
            FROM generate_series(0, %s - 1) g CROSS JOIN s CROSS JOIN n JOIN pp ON pp.i = (g / 2) %% n.n
            """,
            [args.ratings // 10],
        )
        # Practitioners rate themselves a little higher than people do, as the guidance expects.
        cursor.execute(
            """
            INSERT INTO checklist_rating (checklist_id, statement_id, score, skipped, comment, team_id, perspective,
                submitted_on, plan_id, practitioner_id)
            SELECT c.id, st.id,
                   LEAST(5, 1 + ((c.id * 7 + st.number * 3) % 5) + CASE WHEN c.perspective = 'practitioner' THEN 1 ELSE 0 END),
                   '', CASE WHEN (c.id + st.number) % 50 = 0 THEN 'They listened to what I wanted.' ELSE '' END,
                   c.team_id, c.perspective, c.submitted_at::date, c.plan_id, c.practitioner_id
            FROM checklist_checklist c
            JOIN checklist_statement st ON st.statement_set_id = c.statement_set_id AND st.part = 'planning'
            """
        )
    from checklist.totals import totals_rebuild

    totals_rebuild()  # the running totals, as sending each checklist would have kept them
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"Seeded {args.ratings} checklist answers in {time.perf_counter() - started:.1f} s")


def timed(client, method: str, path: str, repeats: int, **kwargs) -> tuple[float, float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    kwargs["secure"] = True  # as behind the council's TLS proxy: no redirect to https
    getattr(client, method)(path, **kwargs)  # warm caches and connections
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = getattr(client, method)(path, **kwargs)
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(path, **kwargs)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    return statistics.median(times), p95, len(queries), response.status_code


def print_against_targets(rows, *, trivial: float, under_ms: float, times_trivial: float | None = None, targeted=()) -> None:
    """The rows of a part's table, each targeted row's median and p95 against its targets: under
    `under_ms`, and within `times_trivial` times the trivial page when given."""
    ratio_target = f" and {times_trivial:g}x trivial" if times_trivial else ""
    print(f"\n{'Page':<42} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'x trivial':>10} status  target: under {under_ms:g} ms{ratio_target}")
    targeted = set(targeted)
    for index, (label, median, p95, queries, status) in enumerate(rows):
        verdict = ""
        if index in targeted:
            within = median <= under_ms and (times_trivial is None or median / trivial <= times_trivial)
            verdict = ("met" if within else "MISSED") + ("" if p95 <= under_ms else " (p95 over)")
        print(f"{label:<42} {median:>10.2f} {p95:>8.2f} {queries:>8} {median / trivial:>10.1f} {status}     {verdict}")


def print_growth(label: str, small_rows, large_rows) -> None:
    """Each page's median at a tenth of the data beside the stated size: a page whose time
    grows with the data shows a ratio well over 1."""
    print(f"\n{label:<42} {'1x ms':>10} {'10x ms':>8} {'10x / 1x':>9} {'queries 1x, 10x':>16}")
    for (name, small, _, small_queries, _), (_, large, _, large_queries, _) in zip(small_rows, large_rows):
        print(f"{name:<42} {small:>10.2f} {large:>8.2f} {large / small:>9.2f} {small_queries:>8}, {large_queries}")


def timed_side_by_side(pages: list[tuple[object, str]], repeats: int) -> list[tuple[float, float, int, int, float, float]]:
    """timed() for several pages at once, their requests taken in turn, so a change in the
    machine's load during the run weighs on each page alike and their ratios hold. Each page's
    figures are the median and p95 in ms, its queries, status, the median processor time of this
    process in ms (the web process's own work, without the waits for PostgreSQL and Redis or
    for other work on the machine), and its p95 as a multiple of the first page's p95."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for client, path in pages:
        client.get(path, secure=True)  # warm caches and connections
    times: list[list[float]] = [[] for _ in pages]
    cpu: list[list[float]] = [[] for _ in pages]
    for _ in range(repeats):
        for index, (client, path) in enumerate(pages):
            started, processor = time.perf_counter(), time.process_time()
            client.get(path, secure=True)
            times[index].append((time.perf_counter() - started) * 1000)
            cpu[index].append((time.process_time() - processor) * 1000)
    results = []
    for (client, path), page_times, page_cpu in zip(pages, times, cpu):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, secure=True)
        page_times.sort()
        p95 = page_times[min(len(page_times) - 1, int(round(0.95 * len(page_times))) - 1)]
        results.append((statistics.median(page_times), p95, len(queries), response.status_code, statistics.median(page_cpu)))
    return results


def time_sign_in(repeats: int) -> tuple[float, float, int, int]:
    """A fresh client each time: a signed-in client would just be redirected."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    times, queries, status = [], 0, 0
    for _ in range(repeats):
        client = Client()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.post(
                "/accounts/login/", {"username": "person1@bench.example", "password": "bench-password-1"}, secure=True
            )
        times.append((time.perf_counter() - started) * 1000)
        queries, status = len(captured), response.status_code
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)], queries, status


def signed_in_client(email: str):
    """Signed in as the tests sign in, two-factor passed for staff."""
    from django.test import Client

    from coproduction.accounts.models import User
    from tests.harness.auth import login_as

    return login_as(Client(), User.objects.get(email=email))


# Every page within this many times the trivial page of its kind (signed in or out), p95 too.
PAGE_TARGET = 5.0


def bench_pages(args: argparse.Namespace) -> None:
    from django.test import Client

    anonymous = Client()
    signed_in = signed_in_client("person2@bench.example")
    trivial_out, trivial_in = (anonymous, "/accessibility/"), (signed_in, "/accessibility/")
    # The yardstick: a page with the full layout and middleware but no data of its own, timed
    # side by side with the bare view and with the same page signed in (the fixed cost of being
    # signed in, which the ratio below holds to its target).
    trivial = timed_side_by_side([trivial_out, (anonymous, "/health/live"), trivial_in], args.repeats)
    print(f"\n{'Page':<44} {'median ms':>9} {'p95 ms':>8} {'cpu ms':>7} {'queries':>7} {'x median':>8} {'x p95':>6} {'x cpu':>6}  target     status")
    row("Trivial page, signed out (accessibility)", trivial[0], trivial[0], None)
    row("Bare view (/health/live, no template)", trivial[1], trivial[0], None)
    row("Trivial page, signed in (person)", trivial[2], trivial[0], SIGNED_IN_TARGET)
    # Each other page is timed side by side with the trivial page of its kind, request by
    # request, and shown as a multiple of it: the machine's load weighs on both alike.
    out = timed_side_by_side([trivial_out, (anonymous, "/accounts/login/")], args.repeats)
    row("Sign-in page", out[1], out[0], PAGE_TARGET)
    sign_in = time_sign_in(max(5, args.repeats // 3))
    print(f"{'Sign in (POST; Argon2 is slow on purpose)':<44} {sign_in[0]:>9.2f} {sign_in[1]:>8.2f} {'':>7} {sign_in[2]:>7} {'':>8} {'':>6} {'':>6}  p95 under 400 ms: {'met' if sign_in[1] < 400 else 'not met'}  {sign_in[3]}")
    pages = [
        ("Home: person", "person1@bench.example", "/home/person/"),
        ("Home: practitioner", "practitioner1@bench.example", "/home/practitioner/"),
        ("Home: team manager", "manager1@bench.example", "/home/team-manager/"),
        ("Home: administrator", "admin1@bench.example", "/home/administrator/"),
        ("Home: commissioner", "commissioner1@bench.example", "/home/commissioner/"),
        ("Your data page", "person1@bench.example", "/reports/your-data/"),
        ("Manage accounts (first page)", "admin1@bench.example", "/manage/accounts/"),
        ("Caseload, practitioner (first page)", "practitioner1@bench.example", "/people/"),
        ("Caseload, team manager (first page)", "manager1@bench.example", "/people/"),
        ("My plan (person, agreed plan)", "person1@bench.example", f"/people/{_person_id('person1@bench.example')}/plan/"),
        ("My plan with editing (person, draft plan)", "person2@bench.example", f"/people/{_person_id('person2@bench.example')}/plan/"),
        ("Writing a section of my plan (person)", "person2@bench.example", f"/people/{_person_id('person2@bench.example')}/plan/sections/goals/"),
        ("Plan page, practitioner", "practitioner1@bench.example", f"/people/{_caseload_person_id('practitioner1@bench.example')}/plan/"),
        ("Person page, practitioner", "practitioner1@bench.example", f"/people/{_caseload_person_id('practitioner1@bench.example')}/"),
        ("Audit trail, manager (first page)", "manager1@bench.example", "/audit/"),
        ("Audit trail, administrator (first page)", "admin1@bench.example", "/audit/"),
        ("Team dashboard, manager (12 months)", "manager1@bench.example", "/checklist/dashboard/"),
        ("Team dashboard, manager (all time)", "manager1@bench.example", "/checklist/dashboard/?period=all"),
        ("Dashboard, head of service (every team)", "head1@bench.example", "/checklist/dashboard/"),
        ("Teams side by side, head of service", "head1@bench.example", "/checklist/teams/"),
        ("Home: head of service", "head1@bench.example", "/home/head-of-service/"),
        ("Own ratings over time, practitioner", "practitioner1@bench.example", "/checklist/reflection/"),
    ]
    within = 0
    for label, email, path in pages:
        # Signed-in pages beside the signed-in trivial page (same session and account loading).
        trivial_now, page = timed_side_by_side([trivial_in, (signed_in_client(email), path)], args.repeats)
        within += row(label, page, trivial_now, PAGE_TARGET)
    in_out = trivial[2][0] / trivial[0][0]
    print(
        f"\nSigned in / signed out, trivial page: {in_out:.2f}x median, {trivial[2][1] / trivial[0][1]:.2f}x p95, "
        f"{trivial[2][4] / trivial[0][4]:.2f}x processor ({'within' if in_out <= SIGNED_IN_TARGET else 'over'} the "
        f"{SIGNED_IN_TARGET:.0f}x target); bare view / signed out: {trivial[1][0] / trivial[0][0]:.2f}x"
    )
    print(f"Pages within {PAGE_TARGET:.0f}x the trivial page of their kind, median and p95: {within} of {len(pages) + 1}")


def row(label: str, figures: tuple, base: tuple, target: float | None) -> bool:
    """One line of the pages table: the page against the trivial page timed beside it."""
    median, p95, queries, status, cpu = figures
    ratio, ratio_p95, ratio_cpu = median / base[0], p95 / base[1], cpu / base[4]
    met = target is None or (ratio <= target and ratio_p95 <= target)
    verdict = "" if target is None else f"{target:.0f}x {'met' if met else 'NOT met'}"
    print(f"{label:<44} {median:>9.2f} {p95:>8.2f} {cpu:>7.2f} {queries:>7} {ratio:>8.1f} {ratio_p95:>6.1f} {ratio_cpu:>6.1f}  {verdict:<10} {status}")
    return met


def _person_id(email: str) -> int:
    from coproduction.people.models import Person

    return Person.objects.get(user__email=email).pk


def _caseload_person_id(email: str) -> int:
    from coproduction.people.models import Person

    return Person.objects.filter(practitioner__email=email).order_by("pk").values_list("pk", flat=True)[0]


def _processor_seconds() -> float:
    """This process's processor time and that of the programs it ran and waited for."""
    used = os.times()
    return used.user + used.system + used.children_user + used.children_system


def _render(kind: str, requested_by, subject_type: int, subject_id):
    from coproduction.reports import services
    from coproduction.reports.models import ReportJob

    job = ReportJob.objects.create(kind=kind, requested_by=requested_by, subject_type_id=subject_type, subject_id=str(subject_id))
    # Processor time beside the clock: on a machine other work shares, the clock also counts waiting.
    # The braille translator and the speech engine run as programs of their own: theirs counts too.
    started = _processor_seconds()
    services.report_job_render(job=job)
    job.cpu_seconds = _processor_seconds() - started
    job.refresh_from_db()
    if job.status != ReportJob.Status.DONE:
        raise RuntimeError(f"{job.get_kind_display()} was not made: {job.error}")
    return job


def _per_page(job) -> str:
    ms = job.render_seconds / job.page_count * 1000
    cpu_ms = job.cpu_seconds / job.page_count * 1000
    return (
        f"{job.page_count} pages in {job.render_seconds:.2f} s ({ms:.0f} ms a page, data gathering included; "
        f"processor {cpu_ms:.0f} ms a page; target at most {TARGET_MS_A_PAGE})"
    )


def _read_by_practitioner(user, times: int) -> None:
    """`times` reads of this user's records by one practitioner, in the audit trail."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO audit_auditevent (at, actor_id, action, target_type_id, target_id, subject_id, ip_address, detail)"
            " SELECT now() - n * interval '1 minute', (SELECT min(id) FROM accounts_user WHERE roles = '{practitioner}'),"
            " 'view', %s, %s, %s, '192.0.2.1', '' FROM generate_series(1, %s) n",
            [_user_type(), str(user.pk), user.pk, times],
        )


def bench_reports(args: argparse.Namespace) -> None:
    from coproduction.accounts.models import User
    from coproduction.reports.models import ReportJob

    # Loaded before the first report, as a worker process loads it when it starts.
    import weasyprint  # noqa: F401

    # Someone whose records were read 300 times: about ten pages of "your data".
    user, created = User.objects.get_or_create(
        email="tenpages@bench.example", defaults={"full_name": "Ten Pages", "roles": ["person"]}
    )
    if created:
        _read_by_practitioner(user, 300)
    print()
    busy = User.objects.get(email="practitioner1@bench.example")
    for label, who in [("a person read 300 times", user), ("a busy practitioner (1,000-row cap)", busy)]:
        job = _render(ReportJob.Kind.MY_DATA, who, _user_type(), who.pk)
        print(f"PDF pipeline, 'your data' for {label}: {_per_page(job)}")
    # A subject access request has no cap: the busy practitioner's is every row about them.
    job = _render(ReportJob.Kind.SUBJECT_ACCESS_PDF, User.objects.get(email="admin1@bench.example"), _user_type(), busy.pk)
    print(f"PDF pipeline, subject access PDF for a busy practitioner: {_per_page(job)}")
    _bench_forty_page_subject_access()
    plan = _ten_section_plan()
    for kind in (ReportJob.Kind.CARE_PLAN, ReportJob.Kind.CARE_PLAN_LARGE, ReportJob.Kind.CARE_PLAN_EASY_READ):
        job = _render(kind, plan.person.user, _plan_type(), plan.pk)
        target = f" (target under {TARGET_EASY_READ_SECONDS} s)" if kind == ReportJob.Kind.CARE_PLAN_EASY_READ else ""
        print(
            f"Plan formats, {job.get_kind_display().lower()} of a ten-section plan: {job.page_count} pages in "
            f"{job.render_seconds:.2f} s (processor {job.cpu_seconds:.2f} s){target}"
        )
    _bench_plan_formats(plan)


def _ten_section_plan():
    """An agreed plan with every one of the ten sections written (the person lacks capacity, so
    "Who was consulted" applies too) and three items in each list: the plan each format is timed on."""
    from careplans.models import CarePlan
    from careplans.sections import SECTIONS, Kind
    from coproduction.accounts.models import User
    from coproduction.people.models import Person

    words = "Said in their own words, in a sentence or two. It says what they mean, and why it matters to them."
    samples = {Kind.TEXT: words, Kind.YES_NO: "yes", Kind.DATE: "2027-01-01", Kind.MONEY: "42.50"}

    def value(field):
        return field.choices[0][0] if field.kind == Kind.CHOICE else samples[field.kind]

    content = {"sections": {
        section.key: {
            "status": "completed",
            "fields": {f.name: {"text": words, "whose": "person"} if f.kind == Kind.TEXT else value(f) for f in section.fields},
            "lists": {item_list.name: [{"id": f"i{n}", "whose": "person", **{f.name: value(f) for f in item_list.fields}} for n in range(3)]
                      for item_list in section.lists},
        }
        for section in SECTIONS
    }}
    model = Person.objects.get(user__email="person1@bench.example")
    user, _ = User.objects.get_or_create(email="tensections@bench.example", defaults={"full_name": "Ten Sections", "roles": ["person"]})
    person, _ = Person.objects.get_or_create(
        user=user, defaults={"full_name": "Ten Sections", "capacity": "lacks", "team": model.team, "practitioner": model.practitioner},
    )
    plan, _ = CarePlan.objects.update_or_create(
        person=person, version=1, defaults={"status": "agreed", "content": content, "created_by": model.practitioner},
    )
    return plan


def _bench_plan_formats(plan) -> None:
    """The braille-ready file and the audio copy of the same plan; each says so if its engine is missing."""
    from careplans.formats import AUDIO, BRAILLE, format_unavailable
    from coproduction.reports.models import ReportJob

    for kind, copy_format in ((ReportJob.Kind.CARE_PLAN_BRAILLE, BRAILLE), (ReportJob.Kind.CARE_PLAN_AUDIO, AUDIO)):
        if format_unavailable(copy_format):
            print(f"Plan formats, {ReportJob.Kind(kind).label.lower()}: not timed. {format_unavailable(copy_format)}")
            continue
        job = _render(kind, plan.person.user, _plan_type(), plan.pk)
        print(
            f"Plan formats, {job.get_kind_display().lower()} of a ten-section plan: {job.file.size / 1024:.0f} KB in "
            f"{job.render_seconds:.2f} s (processor {job.cpu_seconds:.2f} s)"
        )


def _bench_forty_page_subject_access() -> None:
    """A subject access request of about forty pages: both files, as an administrator asks for them."""
    from coproduction.accounts.models import User
    from coproduction.reports.models import ReportJob

    subject, created = User.objects.get_or_create(
        email="fortypages@bench.example", defaults={"full_name": "Forty Pages", "roles": ["person"]}
    )
    if created:
        _read_by_practitioner(subject, 700)
    admin = User.objects.get(email="admin1@bench.example")
    pdf = _render(ReportJob.Kind.SUBJECT_ACCESS_PDF, admin, _user_type(), subject.pk)
    archive = _render(ReportJob.Kind.SUBJECT_ACCESS_ZIP, admin, _user_type(), subject.pk)
    total = pdf.render_seconds + archive.render_seconds
    print(
        f"PDF pipeline, subject access export of {pdf.page_count} pages: PDF {pdf.render_seconds:.2f} s "
        f"+ ZIP {archive.render_seconds:.2f} s = {total:.2f} s (processor {pdf.cpu_seconds + archive.cpu_seconds:.2f} s; "
        f"target under {TARGET_SUBJECT_ACCESS_SECONDS} s; {pdf.render_seconds / pdf.page_count * 1000:.0f} ms a PDF page)"
    )


def _user_type() -> int:
    from django.contrib.contenttypes.models import ContentType

    from coproduction.accounts.models import User

    return ContentType.objects.get_for_model(User).pk


def _plan_type() -> int:
    from django.contrib.contenttypes.models import ContentType

    from careplans.models import CarePlan

    return ContentType.objects.get_for_model(CarePlan).pk


def bench_worker_memory(args: argparse.Namespace) -> None:
    """Run a real worker (no recycling), send it renders, read the pool child's RSS."""
    import psutil

    from coproduction.accounts.models import User
    from coproduction.reports.models import ReportJob
    from coproduction.reports.tasks import report_job_render

    user = User.objects.get(email="person1@bench.example")
    queue = f"bench-{os.getpid()}"
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "coproduction", "worker", "--concurrency=1", "--loglevel=WARNING",
         "-Q", queue, "--max-tasks-per-child=100000", "--max-memory-per-child=0"],
        cwd=ROOT, env={**os.environ, "CELERY_WORKER_MAX_MEMORY_KB": "0"},
    )
    try:
        rss = {}
        done = 0
        for target in (5, args.renders):
            jobs = [
                ReportJob.objects.create(kind=ReportJob.Kind.MY_DATA, requested_by=user, subject_type_id=_user_type(), subject_id=str(user.pk))
                for _ in range(target - done)
            ]
            for job in jobs:
                report_job_render.apply_async(args=[str(job.pk)], queue=queue)
            deadline = time.monotonic() + 600
            while ReportJob.objects.filter(pk__in=[j.pk for j in jobs], status="done").count() < len(jobs):
                if time.monotonic() > deadline:
                    raise RuntimeError("The worker did not finish the renders")
                time.sleep(0.2)
            done = target
            children = psutil.Process(worker.pid).children()
            rss[target] = children[0].memory_info().rss / 2**20
        ratio = rss[args.renders] / rss[5]
        print(f"Worker memory: {rss[5]:.0f} MB after 5 renders, {rss[args.renders]:.0f} MB after {args.renders} ({ratio:.2f}x)")
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def bench_budgeting(args: argparse.Namespace) -> None:
    """A participatory budgeting round with 100,000 ballots over 60 ideas: benchmarks/budgeting.py."""
    import budgeting as budgeting_bench

    pb_args = argparse.Namespace(
        ballots=args.pb_ballots, proposals=args.pb_proposals, repeats=args.repeats, reseed=args.reseed
    )
    budgeting_bench.seed_budgeting(pb_args)
    budgeting_bench.bench_budgeting(pb_args)


def bench_commissioning(args: argparse.Namespace) -> None:
    """200 programmes, 10,000 decisions and the 100,000-ballot round: benchmarks/programmes.py."""
    import programmes as programmes_bench

    programmes_bench.bench_from_run(args)


def bench_wtfc(args: argparse.Namespace) -> None:
    """Working Together for Change over 50,000 review statements: benchmarks/wtfc.py."""
    import wtfc as wtfc_bench

    wtfc_args = argparse.Namespace(statements=50_000, per_person=5, repeats=args.repeats, reseed=args.reseed)
    wtfc_bench.seed_reviews(wtfc_args)
    wtfc_bench.bench_wtfc(wtfc_args)


def bench_assets(args: argparse.Namespace) -> None:
    """20,000 local assets, searched near a postcode with three filters: benchmarks/assets.py."""
    import assets as assets_bench

    assets_bench.bench_from_run(args)


def bench_caseimport(args: argparse.Namespace) -> None:
    """25,000 people imported from the case system's extract: benchmarks/caseimport.py."""
    import caseimport as caseimport_bench

    caseimport_bench.bench_from_run(args)


def main() -> None:
    args = parse_args()
    use_bench_database()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduction.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("REQUIRE_STAFF_MFA", "true")
    # Production settings serve hashed static files from STATIC_ROOT, as a deployment would.
    os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="coproduction-bench-static-"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)
    if ensure_database(args.reseed):
        seed(args)
    else:
        call_command("migrate", verbosity=0)  # indexes added since the data was seeded
    from careplans.models import CarePlan

    if not CarePlan.objects.exists():
        seed_careplans()
    from checklist.models import Rating
    from coproduction.accounts.models import User as Account

    if not Account.objects.filter(email="head1@bench.example").exists():
        from django.contrib.auth.hashers import make_password

        Account.objects.create(email="head1@bench.example", full_name="Head of service 1", roles=["head_of_service"], password=make_password("bench-password-1"))
    if not Rating.objects.exists():
        seed_checklist(args)
    else:
        from checklist.models import RatingTotal
        from checklist.totals import totals_rebuild

        if not RatingTotal.objects.exists():
            totals_rebuild()  # a bench database seeded before the running totals existed
    from coproduction.accounts.models import User

    print(f"Data: {User.objects.count()} accounts, {args.teams} teams, audit entries as seeded; machine: {os.cpu_count()} cores")
    parts = {
        "pages": bench_pages, "budgeting": bench_budgeting, "commissioning": bench_commissioning, "assets": bench_assets, "wtfc": bench_wtfc, "caseimport": bench_caseimport,
        "reports": bench_reports, "memory": bench_worker_memory,
    }
    for name in PARTS:
        if name in args.only:
            parts[name](args)


if __name__ == "__main__":
    main()
