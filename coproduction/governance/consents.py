"""What giving or withdrawing a consent does, as each app registers it.

Governance knows purposes, not apps: the app that owns what a consent controls registers the
effect in its own `consents.py` (imported by GovernanceConfig.ready), and
`consent_services` runs the effects in the same transaction as the register row.
"""

from collections import defaultdict
from collections.abc import Callable

# purpose -> effects, each called as effect(consent=..., by=..., request=...)
_on_withdrawal: dict[str, list[Callable[..., None]]] = defaultdict(list)
# purpose -> effects, each called as effect(story=..., given_by=..., notes=..., by=..., request=...)
_on_giving: dict[str, list[Callable[..., None]]] = defaultdict(list)
# purpose -> a function telling whose consent it is, from the record it is about
_subject_of: dict[str, Callable[..., dict]] = {}


def _register_once(effects: list, effect: Callable) -> None:
    name = f"{effect.__module__}.{effect.__qualname__}"
    if all(f"{known.__module__}.{known.__qualname__}" != name for known in effects):
        effects.append(effect)


def on_withdrawal(purpose: str):
    """Register what a withdrawal of this purpose stops."""

    def register(effect: Callable[..., None]) -> Callable[..., None]:
        _register_once(_on_withdrawal[purpose], effect)
        return effect

    return register


def on_giving(purpose: str):
    """Register what giving a consent of this purpose starts."""

    def register(effect: Callable[..., None]) -> Callable[..., None]:
        _register_once(_on_giving[purpose], effect)
        return effect

    return register


def subject_of(purpose: str):
    """Register how to tell whose consent it is from the record it is about."""

    def register(resolve: Callable[..., dict]) -> Callable[..., dict]:
        _subject_of[purpose] = resolve
        return resolve

    return register


def withdrawal_effects(purpose: str) -> list[Callable[..., None]]:
    return list(_on_withdrawal.get(purpose, ()))


def giving_effects(purpose: str) -> list[Callable[..., None]]:
    return list(_on_giving.get(purpose, ()))


def subject_for(purpose: str, record) -> dict:
    """{"person": ..., "representative": ...} or {"user_id": ...} for the record's consent."""
    return _subject_of[purpose](record)
