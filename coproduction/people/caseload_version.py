"""A number that moves whenever a caseload changes: someone added to or moved between teams, a
plan started, agreed or superseded, or a review date set. Figures counted over whole caseloads
(the dashboards' people, plans and reviews) are kept in the cache with the number they were
counted at, and counted again once it has moved, so a change shows on the very next page.

Whatever writes people or plans calls `caseload_changed` (the people and plan services, the case
system import); saving a person or a plan any other way moves it too (`watch` below).
The number lives in Redis with no expiry; if it is ever lost, it starts again from the clock,
so a figure kept under an old number is never taken for a new one."""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "people:caseload-version"


def _move() -> None:
    cache.add(VERSION_KEY, time.time_ns(), timeout=None)
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # lost between the two calls: start again from the clock
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def caseload_changed() -> None:
    """A caseload figure may have changed: now, and again when the transaction commits (a page
    that counted the old rows in between would otherwise keep its figures)."""
    _move()
    transaction.on_commit(_move)


def caseload_kept(*, key: str, count):
    """`count()`'s figures, kept in the cache under `key` until the next caseload change (or
    the day's end: reviews fall due by the date). One round trip to Redis when they are kept."""
    from django.utils import timezone

    found = cache.get_many([VERSION_KEY, key])
    version, kept, today = found.get(VERSION_KEY), found.get(key), timezone.localdate().isoformat()
    if version is not None and kept is not None and kept[0] == version and kept[1] == today:
        return kept[2]
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    figures = count()  # counted after the number was read: a change meanwhile moves it past this
    cache.set(key, (version, today, figures), timeout=24 * 60 * 60)
    return figures


def watch(model, *, fields: set[str]) -> None:
    """Move the number when `model` is saved or deleted outside the services (the admin site, a
    shell, a factory): not business logic, it keeps kept figures true. A save that names only
    other fields (a plan's words, say) leaves it."""

    def changed_on_save(sender, update_fields=None, **kwargs) -> None:
        if update_fields is None or not fields.isdisjoint(update_fields):
            caseload_changed()

    post_save.connect(changed_on_save, sender=model, weak=False, dispatch_uid=f"caseload_changed_{model._meta.label}_save")
    post_delete.connect(changed_on_save, sender=model, weak=False, dispatch_uid=f"caseload_changed_{model._meta.label}_delete")
