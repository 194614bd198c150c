"""Apply the retention schedule now, or (--dry-run) show what would go without changing anything."""

from django.conf import settings
from django.core.management.base import BaseCommand

from coproduction.governance.models import RetentionRun
from coproduction.governance.retention.services import retention_apply, retention_dry_run


class Command(BaseCommand):
    help = "Anonymise or delete the records the retention schedule makes due (counts only are printed)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Show how many records are due; change nothing.")

    def handle(self, *args, dry_run: bool = False, **options):
        schedule = settings.RETENTION_SCHEDULE
        if dry_run:
            counts = retention_dry_run()
            self.stdout.write("Due now (nothing changed):")
        else:
            run = retention_apply(trigger=RetentionRun.Trigger.COMMAND)
            if run is None:
                self.stderr.write("Another retention run is in progress; nothing done.")
                return
            counts = run.counts
            self.stdout.write(f"Retention run {run.pk} finished:")
        for record_type, count in counts.items():
            entry = schedule[record_type]
            verb = "anonymised" if entry["action"] == "anonymise" else "deleted"
            if dry_run:
                verb = f"to be {verb}"
            self.stdout.write(f"  {entry['label']}: {count} {verb}")
