"""The demo-data registry: each app seeds its own demo records from its own `demo.py`.

An app registers its seeders with `@demo_seeder(order)`; `manage.py seed_demo` imports every
app's `demo.py` and runs the seeders by order, so the platform never names a feature. Orders
leave room between them: the people and accounts first (10s), care plans (20s), the checklist
(40s), commissioning's programmes (50) before what each commissioning app adds to them (60-140),
information governance (150s) and, last, the messages the demo's own events would have sent (900).
"""

import datetime
from collections.abc import Callable

from django.utils.module_loading import autodiscover_modules

from .bank_holidays import is_bank_holiday

_seeders: list[tuple[int, str, Callable[[], None]]] = []


def demo_seeder(order: int):
    """Register a function that seeds demo records; lower orders run first."""

    def register(seed: Callable[[], None]) -> Callable[[], None]:
        name = f"{seed.__module__}.{seed.__qualname__}"
        if all(existing != name for _, existing, _ in _seeders):  # a module imported twice registers once
            _seeders.append((order, name, seed))
        return seed

    return register


def demo_seeders() -> list[Callable[[], None]]:
    """Every app's seeders, in the order they must run."""
    autodiscover_modules("demo")
    return [seed for _, _, seed in sorted(_seeders, key=lambda entry: (entry[0], entry[1]))]


def demo_day(near: datetime.date, *, weekday: int | None = None, earlier: bool = False) -> datetime.date:
    """A day for a demo event or meeting dated from today: `near` or the first day after it (before
    it, with `earlier`, so a past event stays past) that is a weekday, the given one if named, and
    not a bank holiday. Nobody holds a community event on Christmas Day."""
    step = datetime.timedelta(days=-1 if earlier else 1)
    day = near
    while day.weekday() >= 5 or (weekday is not None and day.weekday() != weekday) or is_bank_holiday(day):
        day += step
    return day
