from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from coproduction import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into the configured database and file storage, "
        "then check every table's rows and every file against the backup's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the backup folder (BACKUP_DIR/coproduction-...)")
        parser.add_argument(
            "--force", action="store_true", help="replace the contents of a database that already has tables"
        )

    def handle(self, *args, path, force=False, **options):
        try:
            result = backup.restore(path, force=force)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Restored {result.rows} rows in {result.tables} tables and {result.files} files; all match the backup."
        )
