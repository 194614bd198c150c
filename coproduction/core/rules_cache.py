"""Facts a rules predicate reads from the database, read once per request.

A page checks the same rule for many rows, so a predicate's lookup (the programmes someone is
in, the panels they sit on) is kept on the user object. Django loads a new user object for
every request, so the facts never outlive it: someone who loses access loses it on their next
request. Nothing is kept in a module, a process-wide cache or an lru_cache.
"""

from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")

_ATTRIBUTE = "_rules_facts_for_request"


def cached_for_request(user, key: Hashable, compute: Callable[[], T]) -> T:
    """compute(), worked out once per user object (that is, per request) for this key."""
    facts = _facts(user)
    if key not in facts:
        facts[key] = compute()
    return facts[key]


def remember_for_request(user, key: Hashable, value) -> None:
    """Keep a fact a view has already read, so the predicate need not read it again."""
    _facts(user)[key] = value


def forget_for_request(user) -> None:
    """Drop every fact kept on this user object, as a new request would."""
    if hasattr(user, _ATTRIBUTE):
        delattr(user, _ATTRIBUTE)


def _facts(user) -> dict:
    # getattr and setattr, not __dict__, so request.user (a lazy object) works as well.
    facts = getattr(user, _ATTRIBUTE, None)
    if facts is None:
        facts = {}
        setattr(user, _ATTRIBUTE, facts)
    return facts
