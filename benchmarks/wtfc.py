"""Working Together for Change at council scale (not part of the test suite).

Seeds 10,000 people's finished reviews holding 50,000 statements (working, not working and
important for the future; one person in twenty said no to their reviews being used), then times
the pull (copying the statements without names into an exercise), theming them all (as the
group would, in bulk), counting and ranking the themes in SQL, and the theming board and ranked
themes pages through the Django test client, beside the signed-in trivial page, as
benchmarks/run.py does.

    .venv/bin/python -m coproduction.devservers exec -- .venv/bin/python benchmarks/wtfc.py
    (the same database as `make bench`; --database NAME for another, --reseed to seed again)
"""

from __future__ import annotations

import argparse
import datetime
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

TEAM = "Bench: WTfC adults team"
MEMBER = "wtfc-member@bench.example"
ORGANISER = "wtfc-organiser@bench.example"
FIRST = ["Alan", "Joy", "Bashir", "Carys", "Edith", "Li", "Sam", "Priya", "Tom", "Rosa", "Dev", "Maureen"]
LAST = ["Marsh", "Evans", "Rahman", "Clarke", "Wei", "Okafor", "Shah", "Patel", "Hughes", "Lindqvist"]
STATEMENTS = {
    "working": ["{name} enjoys the Tuesday art group", "My PA helps me get to the shops", "I like the staff at the centre",
                "Going swimming with friends", "I cook my own tea now", "My direct payment lets me choose"],
    "not_working": ["The minibus is always late", "Nothing to do at weekends", "Staff change too often, {name} finds it hard",
                    "I can't get there on the bus", "Nobody told me about the new rules", "The day centre is too noisy"],
    "important_future": ["A paid job", "Living in my own flat", "Seeing my friends more", "Learning to travel on my own",
                         "Going to college", "More things to do near home"],
}
TARGET_MS = 40  # each page, at 50,000 statements
THEMES = ["Transport", "Weekends", "Staff", "Work", "Housing", "Friends", "Choice", "Information", "Skills", "Activities", "Noise", "Other"]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=50_000)
    parser.add_argument("--per-person", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=30, help="requests per page")
    parser.add_argument("--database", default="coproduction_bench")
    parser.add_argument("--reseed", action="store_true", help="seed the reviews again")
    return parser.parse_args()


def seed_reviews(args: argparse.Namespace) -> None:
    from django.contrib.auth.hashers import make_password

    from careplans.models import CarePlan, Review, ReviewItem
    from coproduction.people.models import Person
    from coproduction.accounts.models import Organisation, Team, User

    team = Team.objects.filter(name=TEAM).first()
    if team is not None and not args.reseed:
        return
    started = time.perf_counter()
    if team is not None:
        ReviewItem.objects.filter(review__plan__person__team=team).delete()
        Review.objects.filter(plan__person__team=team).delete()
        CarePlan.objects.filter(person__team=team).delete()
        Person.objects.filter(team=team).delete()
    organisation, _ = Organisation.objects.get_or_create(name="Bench council", defaults={"kind": "council"})
    team, _ = Team.objects.get_or_create(name=TEAM, organisation=organisation)
    password = make_password("bench-password-1")
    worker, _ = User.objects.get_or_create(email="wtfc-practitioner@bench.example", defaults={"full_name": "WTfC Practitioner", "roles": ["practitioner"], "password": password})
    User.objects.get_or_create(email=ORGANISER, defaults={"full_name": "WTfC Organiser", "roles": ["commissioner"], "password": password})
    User.objects.get_or_create(email=MEMBER, defaults={"full_name": "WTfC Member", "roles": ["person"], "password": password})
    rng = random.Random(2027)
    count = args.statements // args.per_person
    people = Person.objects.bulk_create(
        Person(full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}", team=team, review_statements_opt_out=n % 20 == 0)
        for n in range(count)
    )
    plans = CarePlan.objects.bulk_create(CarePlan(person=person, version=1, status="agreed", created_by=worker) for person in people)
    finished = datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC)
    reviews = Review.objects.bulk_create(
        Review(plan=plan, held_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 360), finished_at=finished, created_by=worker)
        for n, plan in enumerate(plans)
    )
    kinds = list(STATEMENTS)
    items = []
    for review, person in zip(reviews, people, strict=True):
        first = person.full_name.split()[0]
        for k in range(args.per_person):
            kind = kinds[k % 3]
            items.append(ReviewItem(review=review, kind=kind, perspective="person", text=rng.choice(STATEMENTS[kind]).format(name=first)))
    ReviewItem.objects.bulk_create(items, batch_size=5000)
    print(f"Seeded {len(items):,} review statements from {count:,} people in {time.perf_counter() - started:.1f} s")


