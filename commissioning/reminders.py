"""Day-before reminders for the events people are invited to: workshops (and the focus groups,
community conversations and prototyping sessions run as workshops) and monitoring meetings.
Run daily by the beat schedule. Finding what is due costs the same few queries whatever the
number of events or people; each message is keyed by the event and its date, so running twice
on a day (or retrying) sends nothing new, and an event moved to another day is reminded again.

Each app that holds events registers how to find a day's events and remind one (in its
AppConfig.ready), so commissioning's core never imports its sub-apps."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone


@dataclass(frozen=True)
class EventReminder:
    events_on: Callable[[date], Iterable]
    send: Callable[[object], int]


_reminders: dict[str, EventReminder] = {}


def register_day_before_reminder(name: str, *, events_on: Callable[[date], Iterable], send: Callable[[object], int]) -> None:
    _reminders[name] = EventReminder(events_on, send)


def due_tomorrow(*, today: date | None = None) -> tuple[list, ...]:
    """Tomorrow's events of each registered kind (workshops, then monitoring meetings), with who
    to remind loaded: two queries per kind."""
    tomorrow = (today or timezone.localdate()) + timedelta(days=1)
    return tuple(list(reminder.events_on(tomorrow)) for reminder in _reminders.values())


def day_before_reminders_send(*, today: date | None = None) -> int:
    """Remind everyone going to something tomorrow. Returns the number of messages made."""
    due = due_tomorrow(today=today)
    return sum(reminder.send(event) for reminder, events in zip(_reminders.values(), due) for event in events)
