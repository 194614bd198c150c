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


@register.filter(expects_localtime=True)
def clock(value) -> str:
    """A time as GOV.UK writes it, the one way every page and document shows a time: "1:43am",
    "10am", "midday", "midnight". Never "1:43 a.m." (which, ending a sentence, read "a.m..")."""
    if not hasattr(value, "hour"):
        return ""
    if value.minute == 0 and value.hour in (0, 12):
        return "midnight" if value.hour == 0 else "midday"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"
