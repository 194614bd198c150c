"""The asset map at council scale (not part of the test suite).

Seeds 20,000 published assets spread over about 50 km around Kendal, each with weekly opening
times (bulk SQL inserts: seconds), then prints the search page's median and p95 server time and
query count through the Django test client, beside the trivial page, as benchmarks/run.py does:
near a postcode with three filters (the headline figure), plus the whole list, "open now", and
a text search.

    .venv/bin/python -m coproduction.devservers exec -- .venv/bin/python benchmarks/assets.py
    (the same database as `make bench`; --database NAME for another, --reseed to seed again)
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

ADDER = "assets-adder@bench.example"
TARGET_MS, TARGET_TIMES_TRIVIAL = 25, 10
BENCH_TAG = "bench-seeded"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--assets", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=30, help="requests per page")
    parser.add_argument("--database", default="coproduction_bench")
    parser.add_argument("--reseed", action="store_true", help="seed the assets again")
    return parser.parse_args()


def seed_assets(args: argparse.Namespace) -> None:
    """--assets published assets with every kind, cost and accessibility mix, coordinates within
    about 25 km of Kendal, weekday opening times, and the demo town's postcodes and places."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection

    from commissioning.assets.demo import load_demo_places
    from commissioning.assets.models import Asset
    from coproduction.accounts.models import User

    seeded = Asset.objects.filter(tags__contains=[BENCH_TAG])
    if seeded.exists() and not args.reseed:
        return
    seeded.delete()
    started = time.perf_counter()
    load_demo_places()
    adder, _ = User.objects.get_or_create(
        email=ADDER, defaults={"full_name": "Asset Adder", "roles": ["commissioner"], "password": make_password("bench-password-1")},
    )
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO assets_asset (name, name_key, category, description, age_groups, needs, communities, contact_name, phone,
                email, website, opening_notes, cost, cost_details, step_free, hearing_loop, quiet_space, bsl, languages,
                accessibility_notes, address, postcode, uprn, latitude, longitude, no_fixed_place, online, tags,
                responsible_name, responsible_is_private, consent_to_publish, status, added_by_id, added_at, updated_at,
                published_at, last_checked_on)
            SELECT 'Bench asset ' || n, 'benchasset' || n,
                   (ARRAY['individual','association','institution','physical','economic','cultural'])[1 + n %% 6],
                   'A local asset that helps people live well, number ' || n || '.',
                   ARRAY[(ARRAY['children','young_people','adults','older_people','families'])[1 + n %% 5]],
                   CASE WHEN n %% 3 = 0 THEN ARRAY['carers'] ELSE ARRAY[]::varchar[] END, '', '', '01539 000000',
                   '', '', '', (ARRAY['free','low_cost','paid'])[1 + (n / 7) %% 3], '',
                   n %% 5 <> 0, n %% 4 = 0, n %% 6 = 0, n %% 11 = 0, ARRAY[]::varchar[], '', 'Bench Street', 'LA9 4DL', '',
                   54.328 + ((n * 7919) %% 45000 - 22500) / 100000.0,
                   -2.746 + ((n * 104729) %% 70000 - 35000) / 100000.0,
                   false, n %% 17 = 0, ARRAY[%s], '', false, false, 'published', %s, now(), now(), now(), current_date
            FROM generate_series(1, %s) n
            """,
            [BENCH_TAG, adder.pk, args.assets],
        )
        cursor.execute(
            """
            INSERT INTO assets_openingtime (asset_id, weekday, opens, closes)
            SELECT a.id, d, time '09:00' + ((a.id %% 3) || ' hours')::interval, time '16:00' + ((a.id %% 4) || ' hours')::interval
            FROM assets_asset a CROSS JOIN generate_series(0, 4) d WHERE a.tags @> ARRAY[%s]::varchar[]
            """,
            [BENCH_TAG],
        )
    vacuum_analyze("assets_asset", "assets_openingtime", "assets_place")
    print(f"Seeded {args.assets:,} assets with weekday opening times in {time.perf_counter() - started:.1f} s")


def vacuum_analyze(*tables: str) -> None:
    """What autovacuum does soon after a bulk load on a running service: the planner's figures,
    and the visibility map that lets a count read an index alone."""
    from django.db import connection

    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"VACUUM ANALYZE {table}")


@contextlib.contextmanager
def public_share(every: int):
    """Only every `every`th bench asset published for a while (the rest closed): the same pages
    at a fraction of the data."""
    from django.db import connection

    def set_status(status: str, where: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE assets_asset SET status = %s WHERE tags @> ARRAY[%s]::varchar[] AND {where}", [status, BENCH_TAG, every])
        vacuum_analyze("assets_asset")

    set_status("closed", "abs(hashtext(id::text)) %% %s <> 0")  # a spread like the whole, whatever the filters
    try:
        yield
    finally:
        set_status("published", "status = 'closed' AND %s > 0")


def time_pages(args: argparse.Namespace) -> list:
    from django.test import Client
    from run import signed_in_client, timed

    from commissioning.assets.models import Asset

    anonymous = Client()
    search = "/commissioning/assets/?"
    near = urlencode({"near": "LA9 4DL", "within": "2", "cost": ["free", "low_cost"], "access": "step_free",
                      "category": ["association", "institution", "physical"]}, doseq=True)
    return [
        ("Trivial page, signed out", *timed(anonymous, "get", "/accessibility/", args.repeats)),
        ("Search near a postcode, 3 filters", *timed(anonymous, "get", search + near, args.repeats)),
        ("Search near a place name, 3 filters", *timed(anonymous, "get", search + near.replace("LA9+4DL", "Market+Place"), args.repeats)),
        ("Search near, 3 filters, open now", *timed(anonymous, "get", search + near + "&open_now=on", args.repeats)),
        ("Search near, 3 filters (htmx results)", *timed(anonymous, "get", search + near, args.repeats, headers={"HX-Request": "true"})),
        ("All assets, first page", *timed(anonymous, "get", search, args.repeats)),
        ("All assets, page 40", *timed(anonymous, "get", search + "page=40", args.repeats)),
        ("Text search 'asset 1999'", *timed(anonymous, "get", search + "q=asset+1999", args.repeats)),
        ("An asset's page", *timed(anonymous, "get", f"/commissioning/assets/{Asset.objects.order_by('-pk').values_list('pk', flat=True).first()}/", args.repeats)),
        ("Review list (commissioner)", *timed(signed_in_client(ADDER), "get", "/commissioning/assets/review/", args.repeats)),
    ]


def bench_assets(args: argparse.Namespace) -> None:
    from run import print_against_targets, print_growth

    from commissioning.assets.models import Asset

    vacuum_analyze("assets_asset", "assets_openingtime")
    with public_share(10):
        small = time_pages(args)
    total = Asset.objects.filter(status__in=Asset.PUBLIC_STATUSES).count()
    print(f"\nAsset map: {total:,} published assets")
    rows = time_pages(args)
    # The targets: each search page under 25 ms and within 10 times the signed-out trivial page.
    print_against_targets(rows, trivial=rows[0][1], under_ms=TARGET_MS, times_trivial=TARGET_TIMES_TRIVIAL, targeted=range(1, 8))
    print_growth(f"Asset map at {total // 10:,} and {total:,} assets", small, rows)


def bench_from_run(args: argparse.Namespace) -> None:
    """For `make bench` (benchmarks/run.py), on its database, with its repeats."""
    asset_args = argparse.Namespace(assets=20_000, repeats=args.repeats, reseed=args.reseed)
    seed_assets(asset_args)
    bench_assets(asset_args)


def main() -> None:
    args = parse_args()
    import run

    run.standalone(args.database)
    seed_assets(args)
    bench_assets(args)


if __name__ == "__main__":
    main()
