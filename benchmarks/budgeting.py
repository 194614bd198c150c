"""Participatory budgeting at council scale (not part of the test suite).

Seeds a round with 100,000 ballots over 60 ideas (bulk SQL inserts: seconds), closes the
vote and counts it, then prints the results page's median and p95 server time through the
Django test client, beside the signed-in trivial page, as benchmarks/run.py does; and, signed
out, the public results page and the programme's "You said, we did" page. Also times the
count, by votes and by the Method of Equal Shares (what the background job does).

    .venv/bin/python -m coproduction.devservers exec -- .venv/bin/python benchmarks/budgeting.py
    (the same database as `make bench`; --database NAME for another, --reseed to seed again)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

ROUND_TITLE = "Bench: community chest (100,000 ballots)"
MEMBER = "pb-member@bench.example"
ORGANISER = "pb-organiser@bench.example"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ballots", type=int, default=100_000)
    parser.add_argument("--proposals", type=int, default=60)
    parser.add_argument("--repeats", type=int, default=30, help="requests per page")
    parser.add_argument("--database", default="coproduction_bench")
    parser.add_argument("--reseed", action="store_true", help="seed the budgeting round again")
    return parser.parse_args()


def seed_budgeting(args: argparse.Namespace) -> None:
    """A programme, a member, and a round open for voting with --ballots paper ballots, each
    with its code and turnout row: between one and five ideas each, popular ideas more often."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection

    from commissioning.budgeting import services
    from commissioning.budgeting.models import Round
    from commissioning.models import MemberRole
    from commissioning.services import programme_create
    from coproduction.accounts.models import User

    old = Round.objects.filter(title=ROUND_TITLE)
    if old.exists() and not args.reseed:
        return
    for round_ in old:
        programme = round_.programme
        programme.delete()
    started = time.perf_counter()
    password = make_password("bench-password-1")
    organiser, _ = User.objects.get_or_create(email=ORGANISER, defaults={"full_name": "PB Organiser", "roles": ["commissioner"], "password": password})
    member, _ = User.objects.get_or_create(email=MEMBER, defaults={"full_name": "PB Member", "roles": ["person"], "password": password})
    # Public, so its published results and "You said, we did" page are timed signed out too.
    programme = programme_create(lead=organiser, title="Bench: day opportunities", summary="Bench data.", visibility="public")
    programme.members.create(user=member, member_role=MemberRole.LIVED_EXPERIENCE)
    data = {
        "title": ROUND_TITLE, "description": "Bench data.", "eligibility": Round.Eligibility.RESIDENTS,
        "ballot_rule": Round.BallotRule.KNAPSACK, "min_spend_percent": 0, "min_choices": 1, "max_choices": 3,
        "points_total": 10, "points_per_idea": 5, "method": Round.Method.GREEDY,
    }
    round_ = services.round_create(programme=programme, by=organiser, data=data, pot_name="Whole borough", pot_amount=500_000)
    pot = round_.pots.get()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO budgeting_proposal (round_id, pot_id, title, description, easy_read, cost, proposed_by_id, created_at,
                feasibility, feasibility_reason, reviewed_at)
            SELECT %s, %s, 'Idea ' || n, 'An idea for day opportunities, number ' || n || '.', '', 5000 + (n * 7919) %% 45000,
                   %s, now(), 'feasible', '', now()
            FROM generate_series(1, %s) n
            """,
            [round_.pk, pot.pk, member.pk, args.proposals],
        )
        cursor.execute(
            """
            INSERT INTO budgeting_votingcode (round_id, digest, serial, created_at, used_on_paper)
            SELECT %s, md5(%s || ':' || n) || md5(n::text), n, now(), true FROM generate_series(1, %s) n
            """,
            [round_.pk, str(round_.pk), args.ballots],
        )
        cursor.execute(
            "INSERT INTO budgeting_voter (pot_id, code_id, via, voted_on) SELECT %s, id, 'paper', current_date FROM budgeting_votingcode WHERE round_id = %s",
            [pot.pk, round_.pk],
        )
        cursor.execute("INSERT INTO budgeting_ballot (id, pot_id) SELECT gen_random_uuid(), %s FROM generate_series(1, %s)", [pot.pk, args.ballots])
        # Picks at distinct offsets (so never the same idea twice on a ballot); the first pick
        # leans towards the first ideas, so some are clearly more popular.
        cursor.execute(
            """
            WITH b AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM budgeting_ballot WHERE pot_id = %s),
                 p AS (SELECT array_agg(id ORDER BY id) AS ids, count(*) AS c FROM budgeting_proposal WHERE round_id = %s),
                 o AS (SELECT k, (ARRAY[0, 7, 19, 31, 43])[k] AS offset_by FROM generate_series(1, 5) k)
            INSERT INTO budgeting_ballotchoice (ballot_id, proposal_id, points)
            SELECT b.id, p.ids[1 + ((floor(p.c * power(((b.n * 2654435761) %% 1000) / 1000.0, 2))::int + o.offset_by) %% p.c)], 1
            FROM b CROSS JOIN p JOIN o ON o.k <= 1 + (b.n %% 5)
            """,
            [pot.pk, round_.pk],
        )
        cursor.execute("ANALYZE budgeting_ballot; ANALYZE budgeting_ballotchoice; ANALYZE budgeting_voter; ANALYZE budgeting_proposal")
    Round.objects.filter(pk=round_.pk).update(phase=Round.Phase.VOTING)
    print(f"Seeded {args.ballots:,} ballots over {args.proposals} ideas in {time.perf_counter() - started:.1f} s")


def results_counted_and_published(round_) -> float | None:
    """Close the round's vote, count it by votes and publish the results, unless that is done:
    the seconds closing and counting took."""
    from commissioning.budgeting import services
    from commissioning.budgeting.models import Round
    from coproduction.accounts.models import User

    if round_.phase != Round.Phase.VOTING:
        return None
    organiser = User.objects.get(email=ORGANISER)
    started = time.perf_counter()
    services.round_move_on(round_=round_, by=organiser)  # wipes the keys and counts by votes
    seconds = time.perf_counter() - started
    services.results_publish(round_=round_, by=organiser)
    return seconds


def bench_budgeting(args: argparse.Namespace) -> None:
    from django.db import connection
    from run import signed_in_client, timed

    from commissioning.budgeting import services
    from commissioning.budgeting.models import BallotChoice, Count, Result, Round
    from coproduction.accounts.models import User

    round_ = Round.objects.get(title=ROUND_TITLE)
    organiser = User.objects.get(email=ORGANISER)
    choices = BallotChoice.objects.filter(ballot__pot__round=round_).count()
    print(f"\nParticipatory budgeting: {args.proposals} ideas, {args.ballots:,} ballots, {choices:,} choices")
    seconds = results_counted_and_published(round_)
    if seconds is not None:
        print(f"Close the vote and count by votes (SQL): {seconds:.2f} s")
    # The Equal Shares count, as the background job runs it (the page's own rows are restored after).
    round_.method = Round.Method.EQUAL_SHARES
    round_.save(update_fields=["method"])
    count = Count.objects.get(round=round_)
    saved = list(Result.objects.filter(round=round_).values("proposal_id", "funded"))
    times = []
    for _ in range(3):
        Count.objects.filter(pk=count.pk).update(status=Count.Status.QUEUED)
        count.refresh_from_db()
        started = time.perf_counter()
        services.count_run(count=count)
        times.append(time.perf_counter() - started)
    funded = Result.objects.filter(round=round_, funded=True).count()
    print(f"Count with the Method of Equal Shares (background job): median {statistics.median(times):.2f} s, {funded} ideas funded")
    round_.method = Round.Method.GREEDY
    round_.save(update_fields=["method"])
    for row in saved:
        Result.objects.filter(round=round_, proposal_id=row["proposal_id"]).update(funded=row["funded"])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE budgeting_result")

    # Progress on each funded idea, with a few updates each, for "You said, we did".
    from commissioning.models import Decision, DeliveryStatus, DeliveryUpdate, Programme

    Programme.objects.filter(pk=round_.programme_id).update(visibility=Programme.Visibility.PUBLIC)
    decisions = list(Decision.objects.filter(programme_id=round_.programme_id))
    if not DeliveryUpdate.objects.filter(decision__in=decisions).exists():
        Decision.objects.filter(pk__in=[d.pk for d in decisions]).update(delivery_status=DeliveryStatus.IN_PROGRESS, delivery_percent=50)
        DeliveryUpdate.objects.bulk_create(
            DeliveryUpdate(decision=decision, update=f"Bench news {n}.", evidence="Bench evidence.", status=DeliveryStatus.IN_PROGRESS, recorded_by=organiser)
            for decision in decisions for n in range(3)
        )

    from django.test import Client

    client = signed_in_client(MEMBER)
    anyone = Client()
    base = f"/commissioning/programmes/{round_.programme_id}/budgeting/{round_.pk}/"
    rows = [
        ("Trivial page, signed in (member)", *timed(client, "get", "/accessibility/", args.repeats)),
        ("PB results page (100,000 ballots)", *timed(client, "get", base + "results/", args.repeats)),
        ("PB ideas list (first page)", *timed(client, "get", base + "ideas/", args.repeats)),
        ("PB round page", *timed(client, "get", base, args.repeats)),
        ("PB results spreadsheet (CSV)", *timed(client, "get", base + "results.csv", args.repeats)),
        ("PB public results (signed out)", *timed(anyone, "get", base + "results/public/", args.repeats)),
        (f"You said, we did ({len(decisions)} decisions, signed out)",
         *timed(anyone, "get", f"/commissioning/programmes/{round_.programme_id}/you-said-we-did/", args.repeats)),
    ]
    trivial = rows[0][1]
    print(f"\n{'Page':<42} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'x trivial':>10} status")
    for label, median, p95, queries, status in rows:
        print(f"{label:<42} {median:>10.2f} {p95:>8.2f} {queries:>8} {median / trivial:>10.1f} {status}")


def main() -> None:
    args = parse_args()
    import run

    run.standalone(args.database)
    seed_budgeting(args)
    bench_budgeting(args)


if __name__ == "__main__":
    main()
