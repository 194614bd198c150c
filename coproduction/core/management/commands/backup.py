from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from coproduction import backup


class Command(BaseCommand):
    help = "Back up the database and the report files to a new folder under BACKUP_DIR (default .data/backups)."

    def add_arguments(self, parser):
        parser.add_argument("--to", type=Path, help="the folder to put the backup in, instead of BACKUP_DIR")

    def handle(self, *args, to=None, **options):
        try:
            result = backup.backup(target_dir=to)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Backed up {result.rows} rows in {result.tables} tables and {result.files} files.")
        self.stdout.write(str(result.path))
