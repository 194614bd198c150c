"""Import the council's postcode list, for residents' rounds limited to the council's area.

Takes the council's extract of the ONS Postcode Directory (a CSV with a pcds column for the
postcode and an oslaua column for the local authority code; other columns are ignored). Check
the file first with --dry-run, which saves nothing. Without a file it imports the small sample
shipped for the demo. Importing again updates rows.

    manage.py import_area_postcodes ONSPD_NOV_2026_extract.csv --area E06000064 --dry-run
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from commissioning.budgeting.services import AREA_CODE, area_postcodes_import
from coproduction.core.csv_import import FileProblem

SAMPLE_FILE = Path(__file__).resolve().parents[2] / "data" / "sample_postcodes.csv"
SHOW_PROBLEMS = 20


class Command(BaseCommand):
    help = "Import postcodes with their local authority code from an ONS Postcode Directory extract (CSV)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(SAMPLE_FILE))
        parser.add_argument("--area", action="append", default=[], help="Keep only this local authority code (may be repeated).")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and say what would be imported; save nothing.")

    def handle(self, *args, path, area, dry_run, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {file.name}")
        codes = {code.strip().upper() for code in area}
        wrong = sorted(code for code in codes if not AREA_CODE.fullmatch(code))
        if wrong:
            raise CommandError(f"Not a local authority code: {', '.join(wrong)}. Codes are a letter and 8 numbers, like E06000064")
        try:
            result = area_postcodes_import(data=file.read_bytes(), area_codes=codes or None, dry_run=dry_run)
        except FileProblem as problem:
            raise CommandError(str(problem)) from None
        for problem in result.problems[:SHOW_PROBLEMS]:
            self.stderr.write(problem)
        if len(result.problems) > SHOW_PROBLEMS:
            self.stderr.write(f"... and {len(result.problems) - SHOW_PROBLEMS} more rows left out")
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(f"{verb} {result.saved} postcodes from {result.rows} rows; left out {len(result.problems)} rows with problems.")
        if dry_run:
            self.stdout.write("Dry run: nothing was saved. Run again without --dry-run to import.")