def bench_wtfc(args: argparse.Namespace) -> None:
    from assets import vacuum_analyze
    from django.db import connection
    from run import print_against_targets, print_growth, signed_in_client

    from commissioning.coassessment import selectors, wtfc_services
    from commissioning.coassessment.models import WtfcExercise, WtfcStatement, WtfcTheme
    from commissioning.models import MemberRole, Programme
    from commissioning.services import programme_create
    from coproduction.accounts.models import Team, User

    organiser, member = User.objects.get(email=ORGANISER), User.objects.get(email=MEMBER)
    team = Team.objects.get(name=TEAM)
    Programme.objects.filter(title="Bench: WTfC").delete()
    programme = programme_create(lead=organiser, title="Bench: WTfC", summary="Bench data.")
    programme.members.create(user=member, member_role=MemberRole.LIVED_EXPERIENCE)

    started = time.perf_counter()
    exercise = wtfc_services.wtfc_exercise_create(
        programme=programme, by=organiser, title="Bench: reviews from 2026", teams=[team],
        reviews_from=datetime.date(2026, 1, 1), reviews_to=datetime.date(2026, 12, 31),
    )
    pull = time.perf_counter() - started
    print(f"\nWorking Together for Change: {exercise.statement_count:,} statements from {exercise.people_count:,} people (people who said no left out)")
    print(f"Pull without names (copy, scrub names, shuffle): {pull:.2f} s")
    # The group's theming, in bulk: statements spread over the themes by their text.
    themes = WtfcTheme.objects.bulk_create(WtfcTheme(exercise=exercise, name=name) for name in THEMES)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE coassessment_wtfcstatement SET theme_id = (%s::int[])[1 + abs(hashtext(text)) %% %s] WHERE exercise_id = %s",
            [[theme.pk for theme in themes], len(themes), exercise.pk],
        )
    print(f"Put every statement in one of {len(themes)} themes (SQL): {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    wtfc_services.wtfc_counts_rebuild(exercise=exercise)  # moving them one by one keeps the counts; in bulk, count again
    print(f"Count the themes again after theming in bulk: {time.perf_counter() - started:.2f} s")
    times = []
    for _ in range(5):
        started = time.perf_counter()
        ranked = selectors.wtfc_theme_counts(exercise=exercise)
        times.append(time.perf_counter() - started)
    top = ranked[0]
    print(f"Count and rank the themes (SQL): median {statistics.median(times) * 1000:.1f} ms; top theme “{top.name}”, {top.people:,} people, {top.statement_total:,} statements")
    WtfcStatement.objects.filter(exercise=exercise, pk__in=WtfcStatement.objects.filter(exercise=exercise).values("pk")[:2000]).update(theme=None)
    wtfc_services.wtfc_counts_rebuild(exercise=exercise)
    vacuum_analyze("coassessment_wtfcstatement", "coassessment_wtfctheme")
    # One statement moved as the group moves them, through the service that keeps the counts.
    moving = WtfcStatement.objects.filter(exercise=exercise, theme__isnull=True).first()
    times = []
    for theme in themes[:10]:
        started = time.perf_counter()
        wtfc_services.wtfc_statement_move(statement=moving, theme=theme)
        times.append(time.perf_counter() - started)
    print(f"Move a statement into a theme, keeping the counts: median {statistics.median(times) * 1000:.1f} ms")

    client = signed_in_client(MEMBER)
    rows = time_pages(client, exercise, top, args.repeats)
    print_against_targets(rows, trivial=rows[0][1], under_ms=TARGET_MS, targeted=range(1, 4))
    # The same pages for an exercise of about a tenth of the statements: reviews from five weeks.
    small = wtfc_services.wtfc_exercise_create(
        programme=programme, by=organiser, title="Bench: reviews from five weeks", teams=[team],
        reviews_from=datetime.date(2026, 1, 1), reviews_to=datetime.date(2026, 2, 5),
    )
    small_themes = WtfcTheme.objects.bulk_create(WtfcTheme(exercise=small, name=name) for name in THEMES)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE coassessment_wtfcstatement SET theme_id = (%s::int[])[1 + abs(hashtext(text)) %% %s] WHERE exercise_id = %s",
            [[theme.pk for theme in small_themes], len(small_themes), small.pk],
        )
    WtfcStatement.objects.filter(exercise=small, pk__in=WtfcStatement.objects.filter(exercise=small).values("pk")[:200]).update(theme=None)
    wtfc_services.wtfc_counts_rebuild(exercise=small)
    vacuum_analyze("coassessment_wtfcstatement", "coassessment_wtfctheme")
    small_rows = time_pages(client, small, selectors.wtfc_theme_counts(exercise=small)[0], args.repeats)
    print_growth(f"WTfC at {small.statement_count:,} and {exercise.statement_count:,} statements", small_rows, rows)
    WtfcExercise.objects.filter(pk__in=[exercise.pk, small.pk]).delete()


def time_pages(client, exercise, top, repeats: int) -> list:
    from run import timed

    base = f"/commissioning/programmes/{exercise.programme_id}/review/working-together-for-change/{exercise.pk}/"
    return [
        ("Trivial page, signed in (member)", *timed(client, "get", "/accessibility/", repeats)),
        (f"WTfC ranked themes ({exercise.statement_count:,} statements)", *timed(client, "get", base + "results/", repeats)),
        ("WTfC theming board (first page)", *timed(client, "get", base, repeats)),
        ("WTfC one theme's statements (page 5)", *timed(client, "get", base + f"?theme={top.pk}&page=5", repeats)),
    ]


def main() -> None:
    args = parse_args()
    import run

    run.standalone(args.database)
    seed_reviews(args)
    bench_wtfc(args)


if __name__ == "__main__":
    main()
