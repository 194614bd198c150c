"""What happens when someone loses access they had: a consent withdrawn, a team or programme
left, a meeting's membership ended, an account switched off.

Whatever ends the access calls `access_lost` in the same transaction, after the change, and each
app that keeps something made for that person under their old access registers what to stop
(reports: the files not yet made). The apps that end access and the apps that react need not
know each other."""

from collections.abc import Callable

# Each called as effect(user_id=...), once the change that ended the access is written.
_effects: list[Callable[..., object]] = []


def on_access_lost(effect: Callable[..., object]) -> Callable[..., object]:
    """Register what to stop for someone who may no longer see some of what they could."""
    if effect not in _effects:
        _effects.append(effect)
    return effect


def access_lost(*, user_id: int | None) -> None:
    """Someone's access has just narrowed: let every registered effect re-check what it keeps."""
    if user_id is None:
        return
    for effect in _effects:
        effect(user_id=user_id)
