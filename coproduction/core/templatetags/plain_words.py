"""Template filters that say things in words a person would use."""

from datetime import timedelta

from django import template

register = template.Library()

_UNITS = (("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1))


@register.filter
def duration_words(value: timedelta | None) -> str:
    """`timedelta(minutes=15)` as "15 minutes", `timedelta(hours=1, minutes=30)` as "1 hour and 30 minutes"."""
    if not isinstance(value, timedelta):
        return ""
    left = max(int(value.total_seconds()), 0)
    parts = []
    for unit, seconds in _UNITS:
        count, left = divmod(left, seconds)
        if count:
            parts.append(f"{count} {unit}{'' if count == 1 else 's'}")
    if not parts:
        return "0 seconds"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
