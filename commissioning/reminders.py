"""Day-before reminders for the events people are invited to: workshops (and the focus groups,
community conversations and prototyping sessions run as workshops) and monitoring meetings.
Run daily by the beat schedule. Finding what is due costs the same few queries whatever the
number of events or people; each message is keyed by the event and its date, so running twice
on a day (or retrying) sends nothing new, and an event moved to another day is reminded again."""

from datetime import date, timedelta

from django.utils import timezone

from commissioning.monitoring import notices as monitoring_notices
from commissioning.workshops import notices as workshop_notices


def due_tomorrow(*, today: date | None = None) -> tuple[list, list]:
    """Tomorrow's workshops and monitoring meetings, with who to remind loaded: four queries."""
    tomorrow = (today or timezone.localdate()) + timedelta(days=1)
    return list(workshop_notices.workshops_on(tomorrow)), list(monitoring_notices.meetings_on(tomorrow))


def day_before_reminders_send(*, today: date | None = None) -> int:
    """Remind everyone going to something tomorrow. Returns the number of messages made."""
    workshops, meetings = due_tomorrow(today=today)
    sent = sum(workshop_notices.reminder_send(workshop=workshop) for workshop in workshops)
    return sent + sum(monitoring_notices.reminder_send(meeting=meeting) for meeting in meetings)
