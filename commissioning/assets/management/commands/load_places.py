"""Load postcodes and place names with their coordinates, for "near" searches on the asset map.

Takes a CSV in the style of the ONS Postcode Directory (columns pcds or pcd, lat, long; extra
columns are ignored), and optionally a "place" column for place names. Without a file it loads
the demo town's places (approximate positions, for the demo only). Loading again updates rows.

    manage.py load_places ONSPD_NOV_2026_UK.csv
"""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from commissioning.assets.services import places_load

DEMO_FILE = Path(__file__).resolve().parents[2] / "data" / "demo_places.csv"


class Command(BaseCommand):
    help = "Load postcodes and place names with coordinates from an ONS Postcode Directory style CSV."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEMO_FILE))

    def handle(self, *args, path, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {file.name}")
        with file.open(newline="", encoding="utf-8-sig") as handle:
            loaded, problems = places_load(csv.DictReader(handle))
        for problem in problems[:20]:
            self.stderr.write(problem)
        if len(problems) > 20:
            self.stderr.write(f"... and {len(problems) - 20} more rows left out")
        self.stdout.write(f"Loaded {loaded} places; left out {len(problems)} rows.")
