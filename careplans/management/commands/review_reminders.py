import datetime

from django.core.management.base import BaseCommand, CommandError

from careplans.notices import review_reminders


class Command(BaseCommand):
    help = (
        "Send the day's care plan review reminders now (Celery beat does this each morning). "
        "Safe to run again: each reminder is sent once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Act as if today were this date (YYYY-MM-DD), to catch up or check.")

    def handle(self, *args, date=None, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError("Give the date as YYYY-MM-DD, for example 2027-03-01.") from error
        count = review_reminders(today=today)
        self.stdout.write(f"{count} review reminder message{'' if count == 1 else 's'} created.")
