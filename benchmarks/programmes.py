"""Commissioning at council scale (not part of the test suite).

Seeds 200 programmes led by one commissioner, 10,000 decisions across them (2,000 on the
programme of the participatory budgeting round with 100,000 ballots, each with its delivery
status, and news on every tenth) and times, side by side with the trivial page signed in and
signed out, the programme overview (a member, its lead and a visitor), "You said, we did", the
decisions log, the public results of the 100,000-ballot round, the programme list and the lead's
home page. The target: each within 5 times the signed-in trivial page, its query count the same at any size
(the query budgets in the tests hold that).

    .venv/bin/python -m coproduction.devservers exec -- .venv/bin/python benchmarks/programmes.py
    (the same database as `make bench`; --database NAME for another, --reseed to seed again)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

PROGRAMME_TITLE = "Bench programme {n}"
TARGET = 5.0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--programmes", type=int, default=200)
    parser.add_argument("--decisions", type=int, default=10_000)
    parser.add_argument("--ballots", type=int, default=100_000)
    parser.add_argument("--proposals", type=int, default=60)
    parser.add_argument("--repeats", type=int, default=30, help="requests per page")
    parser.add_argument("--database", default="coproduction_bench")
    parser.add_argument("--reseed", action="store_true", help="seed the programmes and decisions again")
    return parser.parse_args()


def seed_commissioning(args: argparse.Namespace):
    """The budgeting round's programme and organiser (benchmarks/budgeting.py seeds them), then
    the other programmes, all led by the organiser, and the decisions. Returns the round."""
    import budgeting
    from django.db import connection

    from commissioning.budgeting.models import Round
    from commissioning.models import Decision, Programme
    from commissioning.services import programme_create
    from coproduction.accounts.models import User

    budgeting.seed_budgeting(argparse.Namespace(**{**vars(args), "reseed": False}))
    round_ = Round.objects.select_related("programme").get(title=budgeting.ROUND_TITLE)
    budgeting.results_counted_and_published(round_)
    organiser = User.objects.get(email=budgeting.ORGANISER)
    bench = Programme.objects.filter(title__startswith=PROGRAMME_TITLE.format(n=""))
    if bench.exists() and not args.reseed:
        return round_
    started = time.perf_counter()
    bench.delete()
    Decision.objects.filter(programme=round_.programme, title__startswith="Bench decision").delete()
    programmes = [round_.programme] + [
        programme_create(lead=organiser, title=PROGRAMME_TITLE.format(n=n), summary="Bench data.", visibility="public")
        for n in range(1, args.programmes)
    ]
    # A fifth of the decisions on the round's programme, the rest shared among the others.
    on_round = args.decisions // 5
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO commissioning_decision (programme_id, stage_id, title, decision, decided_on, decided_by, evidence,
                revision_reason, recorded_by_id, recorded_at, you_said, delivery_status, delivery_percent, stopped_reason)
            SELECT p.id, (SELECT s.id FROM commissioning_stage s WHERE s.programme_id = p.id ORDER BY s.position
                          OFFSET (n %% 6) LIMIT 1),
                   'Bench decision ' || n, 'We will do thing ' || n || '.', current_date - (n %% 900), 'The group', '', '',
                   %s, now(), 'You asked for thing ' || n || '.',
                   (ARRAY['not_started', 'in_progress', 'done', 'done'])[1 + n %% 4], CASE WHEN n %% 4 = 1 THEN 50 END, ''
            FROM generate_series(1, %s) n
            JOIN LATERAL (SELECT CASE WHEN n <= %s THEN %s ELSE (%s::int[])[1 + n %% %s] END AS id) p ON true
            """,
            [organiser.pk, args.decisions, on_round, round_.programme_id, [p.pk for p in programmes[1:]], max(1, len(programmes) - 1)],
        )
        cursor.execute(
            """
            INSERT INTO commissioning_deliveryupdate (decision_id, happened_on, update, evidence, status, recorded_by_id, recorded_at)
            SELECT id, decided_on + 30, 'News of ' || title || '.', 'Seen at the group meeting.', delivery_status, %s, now()
            FROM commissioning_decision WHERE title LIKE 'Bench decision %%' AND id %% 10 = 0
            """,
            [organiser.pk],
        )
        cursor.execute("ANALYZE commissioning_decision; ANALYZE commissioning_deliveryupdate; ANALYZE commissioning_programme")
    print(f"Seeded {len(programmes)} programmes and {Decision.objects.count():,} decisions in {time.perf_counter() - started:.1f} s")
    return round_


def bench_commissioning(args: argparse.Namespace, round_) -> None:
    import budgeting
    from django.test import Client
    from run import signed_in_client, timed_side_by_side

    from commissioning.models import Decision, Programme

    member, organiser, anyone = signed_in_client(budgeting.MEMBER), signed_in_client(budgeting.ORGANISER), Client()
    programme = f"/commissioning/programmes/{round_.programme_id}/"
    decisions = Decision.objects.filter(programme_id=round_.programme_id).count()
    pages = [
        ("Trivial page, signed out", anyone, "/accessibility/"),
        ("Trivial page, signed in (member)", member, "/accessibility/"),
        ("Programme overview (member)", member, programme),
        ("Programme overview (its lead)", organiser, programme),
        ("Programme overview (signed out)", anyone, programme),
        (f"You said, we did ({decisions:,} decisions, signed out)", anyone, programme + "you-said-we-did/"),
        ("Decisions log (member, first page)", member, programme + "decisions/"),
        ("PB public results (100,000 ballots, signed out)", anyone, f"{programme}budgeting/{round_.pk}/results/public/"),
        (f"Programmes list ({Programme.objects.count()} programmes, the lead)", organiser, "/commissioning/"),
        ("Home: the lead of every programme", organiser, "/home/commissioner/"),
    ]
    results = timed_side_by_side([(client, path) for _, client, path in pages], args.repeats)
    signed_in = results[1][0]  # the yardstick, signed-out pages too (a visitor's page does less)
    print(f"\nCommissioning: {Programme.objects.count()} programmes, {Decision.objects.count():,} decisions")
    print(f"{'Page':<52} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'x trivial':>10} status")
    over = []
    for (label, client, _path), (median, p95, queries, status) in zip(pages, results):
        ratio = median / signed_in
        if ratio > TARGET:
            over.append(label)
        print(f"{label:<52} {median:>10.2f} {p95:>8.2f} {queries:>8} {ratio:>10.1f} {status}")
    print(f"\nEvery page within {TARGET:.0f}x the signed-in trivial page" if not over
          else f"\nOver {TARGET:.0f}x the signed-in trivial page: {', '.join(over)}")


def bench_from_run(args: argparse.Namespace) -> None:
    """The part of `make bench` (benchmarks/run.py) that times commissioning."""
    commissioning_args = argparse.Namespace(
        programmes=200, decisions=10_000, ballots=args.pb_ballots, proposals=args.pb_proposals, repeats=args.repeats, reseed=False,
    )
    bench_commissioning(commissioning_args, seed_commissioning(commissioning_args))


def main() -> None:
    args = parse_args()
    import run

    run.standalone(args.database)
    bench_commissioning(args, seed_commissioning(args))


if __name__ == "__main__":
    main()
